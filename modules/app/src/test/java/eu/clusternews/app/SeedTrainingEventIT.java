package eu.clusternews.app;

import static eu.clusternews.app.ServeApiIT.SEED_CLUSTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.app.ServeApiIT.LivePipeline;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.Seeds;
import eu.clusternews.testing.TopicRecords;
import eu.clusternews.topics.TopicSpec;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's end-to-end must-show: the three seed reports of the Berlin training (German with the dates, English
 * without a date, Spanish without the year), ingested like {@code clusternews ingest} does into the real pipeline on
 * a real broker and registry of their own (no other IT's news can join the event), are one event; the topics are read
 * by Apicurio's deserializer, a Confluent-format consumer that shares no code with ours.
 */
class SeedTrainingEventIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static LocalStack stack;
    private static LivePipeline pipeline;

    @BeforeAll
    static void startAStackOfItsOwnAndIngestTheSeeds() throws Exception {
        stack = LocalStack.builder()
                .dataDir(Files.createDirectories(temp.resolve("data")))
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start();
        pipeline = LivePipeline.start(
                stack, "clusternews-it-seed-training-event", Files.createDirectories(temp.resolve("state")));
        assertThat(pipeline.ingest(List.of(Seeds.news()))).isEqualTo(3);
    }

    @AfterAll
    static void stopPipelineAndStack() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theThreeSeedReportsOfTheBerlinTrainingAreOneEventInClusterEventsWithReportsInThreeLanguages() {
        await("every seed cluster counting its event")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(latest(TopicSpec.CLUSTER_ACTIVITY.topicName()))
                        .containsKeys(SEED_CLUSTERS.toArray(String[]::new))
                        .allSatisfy((id, activity) ->
                                assertThat(activity.get("eventCount")).as(id).isEqualTo(1L)));

        // a cluster counts the event from its first report on: await the event that all three reports make (the
        // reports are on three partitions, and the core can count the first before the others are processed)
        await("the three seed reports in one event")
                .atMost(PATIENCE)
                .untilAsserted(() -> assertThat(latest(TopicSpec.CLUSTER_EVENTS.topicName()))
                        .hasSize(1)
                        .allSatisfy((id, event) ->
                                assertThat(event.get("reportCount")).isEqualTo(3L)));
        Map<String, GenericRecord> events = latest(TopicSpec.CLUSTER_EVENTS.topicName());

        assertThat(events).hasSize(1);
        GenericRecord training = events.values().iterator().next();
        assertThat(events.keySet()).containsExactly(training.get("id").toString());
        assertThat(training.get("kind").toString()).isEqualTo("TRAINING");
        // the dates come from the German report alone; the Spanish one resolves "25 to 28 April" to the same days
        assertThat(training.get("start")).isEqualTo(epochDay(2017, 4, 25));
        assertThat(training.get("end")).isEqualTo(epochDay(2017, 4, 28));
        assertThat(((GenericRecord) training.get("location")).get("city").toString())
                .isEqualTo("Berlin");
        assertThat(strings(training.get("consortiumIds"))).contains("cons:inno-drop", "cons:clusgrid");
        assertThat(strings(training.get("clusterIds"))).containsAll(SEED_CLUSTERS);
        assertThat(strings(training.get("languages"))).containsExactly("de", "en", "es");
        assertThat(training.get("reportCount")).isEqualTo(3L);
        assertThat((List<?>) training.get("reports"))
                .extracting(r -> ((GenericRecord) r).get("language").toString())
                .containsExactly("en", "de", "es"); // oldest publication first: 5 May, 17 May, 28 June
    }

    @Test
    void eachOfTheTenSeedClustersCountsOneEventAndOneNewsPerReportItAppearsIn() {
        Map<String, Long> reportsPerCluster = new HashMap<>();
        await("the three seed reports enriched")
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(latest(TopicSpec.ENRICHED.topicName())).hasSize(3));
        latest(TopicSpec.ENRICHED.topicName())
                .values()
                .forEach(news -> ((List<?>) news.get("clusters"))
                        .forEach(c -> reportsPerCluster.merge(
                                ((GenericRecord) c).get("clusterId").toString(), 1L, Long::sum)));
        // each report names both consortia, so each of their ten members appears in all three
        assertThat(reportsPerCluster).containsKeys(SEED_CLUSTERS.toArray(String[]::new));
        SEED_CLUSTERS.forEach(id -> assertThat(reportsPerCluster.get(id)).as(id).isEqualTo(3L));

        await("every seed cluster's counts").atMost(PATIENCE).untilAsserted(() -> {
            Map<String, GenericRecord> activities = latest(TopicSpec.CLUSTER_ACTIVITY.topicName());
            assertThat(activities).containsKeys(SEED_CLUSTERS.toArray(String[]::new));
            for (String id : SEED_CLUSTERS) {
                GenericRecord activity = activities.get(id);
                assertThat(activity.get("newsCount")).as("newsCount of %s", id).isEqualTo(reportsPerCluster.get(id));
                assertThat(activity.get("eventCount"))
                        .as("eventCount of %s", id)
                        .isEqualTo(1L);
                assertThat(activity.get("eventsByMonth").toString())
                        .as("eventsByMonth of %s", id)
                        .isEqualTo("{2017-04=1}");
            }
        });
    }

    private static Object epochDay(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    private static List<String> strings(Object avroArray) {
        return ((List<?>) avroArray).stream().map(Object::toString).toList();
    }

    /** A topic read to its end with read_committed through Apicurio's deserializer: the latest value per key. */
    private static Map<String, GenericRecord> latest(String topic) {
        AvroKafkaDeserializer<GenericRecord> apicurio = new AvroKafkaDeserializer<>();
        apicurio.configure(ApicurioSerdeInteropIT.apicurioConfig(stack), false);
        // a tombstone is an event id a merge replaced
        return TopicRecords.latest(
                TopicRecords.readCommitted(stack.bootstrapServers(), topic, new StringDeserializer(), apicurio));
    }
}
