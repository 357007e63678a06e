package eu.clusternews.pipeline.internal;

/**
 * A validated news on its way to enrichment, with the cluster-news record it was read from when that record's Avro
 * binary is the news' encoding in our schema ({@code newsBytes}, Confluent wire format; null when it is not): the
 * enriched copy is then assembled from copies of it ({@link EnrichedNewsBinaries}) instead of encoding the news again,
 * and the news' body was not decoded: it is null, and {@link NewsWithoutBody#withBody} reads it from the bytes.
 */
public record WithNewsBytes<V>(V value, byte[] newsBytes) {}
