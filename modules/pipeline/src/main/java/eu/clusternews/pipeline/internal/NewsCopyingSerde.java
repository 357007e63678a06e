package eu.clusternews.pipeline.internal;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes enriched news to cluster-news-enriched in the topic's format, copying the Avro binary of the news (the
 * record's first field, about 60 % of its bytes with the body) from the cluster-news record it was read from when
 * {@link WithNewsBytes} has it, and encoding only the enrichment: the bytes are the ones the topic's serializer would
 * write (Avro's binary encoding of a datum depends only on the schema's canonical form, which the validate step
 * checked). Otherwise, or when the topic takes another schema, the whole record is encoded as usual. Reads with the
 * topic's deserializer.
 */
public final class NewsCopyingSerde implements Serde<WithNewsBytes<EnrichedNews>> {

    /** The fields of EnrichedNews whose binary the news bytes hold: {@code news}. */
    private static final int NEWS_FIELDS = 1;

    private final Serializer<EnrichedNews> published;
    private final Deserializer<EnrichedNews> reader;

    /** @param topic the enriched topic's (configured) serde */
    public NewsCopyingSerde(Serde<EnrichedNews> topic) {
        this.published = topic.serializer();
        this.reader = topic.deserializer();
    }

    byte[] serialize(String topic, WithNewsBytes<EnrichedNews> enriched) {
        if (enriched == null || enriched.value() == null) {
            return null; // tombstone
        }
        if (enriched.newsBytes() != null && published instanceof SpecificAvroSerializer<EnrichedNews> confluent) {
            return confluent.serializeAfterFields(
                    topic, enriched.value(), enriched.newsBytes(), ConfluentWireFormat.HEADER_SIZE, NEWS_FIELDS);
        }
        return published.serialize(topic, enriched.value());
    }

    @Override
    public Serializer<WithNewsBytes<EnrichedNews>> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<WithNewsBytes<EnrichedNews>> deserializer() {
        return (topic, data) -> data == null ? null : WithNewsBytes.encodedWhenWritten(reader.deserialize(topic, data));
    }
}
