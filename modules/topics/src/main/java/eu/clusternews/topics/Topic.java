package eu.clusternews.topics;

import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A topic with the serdes of its keys and values, so no serde is wired by hand twice. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    public Serializer<K> keySerializer() {
        return keySerde.serializer();
    }

    public Deserializer<K> keyDeserializer() {
        return keySerde.deserializer();
    }

    public Serializer<V> valueSerializer() {
        return valueSerde.serializer();
    }

    public Deserializer<V> valueDeserializer() {
        return valueSerde.deserializer();
    }

    @Override
    public String toString() {
        return name;
    }
}
