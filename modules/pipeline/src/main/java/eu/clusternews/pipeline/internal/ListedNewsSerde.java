package eu.clusternews.pipeline.internal;

import eu.clusternews.avro.EnrichedNews;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The enriched-news store's serde: the internal encoding of {@link EnrichedNews}, and values that arrive already
 * encoded ({@link Encoded}, assembled by {@link EnrichedNewsBinaries}) written as they are. The store stays typed
 * {@code EnrichedNews} for its readers (interactive queries decode with the internal encoding); only the processor that
 * fills it puts pre-encoded values, and the store has no record cache, so such a value is encoded as soon as it is put
 * and never read as a record.
 */
public final class ListedNewsSerde implements Serde<EnrichedNews> {

    /** An enriched news already in the store's encoding; its record fields are not set. */
    public static final class Encoded extends EnrichedNews {
        private final byte[] singleObject;

        public Encoded(byte[] singleObject) {
            this.singleObject = singleObject;
        }
    }

    private final InternalAvroSerde<EnrichedNews> internal = InternalAvroSerde.of(EnrichedNews.class);

    @Override
    public Serializer<EnrichedNews> serializer() {
        return (topic, value) ->
                value instanceof Encoded encoded ? encoded.singleObject : internal.serialize(topic, value);
    }

    @Override
    public Deserializer<EnrichedNews> deserializer() {
        return internal;
    }
}
