package eu.clusternews.pipeline.aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts by name (a role, a kind, a month), summed in place: each count is a mutable cell, so counting a name already
 * counted allocates nothing (a {@code HashMap<String, Long>} merge boxes a new sum and calls a function each time, and
 * runs for every contribution). A count back at zero is dropped: event counts move down when events merge, and the
 * other counts only grow.
 */
final class Counts {

    private final HashMap<String, long[]> cells = new HashMap<>();

    void add(String name, long delta) {
        long[] cell = cells.get(name);
        if (cell == null) {
            if (delta != 0) {
                cells.put(name, new long[] {delta});
            }
        } else if ((cell[0] += delta) == 0) {
            cells.remove(name);
        }
    }

    void addAll(Counts other) {
        other.cells.forEach((name, cell) -> add(name, cell[0]));
    }

    void addAll(Map<String, Long> counts) {
        counts.forEach(this::add);
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The counts by name, sorted by name: a copy. */
    TreeMap<String, Long> sorted() {
        TreeMap<String, Long> sorted = new TreeMap<>();
        cells.forEach((name, cell) -> sorted.put(name, cell[0]));
        return sorted;
    }
}
