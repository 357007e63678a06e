package eu.clusternews.history.replay;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** Where replayed news go: printed as JSON lines, or republished to a topic. */
public interface ReplaySink extends AutoCloseable {

    /** Takes one matched record, in the order the replay delivers them. */
    void accept(ReplayedRecord record);

    /** Makes everything accepted visible (flush, commit); called once after the last record. */
    void finish();

    /** Records written so far (committed ones, for a transactional sink). */
    long written();

    /** Whether the sink commits how far it got, so that a rerun goes on where it stopped. */
    default boolean keepsProgress() {
        return false;
    }

    /**
     * Per source partition, the offset after the last record earlier runs of this sink committed; empty for a sink
     * that does not keep progress or a first run.
     */
    default Map<TopicPartition, Long> resumeFrom(Collection<TopicPartition> partitions) {
        return Map.of();
    }

    /** Releases resources; a sink closed before {@link #finish()} discards what is not yet visible. */
    @Override
    void close();
}
