package eu.clusternews.serve.query;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.specific.SpecificRecord;

/**
 * The new state of one entity's activity, as pushed to live listeners.
 *
 * @param entity   what changed
 * @param id       its reference id
 * @param activity the new activity: {@link ClusterActivity}, {@link ConsortiumActivity} or {@link ProgrammeActivity}
 */
public record ActivityChange(Entity entity, String id, SpecificRecord activity) {

    /** The kinds of entity with an activity aggregate. */
    public enum Entity {
        CLUSTER,
        CONSORTIUM,
        PROGRAMME
    }

    public static ActivityChange of(ClusterActivity activity) {
        return new ActivityChange(Entity.CLUSTER, activity.getClusterId(), activity);
    }

    public static ActivityChange of(ConsortiumActivity activity) {
        return new ActivityChange(Entity.CONSORTIUM, activity.getConsortiumId(), activity);
    }

    public static ActivityChange of(ProgrammeActivity activity) {
        return new ActivityChange(Entity.PROGRAMME, activity.getProgrammeId(), activity);
    }
}
