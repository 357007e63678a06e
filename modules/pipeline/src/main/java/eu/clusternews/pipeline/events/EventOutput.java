package eu.clusternews.pipeline.events;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.pipeline.internal.Encoded;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What event matching sends on: an event for cluster-events, with the bytes the events store wrote it as (or null,
 * the tombstone of an event merged into another), or a change of one entity's event counts, as a partial activity
 * for that kind's aggregate.
 */
public record EventOutput(Target target, SpecificRecordBase change, Encoded<ClusterEvent> event) {

    /** Where an output goes. */
    public enum Target {
        EVENTS,
        CLUSTERS,
        CONSORTIA,
        PROGRAMMES
    }

    static EventOutput event(Encoded<ClusterEvent> written) {
        return new EventOutput(Target.EVENTS, null, written);
    }

    static EventOutput tombstone() {
        return new EventOutput(Target.EVENTS, null, null);
    }

    /** A change of one entity's event counts, for the aggregate of {@code target}'s kind. */
    static EventOutput countChange(Target target, SpecificRecordBase change) {
        return new EventOutput(target, change, null);
    }

    /** Whether this output goes to {@code target}. */
    public boolean goesTo(Target target) {
        return this.target == target;
    }
}
