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
                            ClusterNewsTopology.CLUSTER_ACTIVITY_STORE,
                            ClusterNewsTopology.CONSORTIUM_ACTIVITY_STORE,
                            ClusterNewsTopology.PROGRAMME_ACTIVITY_STORE,
                            ClusterNewsTopology.ORGANISATIONS_STORE,
                            ClusterNewsTopology.CONSORTIA_STORE,
                            ClusterNewsTopology.PROGRAMMES_STORE,
                            "event-reports-repartition",
                            "match-events",
                            "cluster-events-sink",
                            "event-counts-of-clusters",
                            "partials-and-event-counts-of-clusters",
                            "partials-and-event-counts-of-consortia",
                            "partials-and-event-counts-of-programmes",
                            ClusterNewsTopology.EVENT_REDIRECTS_STORE,
                            ClusterNewsTopology.EVENT_BLOCKS_STORE,
                            ClusterNewsTopology.EVENTS_STORE);
            assertThat(description).doesNotContainPattern("KSTREAM-\\w+-\\d+|KTABLE-\\w+-\\d+");
        }
    }

    @Test
    void hasOneSubtopologyForTheNewsOneCoreForAggregatesAndEventMatchingAndThreeGlobalStores() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            TopologyDescription description = pipeline.topology.describe();

            assertThat(description.subtopologies()).hasSize(2);
            assertThat(description.globalStores()).hasSize(3);
            // 0-2 are the global stores
            assertThat(nodesOf(description, 3))
                    .contains("validate", "fan-out-to-clusters", "event-reports")
                    .doesNotContain("aggregate-clusters", "match-events");
            // the core: one task, so that a commit flushes the producer for it once
            // (ClusterNewsTopology.CORE_PARTITIONS)
            assertThat(nodesOf(description, 4))
                    .contains(
                            "match-events",
                            "event-counts-of-clusters",
                            "aggregate-clusters",
                            "aggregate-consortia",
                            "aggregate-programmes");
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
