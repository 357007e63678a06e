package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.pipeline.aggregate.Activity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Adds a contribution to a cluster's, consortium's or programme's activity record, as a pure function: the same
 * merge ({@link Activity#add}) that the pipeline's aggregate store applies in place, for callers that hold records
 * (an independent recount, benchmarks). The display fields (name, country, programme, parent) come from the
 * contribution, and stay as they were when it does not carry them.
 */
public final class ActivityAggregator {

    /** How many recent headlines an activity keeps unless told otherwise. */
    public static final int DEFAULT_RECENT_HEADLINES = 10;

    private final int maxHeadlines;

    public ActivityAggregator() {
        this(DEFAULT_RECENT_HEADLINES);
    }

    public ActivityAggregator(int maxHeadlines) {
        if (maxHeadlines < 1) {
            throw new IllegalArgumentException("maxHeadlines must be at least 1, was " + maxHeadlines);
        }
        this.maxHeadlines = maxHeadlines;
    }

    public int maxHeadlines() {
        return maxHeadlines;
    }

    /** The cluster's activity with the contribution counted; {@code current} null starts from nothing. */
    public ClusterActivity addToCluster(ClusterActivity current, ClusterContribution c) {
        return add(ActivityKind.CLUSTER, current, c);
    }

    /** The consortium's activity with the contribution counted; {@code current} null starts from nothing. */
    public ConsortiumActivity addToConsortium(ConsortiumActivity current, ClusterContribution c) {
        return add(ActivityKind.CONSORTIUM, current, c);
    }

    /** The programme's activity with the contribution counted; {@code current} null starts from nothing. */
    public ProgrammeActivity addToProgramme(ProgrammeActivity current, ClusterContribution c) {
        return add(ActivityKind.PROGRAMME, current, c);
    }

    private <A extends SpecificRecordBase> A add(ActivityKind<A> kind, A current, ClusterContribution c) {
        Activity activity = kind.read(current);
        activity.add(c, maxHeadlines);
        return kind.write(c.getEntityId(), activity);
    }
}
