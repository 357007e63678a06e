package eu.clusternews.pipeline.internal;

/**
 * A value on its way through the news steps, with the cluster-news record its news was read from when that record's
 * Avro binary is the news' encoding in our schema ({@code newsBytes}, Confluent wire format; null when it is not, or
 * when the news was changed on the way): the enriched copy then copies that binary instead of encoding the news again
 * ({@link NewsCopyingSerde}).
 */
public record WithNewsBytes<V>(V value, byte[] newsBytes) {

    /** A value whose news is to be encoded when written. */
    public static <V> WithNewsBytes<V> encodedWhenWritten(V value) {
        return new WithNewsBytes<>(value, null);
    }

    /** The same news bytes with another value (the next step's result for the same news). */
    public <W> WithNewsBytes<W> with(W next) {
        return new WithNewsBytes<>(next, newsBytes);
    }
}
