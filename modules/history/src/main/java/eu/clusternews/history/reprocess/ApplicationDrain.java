package eu.clusternews.history.reprocess;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.history.OffsetRangeReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a running Kafka Streams application has consumed its input up to given end offsets and then drained
 * its repartition topics, judged by the offsets its group committed: under exactly-once, output and offsets commit
 * together, so then every result of that input is written.
 */
public final class ApplicationDrain {

    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /** Below this many offsets behind, the rest may be transaction markers only: look instead of guessing. */
    private static final long MARKER_SLACK = 64;

    private final Map<String, ?> clientConfig;
    private final HistoryAdmin admin;
    private final String applicationId;

    public ApplicationDrain(Map<String, ?> clientConfig, HistoryAdmin admin, String applicationId) {
        this.clientConfig = clientConfig;
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /**
     * Blocks until drained.
     *
     * @param failure says why the application stopped, or null while it runs
     * @throws IllegalStateException when it stopped or did not finish within the timeout
     */
    public void await(Map<TopicPartition, Long> inputEnd, Supplier<String> failure, Duration timeout) {
        ApplicationGroup group = new ApplicationGroup(admin, applicationId);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String why = failure.get();
            if (why != null) {
                throw new IllegalStateException("Reprocess failed: " + why);
            }
            Map<TopicPartition, Long> committed = group.committedOffsets();
            if (consumedUpTo(committed, inputEnd) && repartitionDrained(committed)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(applicationId + " has not consumed its input after "
                        + timeout.toSeconds() + " s (committed " + committed + ", input ends at " + inputEnd + ")");
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis()); // polling committed offsets: the broker offers no event to await
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + applicationId + " ran", e);
            }
        }
    }

    /**
     * Whether the group has read every repartition topic to its end, judged by offsets it had committed before the
     * ends are read: what a task had consumed then, it had written before.
     */
    private boolean repartitionDrained(Map<TopicPartition, Long> committed) {
        Set<String> repartition = Reprocess.internalTopics(admin, applicationId).stream()
                .filter(t -> t.endsWith("-repartition"))
                .collect(Collectors.toSet());
        if (repartition.isEmpty()) {
            return true;
        }
        // the ends as written, not the last stable offsets: a producer's commit returns (and the upstream task's
        // input offsets show) before the broker has marked its records on the repartition topic, and a rebuild may
        // send every partial in that one transaction, so a last stable offset would call the topic drained before the
        // aggregate task has read anything
        Map<TopicPartition, Long> end = admin.writtenEnd(admin.partitions(repartition));
        return consumedUpTo(committed, end);
    }

    /**
     * Whether the committed offsets are past every data record before {@code end}. Under exactly-once, the last
     * offsets of a partition may be transaction markers, which are never returned as records: a committed offset just
     * short of the end counts as done when a read_committed read of the rest returns no record and gets to the end
     * (it stops short while a transaction there is open or not yet marked).
     */
    private boolean consumedUpTo(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            Long at = committed.get(e.getKey());
            long target = e.getValue();
            if (at != null && at >= target) {
                continue;
            }
            long from = at == null ? admin.earliest(List.of(e.getKey())).get(e.getKey()) : at;
            if (from >= target) {
                continue;
            }
            if (target - from > MARKER_SLACK || holdsRecords(clientConfig, e.getKey(), from, target)) {
                return false;
            }
        }
        return true;
    }

    /** Reads [from, end) with a consumer of its own, so no other partition's fetch state is in the way. */
    private static boolean holdsRecords(Map<String, ?> clientConfig, TopicPartition tp, long from, long end) {
        try (KafkaConsumer<byte[], byte[]> probe = HistoryClients.consumer(clientConfig, "clusternews-drain-probe")) {
            OffsetRangeReader reader = OffsetRangeReader.bounded(probe, Map.of(tp, from), Map.of(tp, end));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (reader.hasMore() && System.nanoTime() < deadline) {
                if (!reader.poll(Duration.ofMillis(100)).isEmpty()) {
                    return true;
                }
            }
            return reader.hasMore();
        }
    }
}
