package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

/** The names of a running topology are its API: check they are the ones we chose, and that nothing is left unnamed. */
class TopologyShapeTest {

    @Test
    void namesEveryStepStoreAndRepartitionTopicExplicitly() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            String description = pipeline.topology.describe().toString();

            assertThat(description)
                    .contains(
                            "cluster-news-source",
                            "validate",
                            "dedupe",
                            "enrich",
                            "cluster-news-enriched-sink",
                            "fan-out-to-clusters",
                            "fan-out-to-consortia",
                            "fan-out-to-programmes",
                            "cluster-partials-repartition",
                            "consortium-partials-repartition",
                            "programme-partials-repartition",
                            "aggregate-clusters",
                            "aggregate-consortia",
                            "aggregate-programmes",
                            "cluster-activity-sink",
                            "consortium-activity-sink",
                            "programme-activity-sink",
                            "store-enriched-news",
                            ClusterNewsTopology.ENRICHED_NEWS_STORE,
                            ClusterNewsTopology.CLUSTER_PARTIALS_STORE,
                            ClusterNewsTopology.NEWS_SEEN_STORE,
                            ClusterNewsTopology.CLUSTER_ACTIVITY_STORE,
                            ClusterNewsTopology.CONSORTIUM_ACTIVITY_STORE,
                            ClusterNewsTopology.PROGRAMME_ACTIVITY_STORE,
                            ClusterNewsTopology.ORGANISATIONS_STORE,
                            ClusterNewsTopology.CONSORTIA_STORE,
                            ClusterNewsTopology.PROGRAMMES_STORE,
                            "event-reports-repartition",
                            "match-events",
                            "cluster-events-sink",
                            "event-counts-to-clusters",
                            "event-counts-to-consortia",
                            "event-counts-to-programmes",
                            ClusterNewsTopology.EVENT_REDIRECTS_STORE,
                            ClusterNewsTopology.EVENT_BLOCKS_STORE,
                            ClusterNewsTopology.REPORT_EVENTS_STORE,
                            ClusterNewsTopology.EVENTS_STORE,
                            ClusterNewsTopology.CLUSTER_EVENT_COUNTS_STORE,
                            ClusterNewsTopology.CONSORTIUM_EVENT_COUNTS_STORE,
                            ClusterNewsTopology.PROGRAMME_EVENT_COUNTS_STORE);
            assertThat(description).doesNotContainPattern("KSTREAM-\\w+-\\d+|KTABLE-\\w+-\\d+");
        }
    }

    @Test
    void hasOneSubtopologyForTheNewsOnePerAggregateOneForEventsAndThreeGlobalStores() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            TopologyDescription description = pipeline.topology.describe();

            assertThat(description.subtopologies()).hasSize(5);
            assertThat(description.globalStores()).hasSize(3);
            // the sub-topologies of 0.1 keep their numbers (their task ids and directories): events come last (0-2 are
            // the global stores)
            assertThat(nodesOf(description, 3)).contains("validate", "fan-out-to-clusters");
            assertThat(nodesOf(description, 4)).contains("aggregate-clusters");
            assertThat(nodesOf(description, 5)).contains("aggregate-consortia");
            assertThat(nodesOf(description, 6)).contains("aggregate-programmes");
            assertThat(nodesOf(description, 7)).contains("match-events", "event-counts-to-clusters");
        }
    }

    private static List<String> nodesOf(TopologyDescription description, int id) {
        return description.subtopologies().stream()
                .filter(s -> s.id() == id)
                .flatMap(s -> s.nodes().stream())
                .map(TopologyDescription.Node::name)
                .toList();
    }

    @Test
    void refusesUnderThePipelineConfigATopologyThatLeavesAStoreUnnamed() {
        PipelineConfig config = PipelineConfig.of(Map.of());
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));
        builder.stream("cluster-news").groupByKey().count();

        assertThatThrownBy(builder::build)
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("has not been named");
    }
}
