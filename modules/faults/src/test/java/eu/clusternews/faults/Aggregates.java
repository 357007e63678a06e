package eu.clusternews.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;

/**
 * The final aggregates: the latest activity per cluster, consortium and programme id, and how many activity records
 * were read. That count is for the report only: the activity topics are compacted, and once their segments roll
 * (1 GB) the cleaner removes superseded values, so it is no measure of how many updates were made. Lost or doubled
 * updates show in the latest values themselves (news counts per role, kind and month).
 */
record Aggregates(
        Map<String, ClusterActivity> clusters,
        Map<String, ConsortiumActivity> consortia,
        Map<String, ProgrammeActivity> programmes,
        Map<String, ClusterEvent> events,
        long updates) {

    /** Topic by topic, these are the expected aggregates; {@code comparison} says which two, e.g. "clean run vs recount". */
    void assertSameAs(Aggregates expected, String comparison) {
        assertThat(clusters).as("%s: cluster-activity", comparison).isEqualTo(expected.clusters);
        assertThat(consortia).as("%s: consortium-activity", comparison).isEqualTo(expected.consortia);
        assertThat(programmes).as("%s: programme-activity", comparison).isEqualTo(expected.programmes);
    }

    String summary() {
        return clusters.size() + " clusters, " + consortia.size() + " consortia, " + programmes.size() + " programmes, "
                + events.size() + " events, "
                + updates + " activity records";
    }
}
