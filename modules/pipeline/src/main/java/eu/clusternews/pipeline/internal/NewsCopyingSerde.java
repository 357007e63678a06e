package eu.clusternews.pipeline.internal;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes enriched news to cluster-news-enriched in the topic's format, framing the Avro binary that
 * {@link EnrichedNewsBinaries} assembled from the cluster-news record (the news' bytes copied, the enrichment encoded
 * once) when {@link EnrichedCopies} has it: the bytes the topic's serializer would write. Otherwise, or when the topic
 * takes another schema, the record is encoded as usual. Reads with the topic's deserializer.
 */
public final class NewsCopyingSerde implements Serde<EnrichedCopies> {

    private final Serializer<EnrichedNews> published;
    private final Deserializer<EnrichedNews> reader;

    /** @param topic the enriched topic's (configured) serde */
    public NewsCopyingSerde(Serde<EnrichedNews> topic) {
        this.published = topic.serializer();
        this.reader = topic.deserializer();
    }

    byte[] serialize(String topic, EnrichedCopies enriched) {
        if (enriched == null || enriched.value() == null) {
            return null; // tombstone
        }
        if (enriched.framed() != null && published instanceof SpecificAvroSerializer<EnrichedNews> confluent) {
            // the record is written once: its array can become the record's value
            return confluent.serializeFramed(topic, enriched.value(), enriched.framed());
        }
        return published.serialize(topic, enriched.value());
    }

    @Override
    public Serializer<EnrichedCopies> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<EnrichedCopies> deserializer() {
        return (topic, data) ->
                data == null ? null : EnrichedCopies.encodedWhenWritten(reader.deserialize(topic, data));
    }
}
