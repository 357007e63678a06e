package eu.clusternews.app;

import static eu.clusternews.app.ServeApiIT.SEED_CLUSTERS;
import static eu.clusternews.app.ServeApiIT.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.app.ServeApiIT.LivePipeline;
import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.testing.Closeables;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipeline instances of one application share the tasks; each answers every cluster's query, forwarding to the
 * other for the keys it does not own, with the same JSON.
 */
class TwoInstancesIT {

    private static final String APPLICATION_ID = "clusternews-it-two-instances";

    @TempDir
    static Path stateDirA;

    @TempDir
    static Path stateDirB;

    private static LivePipeline first;
    private static LivePipeline second;

    @BeforeAll
    static void startTwoInstancesAndIngestTheSeed() throws Exception {
        // both join the group together, so the first assignment already splits the tasks
        first = LivePipeline.startWithoutWaiting(APPLICATION_ID, stateDirA);
        second = LivePipeline.startWithoutWaiting(APPLICATION_ID, stateDirB);
        first.ingest(List.of(Seeds.news()));
        await("both instances RUNNING with tasks on each")
                .atMost(Duration.ofSeconds(50))
                .pollInterval(Duration.ofMillis(500))
                .until(TwoInstancesIT::bothRunningWithTasks);
        // 503 while the group settles is the documented answer; wait until both answer in full
        await("the seed's ten clusters listed by both instances")
                .atMost(Duration.ofSeconds(30))
                .until(() -> answered(first, "/api/clusters")
                        && answered(second, "/api/clusters")
                        && ids(first.json("/api/clusters", 200)).containsAll(SEED_CLUSTERS)
                        && ids(second.json("/api/clusters", 200)).containsAll(SEED_CLUSTERS));
    }

    @AfterAll
    static void stopInstances() {
        Closeables.closeAll(first, second);
    }

    @Test
    void theDataTopicsHaveThreePartitionsAndBothInstancesGetActiveTasks() throws Exception {
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", first.stack().bootstrapServers()))) {
            var description = admin.describeTopics(List.of(TopicSpec.NEWS.topicName()))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(TopicSpec.NEWS.topicName());
            assertThat(description.partitions()).hasSize(3);
        }
        for (LivePipeline instance : List.of(first, second)) {
            Collection<StreamsMetadata> clients = streams(instance).metadataForAllStreamsClients();
            assertThat(clients)
                    .as("clients seen by the instance on port %d", instance.port())
                    .hasSize(2);
            assertThat(clients)
                    .extracting(c -> c.hostInfo().port())
                    .containsExactlyInAnyOrder(first.port(), second.port());
            assertThat(clients)
                    .allSatisfy(c -> assertThat(c.topicPartitions())
                            .as("partitions of %s", c.hostInfo())
                            .isNotEmpty());
            assertThat(instance.json("/health/ready", 200).get("status").asText())
                    .isEqualTo("UP");
        }
    }

    @Test
    void theSeedClustersAreOwnedByOneInstanceSoTheOthersQueriesForThemCrossToIt() throws Exception {
        // the aggregates are one task (ClusterNewsTopology.CORE_PARTITIONS): one instance owns every
        // cluster, and the other can answer only by asking it
        Set<Integer> owners = SEED_CLUSTERS.stream()
                .map(id -> streams(first)
                        .queryMetadataForKey(ClusterNewsTopology.CLUSTER_ACTIVITY_STORE, id, new StringSerializer())
                        .activeHost()
                        .port())
                .collect(Collectors.toSet());
        assertThat(owners).hasSize(1).isSubsetOf(first.port(), second.port());
        LivePipeline other = owners.contains(first.port()) ? second : first;
        String path = "/api/clusters/" + SEED_CLUSTERS.iterator().next();
        await(path + " answered by the instance that does not own it")
                .atMost(Duration.ofSeconds(10))
                .until(() -> answered(other, path));
        assertThat(other.json(path, 200).get("cluster").get("id").asText())
                .isEqualTo(SEED_CLUSTERS.iterator().next());
    }

    @Test
    void bothInstancesListTheSameClusters() throws Exception {
        assertThat(new TreeSet<>(ids(first.json("/api/clusters", 200))))
                .isEqualTo(new TreeSet<>(ids(second.json("/api/clusters", 200))))
                .containsAll(SEED_CLUSTERS);
    }

    @Test
    void bothInstancesAnswerEveryClustersQueryWithTheSameJson() throws Exception {
        Set<String> clusters = new HashSet<>(ids(first.json("/api/clusters", 200)));
        assertThat(clusters).containsAll(SEED_CLUSTERS);
        for (String id : clusters) {
            String path = "/api/clusters/" + id;
            // a 503 (rebalance) is allowed and retried; a 200 must be the same on both
            await(path + " answered by both")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> answered(first, path) && answered(second, path));
            JsonNode fromFirst = first.json(path, 200);
            JsonNode fromSecond = second.json(path, 200);
            assertThat(fromSecond)
                    .as("GET /api/clusters/%s on both instances", id)
                    .isEqualTo(fromFirst);
            assertThat(fromFirst.get("cluster").get("id").asText()).isEqualTo(id);
        }
    }

    /** True on 200, false on 503 (not queryable now); any other status fails. */
    private static boolean answered(LivePipeline instance, String path) {
        int status = instance.get(path).statusCode();
        assertThat(status)
                .as("status of GET %s on port %d", path, instance.port())
                .isIn(200, 503);
        return status == 200;
    }

    private static KafkaStreams streams(LivePipeline instance) {
        return instance.service().runner().streams();
    }

    /** Both RUNNING, both seeing two clients, each client with active partitions. */
    private static boolean bothRunningWithTasks() {
        for (LivePipeline instance : List.of(first, second)) {
            KafkaStreams streams = streams(instance);
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return false;
            }
            Collection<StreamsMetadata> clients = streams.metadataForAllStreamsClients();
            if (clients.size() != 2
                    || clients.stream().anyMatch(c -> c.topicPartitions().isEmpty())) {
                return false;
            }
        }
        return true;
    }
}
