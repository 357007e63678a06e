package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over the real pipeline on the embedded broker and registry, after setup and the seed news.
 *
 * <p>The broker is shared with the other ITs of this JVM, and some of them ingest news too; so the exact
 * expectations below are about the ten clusters of the seed news (INNO-DROP and CLUSGRID members), which the
 * other ITs leave alone, and listings are narrowed by the consortium filter where their size matters.
 */
class ServeApiIT {

    /** The ten clusters the seed news reports on: the INNO-DROP and CLUSGRID partners. */
    static final Set<String> SEED_CLUSTERS = Set.of(
            "org:bnpt",
            "org:nanoprogress",
            "org:wsm",
            "org:zinnae",
            "org:ecict",
            "org:pole-scs",
            "org:cet",
            "org:solartys",
            "org:secpho",
            "org:srednogorie");

    private static final String APPLICATION_ID = "clusternews-it-serve-api";

    @TempDir
    static Path stateDir;

    private static LivePipeline pipeline;

    @BeforeAll
    static void startPipelineAndIngestTheSeed() throws Exception {
        assumeFalse(
                DashboardBrowserIT.SCREENSHOT_RUN,
                "ServeApiIT skipped: with -Dclusternews.screenshot the "
                        + "dashboard IT ingests 200 generated news into the shared broker, and the seed counts checked here no longer hold");
        pipeline = LivePipeline.start(APPLICATION_ID, stateDir);
        pipeline.ingest(List.of(Seeds.news())); // the three seed reports of the Berlin training
        // all three reports counted and matched, not only the first one to pass: the tests read final counts
        await("the seed's ten clusters in /api/clusters, each with the three reports and their one event")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    List<JsonNode> clusters = items(pipeline.json("/api/clusters?consortium=cons:inno-drop", 200));
                    return clusters.size() == 10
                            && clusters.stream()
                                    .allMatch(c -> c.get("newsCount").asLong() == 3
                                            && c.get("eventCount").asLong() == 1);
                });
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void listsTheTenClustersOfInnoDropAndClusgridWithThreeNewsAndOneEventEach() throws Exception {
        JsonNode listing = pipeline.json("/api/clusters?consortium=cons:inno-drop", 200);

        assertThat(ids(listing)).containsExactlyInAnyOrderElementsOf(SEED_CLUSTERS);
        // every seed report (May de and en, June es) names both consortia, so each of their members is in all three
        assertThat(items(listing)).allSatisfy(cluster -> {
            assertThat(cluster.get("newsCount").asLong())
                    .as("newsCount of %s", cluster.get("id"))
                    .isEqualTo(3);
            assertThat(cluster.get("eventCount").asLong())
                    .as("eventCount of %s", cluster.get("id"))
                    .isEqualTo(1);
            assertThat(cluster.get("countsByMonth").get("2017-05").asLong()).isEqualTo(2);
            assertThat(cluster.get("countsByMonth").get("2017-06").asLong()).isEqualTo(1);
            assertThat(cluster.get("consortiumIds"))
                    .extracting(JsonNode::asText)
                    .contains("cons:inno-drop", "cons:clusgrid");
        });
        assertThat(ids(pipeline.json("/api/clusters", 200))).containsAll(SEED_CLUSTERS);
        assertThat(ids(pipeline.json("/api/clusters?consortium=cons:clusgrid&sort=name", 200)))
                .containsExactlyInAnyOrderElementsOf(SEED_CLUSTERS);
    }

    @Test
    void describesBalticNetPlasmaTecWithActivityTimelineRecentNewsAndConsortiaWithProgrammes() throws Exception {
        JsonNode detail = pipeline.json("/api/clusters/org:bnpt", 200);

        JsonNode activity = detail.get("cluster");
        assertThat(activity.get("id").asText()).isEqualTo("org:bnpt");
        assertThat(activity.get("name").asText()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(activity.get("newsCount").asLong()).isEqualTo(3);
        assertThat(activity.get("countsByKind").get("TRAINING").asLong()).isEqualTo(3);
        assertThat(activity.get("firstPublishedAt").asText()).isEqualTo("2017-05-05");
        assertThat(activity.get("lastPublishedAt").asText()).isEqualTo("2017-06-28");
        assertThat(detail.get("organisation").get("city").asText()).isEqualTo("Greifswald");
        assertThat(detail.get("timeline")).hasSize(2);
        assertThat(detail.get("timeline").get(0).get("month").asText()).isEqualTo("2017-05");
        assertThat(detail.get("timeline").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(detail.get("timeline").get(1).get("month").asText()).isEqualTo("2017-06");
        assertThat(detail.get("timeline").get(1).get("count").asLong()).isEqualTo(1);
        assertThat(detail.get("recentNews"))
                .extracting(n -> n.get("publishedAt").asText())
                .containsExactly("2017-06-28", "2017-05-17", "2017-05-05");
        JsonNode seed = detail.get("recentNews").get(1);
        assertThat(seed.get("title").asText()).startsWith("BalticNet-PlasmaTec: Treffen europäischer Cluster");
        assertThat(detail.get("consortia"))
                .extracting(c -> c.get("id").asText())
                .contains("cons:inno-drop", "cons:clusgrid");
        JsonNode innoDrop = byId(detail.get("consortia"), "cons:inno-drop");
        assertThat(innoDrop.get("programmeChain"))
                .extracting(p -> p.get("id").asText())
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
    }

    @Test
    void describesTheInnoDropConsortiumWithItsMembersAndTheSeedNews() throws Exception {
        JsonNode consortium = pipeline.json("/api/consortia/cons:inno-drop", 200);

        assertThat(consortium.get("acronym").asText()).isEqualTo("INNO-DROP");
        assertThat(consortium.get("coordinatorId").asText()).isEqualTo("org:bnpt");
        assertThat(consortium.get("startMonth").asText()).isEqualTo("2016-11");
        assertThat(consortium.get("members"))
                .extracting(m -> m.get("organisationId").asText())
                .containsExactlyInAnyOrder("org:bnpt", "org:nanoprogress", "org:wsm", "org:zinnae");
        assertThat(consortium
                        .get("activity")
                        .get("countsByMonth")
                        .get("2017-05")
                        .asLong())
                .isEqualTo(2);
        assertThat(consortium.get("activity").get("newsCount").asLong()).isEqualTo(3);
        assertThat(consortium.get("activity").get("eventCount").asLong()).isEqualTo(1);
    }

    @Test
    void describesTheCosmeProgrammeWithItsPeriodBudgetAndActivity() throws Exception {
        JsonNode programme = pipeline.json("/api/programmes/prog:cosme", 200);

        assertThat(programme.get("shortName").asText()).isEqualTo("COSME");
        assertThat(programme.get("periodStart").asText()).isEqualTo("2014-01-01");
        assertThat(programme.get("periodEnd").asText()).isEqualTo("2020-12-31");
        assertThat(programme.get("budgetEur").asDouble()).isEqualTo(2.3e9);
        assertThat(programme.get("activity").get("countsByMonth").get("2017-05").asLong())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void listsTheEnrichedSeedNewsForBalticNetPlasmaTec() throws Exception {
        JsonNode news = pipeline.json("/api/news?cluster=org:bnpt", 200);

        assertThat(news.get("count").asInt()).isEqualTo(3);
        assertThat(items(news))
                .extracting(n ->
                        n.get("publishedAt").asText() + " " + n.get("language").asText())
                .containsExactly("2017-06-28 es", "2017-05-17 de", "2017-05-05 en");
        JsonNode item = news.get("items").get(1);
        assertThat(item.get("publishedAt").asText()).isEqualTo("2017-05-17");
        assertThat(item.get("language").asText()).isEqualTo("de");
        assertThat(item.get("kind").asText()).isEqualTo("TRAINING");
        assertThat(item.get("source").asText())
                .endsWith("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt");
        assertThat(item.get("clusters"))
                .extracting(c -> c.get("clusterId").asText())
                .containsAll(SEED_CLUSTERS);
        assertThat(item.get("consortia"))
                .extracting(c -> c.get("id").asText())
                .contains("cons:inno-drop", "cons:clusgrid");
        assertThat(item.get("programmes")).extracting(p -> p.get("id").asText()).contains("prog:cosme");
        assertThat(item.has("body")).as("the body text is not served").isFalse();
        assertThat(items(pipeline.json("/api/news?cluster=org:bnpt&from=2017-06-01", 200)))
                .extracting(n -> n.get("language").asText())
                .containsExactly("es");
        assertThat(ids(pipeline.json("/api/news?cluster=org:bnpt&from=2017-07-01", 200)))
                .isEmpty();
    }

    @Test
    void answersUnknownIdsWith404AndAJsonErrorNamingTheId() throws Exception {
        JsonNode cluster = pipeline.json("/api/clusters/org:nobody", 404);
        assertThat(cluster.get("error").asText()).isEqualTo("not_found");
        assertThat(cluster.get("message").asText()).contains("org:nobody");
        assertThat(pipeline.json("/api/consortia/cons:nothing", 404)
                        .get("message")
                        .asText())
                .contains("cons:nothing");
        assertThat(pipeline.json("/api/programmes/prog:nothing", 404)
                        .get("message")
                        .asText())
                .contains("prog:nothing");
    }

    @Test
    void refusesBadParametersWith400AndAMessageNamingTheParameter() throws Exception {
        JsonNode limit = pipeline.json("/api/news?limit=abc", 400);
        assertThat(limit.get("error").asText()).isEqualTo("bad_request");
        assertThat(limit.get("message").asText()).contains("limit", "abc");
        assertThat(pipeline.json("/api/news?from=notadate", 400).get("message").asText())
                .contains("from", "notadate");
        assertThat(pipeline.json("/api/clusters?sort=size", 400).get("message").asText())
                .contains("sort", "size");
        assertThat(pipeline.json("/api/clusters?contry=DE", 400).get("message").asText())
                .contains("contry");
    }

    @Test
    void isReadyOnceKafkaStreamsIsRunning() throws Exception {
        JsonNode ready = pipeline.json("/health/ready", 200);
        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(ready.get("detail").asText()).contains("RUNNING");
        assertThat(pipeline.json("/health/live", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void exposesKafkaStreamsMetricsAndTheDeadLetterCountAsPrometheusText() throws Exception {
        pipeline.json("/api/clusters/org:bnpt", 200);
        long deadLetters = pipeline.deadLetterRecords();

        HttpResponse<String> metrics = pipeline.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("(?m)^kafka_stream_\\w+\\{")
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/clusters/{id}\"}")
                .containsPattern("(?m)^clusternews_dlq_records_total " + deadLetters + "\\.0$");
    }

    // ---- helpers shared with the other serving ITs

    static List<JsonNode> items(JsonNode listing) {
        return StreamSupport.stream(listing.get("items").spliterator(), false).toList();
    }

    static List<String> ids(JsonNode listing) {
        return items(listing).stream().map(i -> i.get("id").asText()).toList();
    }

    private static JsonNode byId(JsonNode array, String id) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + array));
    }

    /**
     * A {@link PipelineService} with its HTTP API on a free loopback port over the JVM's shared embedded stack,
     * after setup (idempotent, so every IT may run it), plus the ingestion and HTTP calls the serving ITs make.
     */
    record LivePipeline(LocalStack stack, Settings settings, PipelineService service, int port)
            implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        /** Sets the shared stack up, starts a pipeline and waits until it is RUNNING. */
        static LivePipeline start(String applicationId, Path stateDir) throws InterruptedException {
            return start(SharedLocalStack.get(), applicationId, stateDir);
        }

        /** Sets this stack up, starts a pipeline and waits until it is RUNNING. */
        static LivePipeline start(LocalStack stack, String applicationId, Path stateDir) throws InterruptedException {
            LivePipeline pipeline = startWithoutWaiting(stack, applicationId, stateDir);
            try {
                pipeline.service.awaitRunning(Duration.ofSeconds(45));
            } catch (RuntimeException | InterruptedException e) {
                pipeline.close();
                throw e;
            }
            return pipeline;
        }

        /** Sets the shared stack up and starts a pipeline advertising 127.0.0.1:port; does not wait for RUNNING. */
        static LivePipeline startWithoutWaiting(String applicationId, Path stateDir) {
            return startWithoutWaiting(SharedLocalStack.get(), applicationId, stateDir);
        }

        /** Sets this stack up and starts a pipeline advertising 127.0.0.1:port; does not wait for RUNNING. */
        static LivePipeline startWithoutWaiting(LocalStack stack, String applicationId, Path stateDir) {
            Settings settings = Settings.resolve(null, Map.of(), Map.of())
                    .withEndpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
            new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
            int port = LoopbackPorts.pickFree();
            PipelineConfig config = PipelineConfig.of(Map.of(
                    "bootstrap.servers", stack.bootstrapServers(),
                    "schema.registry.url", stack.schemaRegistryUrl(),
                    "application.id", applicationId,
                    "state.dir", stateDir.toString(),
                    "application.server", "127.0.0.1:" + port));
            PipelineService service =
                    PipelineService.start(config, new PipelineService.HttpSettings("127.0.0.1", port));
            return new LivePipeline(stack, settings, service, port);
        }

        /**
         * Ingests documents (files or folders) the way {@code clusternews ingest} does, linking with the seed
         * reference; returns how many news were published.
         */
        int ingest(List<Path> inputs) {
            List<String> args = SeedIngest.args(stack);
            inputs.forEach(input -> args.add(input.toString()));
            CommandRun run = CommandRun.of(ClusterNews.commandLine(), args.toArray(String[]::new));
            assertThat(run.exitCode())
                    .as("ingest %s: %s%s", inputs, run.out(), run.err())
                    .isZero();
            assertThat(run.out()).as("ingest %s", inputs).contains(" 0 rejected");
            java.util.regex.Matcher published = java.util.regex.Pattern.compile("Ingested: (\\d+) published")
                    .matcher(run.out());
            assertThat(published.find()).as("ingest summary: %s", run.out()).isTrue();
            return Integer.parseInt(published.group(1));
        }

        URI uri(String pathAndQuery) {
            return service.server().uri().resolve(pathAndQuery);
        }

        HttpResponse<String> get(String pathAndQuery) {
            try {
                return HTTP.send(
                        HttpRequest.newBuilder(uri(pathAndQuery))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("GET " + uri(pathAndQuery) + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during GET " + pathAndQuery, e);
            }
        }

        /** GETs a JSON answer, asserting its status and content type. */
        JsonNode json(String pathAndQuery, int expectedStatus) throws IOException {
            HttpResponse<String> response = get(pathAndQuery);
            assertThat(response.statusCode())
                    .as("status of GET %s: %s", pathAndQuery, response.body())
                    .isEqualTo(expectedStatus);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            return JSON.readTree(response.body());
        }

        /** The dead-letter topic's records in all, read from the broker directly. */
        long deadLetterRecords() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            try (KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                String topic = TopicSpec.DEAD_LETTERS.topicName();
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                return consumer.endOffsets(partitions).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
            }
        }

        @Override
        public void close() {
            service.close();
        }
    }
}
