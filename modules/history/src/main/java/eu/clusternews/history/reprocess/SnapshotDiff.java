package eu.clusternews.history.reprocess;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed in a keyed topic between two snapshots: keys added, removed, and keys whose value differs.
 *
 * @param unchanged how many keys kept the same value
 */
public record SnapshotDiff(
        String topic, SortedSet<String> added, SortedSet<String> removed, SortedSet<String> changed, int unchanged) {

    public SnapshotDiff {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
    }

    /** Compares two snapshots of the same topic. */
    public static SnapshotDiff between(KeyedSnapshot before, KeyedSnapshot after) {
        SortedSet<String> added = new TreeSet<>();
        SortedSet<String> removed = new TreeSet<>();
        SortedSet<String> changed = new TreeSet<>();
        int unchanged = 0;
        for (var entry : after.values().entrySet()) {
            var old = before.values().get(entry.getKey());
            if (old == null) {
                added.add(entry.getKey());
            } else if (!Objects.equals(old, entry.getValue())) {
                changed.add(entry.getKey());
            } else {
                unchanged++;
            }
        }
        before.keys().stream().filter(key -> !after.values().containsKey(key)).forEach(removed::add);
        return new SnapshotDiff(after.topic(), added, removed, changed, unchanged);
    }

    /** True when nothing was added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** One line, e.g. {@code cluster-activity: 2 added, 0 removed, 5 changed, 120 unchanged}. */
    public String describe() {
        return topic + ": " + added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed, "
                + unchanged + " unchanged";
    }
}
