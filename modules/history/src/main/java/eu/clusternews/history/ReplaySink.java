package eu.clusternews.history;

/** Where replayed news go: printed as JSON lines, or republished to a topic. */
public interface ReplaySink extends AutoCloseable {

    /** Takes one matched record, in the order the replay delivers them. */
    void accept(ReplayedRecord record);

    /** Makes everything accepted visible (flush, commit); called once after the last record. */
    void finish();

    /** Records written so far (committed ones, for a transactional sink). */
    long written();

    /** Releases resources; a sink closed before {@link #finish()} discards what is not yet visible. */
    @Override
    void close();
}
