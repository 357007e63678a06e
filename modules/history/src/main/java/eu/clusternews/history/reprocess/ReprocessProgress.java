package eu.clusternews.history.reprocess;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import eu.clusternews.history.HistoryAdmin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * How far a reprocess got, kept in the cluster so that a rerun after Ctrl-C, kill -9 or a lost machine finishes the
 * job rather than starting from a half-rebuilt table: the offsets of a consumer group of its own,
 * {@code <application.id>-reprocess}, that no client ever joins.
 *
 * <p>Its committed offset on each partition of each derived table is where the rebuild began writing there: what
 * lies before is the table as it was before the reprocess (what the report compares with and what tombstones are
 * decided against), what lies after is the rebuild. The offsets' metadata says whether the reset was done: a rerun
 * redoes an unfinished reset (every step of it is idempotent), and after a finished one lets the pipeline go on from
 * its committed offsets (exactly-once: its output and its offsets are consistent). The group is deleted when the
 * reprocess has written its tombstones.
 *
 * @param outputStart per derived-table partition, the end offset before the reprocess began writing
 * @param resetDone   whether the application's offsets, internal topics and state were reset
 * @param startedAt   when the first run began
 */
record ReprocessProgress(Map<TopicPartition, Long> outputStart, boolean resetDone, Instant startedAt) {

    private static final String PREFIX = "clusternews reprocess;";

    ReprocessProgress {
        Map<TopicPartition, Long> sorted = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        sorted.putAll(outputStart);
        outputStart = Collections.unmodifiableMap(sorted);
    }

    /** The group the progress of this application's reprocess is kept in. */
    static String group(String applicationId) {
        return applicationId + "-reprocess";
    }

    /** The saved progress of an unfinished reprocess, empty when there is none. */
    static Optional<ReprocessProgress> load(HistoryAdmin admin, String applicationId) {
        Map<TopicPartition, OffsetAndMetadata> saved = admin.get(
                admin.admin().listConsumerGroupOffsets(group(applicationId)).partitionsToOffsetAndMetadata(),
                "read the progress of an earlier reprocess");
        Map<TopicPartition, Long> start = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        boolean resetDone = true;
        Instant startedAt = null;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : saved.entrySet()) {
            if (e.getValue() == null || !e.getValue().metadata().startsWith(PREFIX)) {
                continue;
            }
            start.put(e.getKey(), e.getValue().offset());
            String[] fields = e.getValue().metadata().substring(PREFIX.length()).split(";");
            resetDone &= fields[0].equals("reset");
            startedAt = Instant.parse(fields[1]);
        }
        return start.isEmpty() ? Optional.empty() : Optional.of(new ReprocessProgress(start, resetDone, startedAt));
    }

    /** Saves this progress (the group has no members, so an admin may commit its offsets). */
    void save(HistoryAdmin admin, String applicationId) {
        String metadata = PREFIX + (resetDone ? "reset" : "planned") + ";" + startedAt;
        Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        outputStart.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset, metadata)));
        admin.get(
                admin.admin()
                        .alterConsumerGroupOffsets(group(applicationId), offsets)
                        .all(),
                "save the progress of the reprocess");
    }

    /** The same progress with the reset done. */
    ReprocessProgress withResetDone() {
        return new ReprocessProgress(outputStart, true, startedAt);
    }

    /** Forgets the progress: the reprocess is finished. */
    static void clear(HistoryAdmin admin, String applicationId) {
        try {
            admin.get(
                    admin.admin()
                            .deleteConsumerGroups(List.of(group(applicationId)))
                            .all(),
                    "delete the progress group " + group(applicationId) + " of the finished reprocess");
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }
}
