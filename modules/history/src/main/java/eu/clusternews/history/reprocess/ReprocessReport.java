package eu.clusternews.history.reprocess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * What a reprocess changed: per compacted output topic, the keys added, removed (tombstoned) and changed, comparing
 * the table before with the table rebuilt.
 *
 * @param tombstones tombstones written for keys the rebuild no longer produced
 * @param elapsed    from the reset to the report
 */
public record ReprocessReport(ReprocessPlan plan, List<SnapshotDiff> diffs, long tombstones, Duration elapsed) {

    /** The diff of one output topic. */
    public SnapshotDiff diff(String topic) {
        return diffs.stream()
                .filter(d -> d.topic().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No output topic " + topic + " in this report"));
    }

    /** A summary for people, listing at most {@code maxKeys} keys per kind of change. */
    public List<String> describe(int maxKeys) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT, "Reprocessed %s in %.1f s.", plan.applicationId(), elapsed.toMillis() / 1000.0));
        for (SnapshotDiff diff : diffs) {
            lines.add("  " + diff.describe());
            keys(lines, "added", diff.added(), maxKeys);
            keys(lines, "removed", diff.removed(), maxKeys);
            keys(lines, "changed", diff.changed(), maxKeys);
        }
        if (diffs.stream().allMatch(SnapshotDiff::isEmpty)) {
            lines.add("  The rebuilt aggregates equal the previous ones.");
        }
        return lines;
    }

    private static void keys(List<String> lines, String what, SortedSet<String> keys, int max) {
        if (keys.isEmpty()) {
            return;
        }
        String shown = String.join(", ", keys.stream().limit(max).toList());
        lines.add("    " + what + ": " + shown + (keys.size() > max ? ", ... (" + (keys.size() - max) + " more)" : ""));
    }
}
