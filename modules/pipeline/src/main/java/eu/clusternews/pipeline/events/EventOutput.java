package eu.clusternews.pipeline.events;

import eu.clusternews.avro.ClusterEvent;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What event matching sends on: an event (or null, the tombstone of an event merged into another) for
 * cluster-events, or a change of one entity's event counts, as a partial activity for that kind's aggregate.
 */
public record EventOutput(Target target, SpecificRecordBase value) {

    /** Where an output goes. */
    public enum Target {
        EVENTS,
        CLUSTERS,
        CONSORTIA,
        PROGRAMMES
    }

    static EventOutput event(ClusterEvent event) {
        return new EventOutput(Target.EVENTS, event);
    }

    static EventOutput tombstone() {
        return new EventOutput(Target.EVENTS, null);
    }

    /** Whether this output goes to {@code target}. */
    public boolean goesTo(Target target) {
        return this.target == target;
    }
}
