package eu.clusternews.history.reprocess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * What reprocess will do, as found before touching anything: printed by {@code --dry-run}, executed otherwise.
 *
 * @param groupExists      whether the application ever committed (else there are no offsets to reset)
 * @param inputOffsets     input partition → [committed offset or -1, earliest offset it is reset to]
 * @param internalTopics   the {@code <application.id>-*-repartition} and {@code -changelog} topics to delete
 * @param outputKeys       compacted output topic → keys it holds now
 * @param resumed          the interrupted reprocess this one finishes, null when there is none
 */
public record ReprocessPlan(
        String applicationId,
        boolean groupExists,
        Map<TopicPartition, long[]> inputOffsets,
        Set<String> internalTopics,
        Path localStateDir,
        Map<String, Integer> outputKeys,
        Resumed resumed) {

    /**
     * An interrupted reprocess, as its saved progress tells.
     *
     * @param startedAt when it began
     * @param resetDone whether it had finished the reset
     */
    public record Resumed(Instant startedAt, boolean resetDone) {

        static Resumed of(ReprocessProgress progress) {
            return new Resumed(progress.startedAt(), progress.resetDone());
        }

        /** What was done, e.g. {@code the reset (started 2026-12-02T16:00:00Z)}. */
        public String describe() {
            return (resetDone ? "the reset" : "its plan") + " (started " + startedAt + ")";
        }
    }

    /** The plan, one step per line. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Reprocess " + applicationId + ":");
        if (resumed != null) {
            lines.add("  0. finish the reprocess interrupted after " + resumed.describe() + ": compare with and"
                    + " tombstone against the tables as they were before it"
                    + (resumed.resetDone() ? "; the pipeline goes on from its committed offsets, no reset" : ""));
        }
        if (resumed != null && resumed.resetDone()) {
            lines.add("  1-3. the reset: done by the interrupted run");
        } else if (!groupExists) {
            lines.add("  1. input offsets: the application never committed any; it will read from the earliest");
        } else {
            lines.add("  1. reset committed input offsets to the earliest:");
            inputOffsets.forEach((tp, offsets) -> lines.add(String.format(
                    "       %-28s %8s -> %d", tp, offsets[0] < 0 ? "none" : Long.toString(offsets[0]), offsets[1])));
        }
        if (resumed == null || !resumed.resetDone()) {
            lines.add("  2. delete " + internalTopics.size() + " internal topics"
                    + (internalTopics.isEmpty() ? "" : ":"));
            internalTopics.forEach(topic -> lines.add("       " + topic));
            lines.add("  3. delete the local state " + localStateDir.toAbsolutePath()
                    + (Files.exists(localStateDir) ? "" : " (not there)"));
        }
        lines.add("  4. run the pipeline over the whole input, then tombstone the output keys it no longer produces:");
        outputKeys.forEach((topic, keys) -> lines.add("       " + topic + " (" + keys + " keys now)"));
        return lines;
    }
}
