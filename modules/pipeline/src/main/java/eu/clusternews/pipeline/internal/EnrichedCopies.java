package eu.clusternews.pipeline.internal;

import eu.clusternews.avro.EnrichedNews;

/**
 * An enriched news with the two encodings the pipeline writes of it, when they could be assembled from copies of the
 * cluster-news record ({@link EnrichedNewsBinaries}): {@code framed}, the EnrichedNews' Avro binary after {@link
 * eu.clusternews.registry.ConfluentWireFormat#HEADER_SIZE} bytes for the wire format's header (for
 * cluster-news-enriched, which {@link NewsCopyingSerde} writes into them), and {@code listed}, the enriched-news
 * store's value (the same record without its body, in the internal encoding). Both null when the news was not read in
 * our schema's layout or was cut: then each is encoded when written.
 */
public record EnrichedCopies(EnrichedNews value, byte[] framed, byte[] listed) {

    /** An enriched news to be encoded where it is written. */
    public static EnrichedCopies encodedWhenWritten(EnrichedNews value) {
        return new EnrichedCopies(value, null, null);
    }
}
