package eu.clusternews.pipeline.aggregate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts by name (a role, a kind, a month), summed in place: each count is a mutable cell, so counting a name already
 * counted allocates nothing (a {@code HashMap<String, Long>} merge boxes a new sum and calls a function each time, and
 * runs for every contribution). A count back at zero is dropped: event counts move down when events merge, and the
 * other counts only grow.
 */
final class Counts {

    private final HashMap<String, long[]> cells = new HashMap<>();
    /**
     * The names in order, kept between writes until a name comes or goes: an aggregate is written at every commit
     * that changed it, and its months and kinds rarely change, while sorting them each time was a tenth of a caught-up
     * stream thread. Null when not known.
     */
    private String[] sortedNames;

    void add(String name, long delta) {
        long[] cell = cells.get(name);
        if (cell == null) {
            if (delta != 0) {
                cells.put(name, new long[] {delta});
                sortedNames = null;
            }
        } else if ((cell[0] += delta) == 0) {
            cells.remove(name);
            sortedNames = null;
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

    /** The counts by name, in the order of the names: a copy. */
    Map<String, Long> sorted() {
        if (sortedNames == null) {
            sortedNames = cells.keySet().toArray(new String[0]);
            Arrays.sort(sortedNames);
        }
        Map<String, Long> sorted = new LinkedHashMap<>(sortedNames.length * 4 / 3 + 1);
        for (String name : sortedNames) {
            sorted.put(name, cells.get(name)[0]);
        }
        return sorted;
    }
}
