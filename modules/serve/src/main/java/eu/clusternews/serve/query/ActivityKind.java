package eu.clusternews.serve.query;

import java.util.function.Function;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A kind of entity with an activity aggregate, so that one query serves clusters, consortia and programmes alike.
 *
 * @param name what answers call one of them ("no cluster with id …")
 * @param type the aggregate's record type
 * @param id   the aggregate's key: the entity's reference id
 * @param <A>  the aggregate
 */
public record ActivityKind<A extends SpecificRecordBase>(String name, Class<A> type, Function<A, String> id) {

    public static final ActivityKind<ClusterActivity> CLUSTER =
            new ActivityKind<>("cluster", ClusterActivity.class, ClusterActivity::getClusterId);
    public static final ActivityKind<ConsortiumActivity> CONSORTIUM =
            new ActivityKind<>("consortium", ConsortiumActivity.class, ConsortiumActivity::getConsortiumId);
    public static final ActivityKind<ProgrammeActivity> PROGRAMME =
            new ActivityKind<>("programme", ProgrammeActivity.class, ProgrammeActivity::getProgrammeId);
}
