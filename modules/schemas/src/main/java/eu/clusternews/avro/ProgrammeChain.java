package eu.clusternews.avro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The walk up a programme's {@code parent_id}s (Cluster Excellence Programme → COSME), written once for every place
 * that looks programmes up its own way: the reference data, the pipeline's global store, the API's queries.
 */
public final class ProgrammeChain {

    /** Deeper than any real programme hierarchy; bounds the walk over data no one has checked. */
    public static final int MAX_DEPTH = 16;

    private ProgrammeChain() {}

    /** {@link #of(String, Function, int)} at most {@link #MAX_DEPTH} deep. */
    public static List<Programme> of(String programmeId, Function<String, Programme> lookup) {
        return of(programmeId, lookup, MAX_DEPTH);
    }

    /**
     * The programme, then its parents up to the top, nearest first. A programme {@code lookup} does not know (null)
     * ends the chain, so does a parent seen before (a loop) and the depth limit: the walk never fails.
     */
    public static List<Programme> of(String programmeId, Function<String, Programme> lookup, int maxDepth) {
        List<Programme> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = programmeId;
        while (next != null && seen.add(next) && chain.size() < maxDepth) {
            Programme programme = lookup.apply(next);
            if (programme == null) {
                break;
            }
            chain.add(programme);
            next = programme.getParentId();
        }
        return chain;
    }
}
