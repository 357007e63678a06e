package eu.clusternews.pipeline.internal;

import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values that a write-back store has just encoded for its changelog ({@link Encoded}) to a public topic in
 * the Confluent wire format, by framing the same Avro binary with the registry's header: the internal encoding and
 * the public one differ only in their header when the public topic takes the record's own schema. The bytes are the
 * ones the topic's serializer would write; when they would not be (another schema, bytes not of this type's
 * current schema) the value is encoded by that serializer as usual. Reads with the topic's deserializer.
 */
public final class ReframingSerde<V extends SpecificRecord> implements Serde<Encoded<V>> {

    private final InternalAvroSerde<V> internal;
    private final Serializer<V> published;
    private final Deserializer<V> reader;

    /**
     * @param internal the encoding the store wrote with
     * @param topic    the public topic's (configured) serde
     */
    public ReframingSerde(InternalAvroSerde<V> internal, Serde<V> topic) {
        this.internal = internal;
        this.published = topic.serializer();
        this.reader = topic.deserializer();
    }

    /** The record in the topic's format: framed when it was written in this type's current schema. */
    byte[] serialize(String topic, Encoded<V> encoded) {
        if (encoded == null || encoded.value() == null) {
            return null; // tombstone
        }
        int offset = encoded.singleObject() == null ? -1 : internal.avroBinaryOffset(encoded.singleObject());
        if (offset >= 0 && published instanceof SpecificAvroSerializer<V> confluent) {
            return confluent.serializeWritten(topic, encoded.value(), encoded.singleObject(), offset);
        }
        return published.serialize(topic, encoded.value());
    }

    @Override
    public Serializer<Encoded<V>> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<Encoded<V>> deserializer() {
        return (topic, data) -> data == null ? null : new Encoded<>(reader.deserialize(topic, data), null);
    }
}
