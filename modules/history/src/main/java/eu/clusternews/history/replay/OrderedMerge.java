package eu.clusternews.history.replay;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts the records of several partitions in publication order ({@link ReplayedRecord#PUBLICATION_ORDER}: timestamp,
 * then partition, then offset) with a priority queue.
 *
 * <p>Why it holds every record until {@link #drain}: a partition of cluster-news is in arrival order, not publication
 * order (backfills of old press releases arrive years late), so merging only the heads of the partitions would not
 * give publication order. The queue holds the matched records of one replay, raw bytes only: about the size of those
 * records on the broker.
 */
public final class OrderedMerge {

    private final PriorityQueue<ReplayedRecord> queue = new PriorityQueue<>(ReplayedRecord.PUBLICATION_ORDER);

    /** Adds a record, from any partition, in any order. */
    public void add(ReplayedRecord record) {
        queue.add(record);
    }

    /** Records waiting. */
    public int size() {
        return queue.size();
    }

    /** Hands every record to the sink in publication order and empties the merge. */
    public void drain(Consumer<ReplayedRecord> sink) {
        ReplayedRecord next;
        while ((next = queue.poll()) != null) {
            sink.accept(next);
        }
    }
}
