package eu.clusternews.registry;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Serde for generated Avro records in the Confluent wire format (byte 0, a 4-byte big-endian schema id, the
 * Avro binary), readable by any Confluent-compatible consumer.
 *
 * <p>Settings, in Confluent's spelling: {@code schema.registry.url} (http(s)://... or mock://SCOPE),
 * {@code auto.register.schemas} (default true), {@code use.latest.version} (default false),
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy} (topic, record, topic-record or Confluent's
 * class names; default topic), {@code avro.remove.java.properties} (default true), and the client's settings in
 * {@link SchemaRegistryConfig}.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    /** A serde that builds its registry client from the configuration given to {@link #configure}. */
    public SpecificAvroSerde(Class<T> type) {
        this(type, null);
    }

    /** A serde that uses this client; {@link #configure} still reads the serde settings. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.serializer = new SpecificAvroSerializer<>(type, client);
        this.deserializer = new SpecificAvroDeserializer<>(type, client);
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        serializer.configure(config, isKey);
        deserializer.configure(config, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
