package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.TopicRecords;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import eu.clusternews.topics.TopicProvisioner;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pipeline with exactly-once on the real in-process KRaft broker and the Apicurio registry: the seed
 * in, the activity topics out, read {@code read_committed}, one of them by Apicurio's own Confluent-format
 * deserializer. The tests run in order on one running pipeline: first pass, the seed again, a poison pill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineOnLocalStackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration BACKLOG_COMMIT_INTERVAL = PATIENCE.multipliedBy(4);
    private static final String SEED_ID = "news:2017-05-17-bnpt-cluster-excellence-training";

    private static LocalStack local;
    private static Path stateDir;
    private static PipelineConfig config;
    private static ClusterNewsTopics topics;
    private static PipelineRunner runner;

    @BeforeAll
    static void startThePipelineWithTheSeedReferenceData() throws Exception {
        local = SharedLocalStack.get();
        stateDir = Files.createTempDirectory("clusternews-pipeline-it");
        config = PipelineConfig.of(Map.of(
                "bootstrap.servers", local.bootstrapServers(),
                "schema.registry.url", local.schemaRegistryUrl(),
                "application.id",
                        "clusternews-pipeline-it-"
                                + UUID.randomUUID().toString().substring(0, 8),
                "state.dir", stateDir.toString(),
                // longer than every wait below: what these tests see was committed because the pipeline, caught up
                // with its input, asked for commits itself (CaughtUpCommits through LagAwareClientSupplier)
                "commit.interval.ms", String.valueOf(BACKLOG_COMMIT_INTERVAL.toMillis()),
                // Streams refuses a commit interval longer than the transaction timeout
                "producer.transaction.timeout.ms",
                        String.valueOf(BACKLOG_COMMIT_INTERVAL.multipliedBy(2).toMillis())));
        topics = ClusterNewsTopics.from(config.serdeConfig());
        createTopics();

        LiveTopics.publish(local.bootstrapServers(), topics, SeedReference.load());

        runner = new PipelineRunner(config);
        runner.start();
        await().atMost(PATIENCE).until(() -> runner.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopThePipeline() throws IOException {
        if (runner != null) {
            runner.close(Duration.ofSeconds(20));
        }
        if (stateDir != null) {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void putsTheTenClustersBothConsortiaAndCosmeWithItsClusterExcellenceProgrammeInTheActivityTopics() {
        publish(seedNews());

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(latest(topics.clusterActivity()).keySet())
                        .containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS));
        Map<String, ClusterActivity> clusters = latest(topics.clusterActivity());
        assertThat(clusters.values())
                .allSatisfy(a -> assertThat(a.getNewsCount()).isEqualTo(1));
        assertThat(clusters.get("org:bnpt").getCountsByRole())
                .containsKeys("PUBLISHER", "MENTIONED", "CONSORTIUM_MEMBER");
        assertThat(clusters.get("org:bnpt").getName()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(clusters.get("org:pole-scs").getCountsByRole()).containsOnlyKeys("CONSORTIUM_MEMBER");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(latest(topics.consortiumActivity()).keySet())
                    .containsExactlyInAnyOrder("cons:inno-drop", "cons:clusgrid");
            assertThat(latest(topics.programmeActivity()).keySet())
                    .containsExactlyInAnyOrder("prog:cosme", "prog:cosme-cluster-excellence");
        });
        Map<String, ProgrammeActivity> programmes = latest(topics.programmeActivity());
        assertThat(programmes.get("prog:cosme-cluster-excellence").getParentId())
                .isEqualTo("prog:cosme");
        assertThat(programmes.get("prog:cosme").getNewsCount()).isEqualTo(1);
        Map<String, ConsortiumActivity> consortia = latest(topics.consortiumActivity());
        assertThat(consortia.get("cons:inno-drop").getCountsByMonth()).containsExactly(Map.entry("2017-05", 1L));

        // read until the committed enriched record is visible: a loaded machine may need more than one pass
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(values(topics.enriched())).hasSize(1));
        assertThat(values(topics.enriched()).get(0).getUnresolvedIds()).isEmpty();
    }

    @Test
    @Order(2)
    void isReadableByAConfluentFormatConsumerThatIsNotOurs() {
        Map<String, GenericRecord> read =
                readWithApicurio(topics.clusterActivity().name());

        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(read.get("org:bnpt").get("newsCount")).isEqualTo(1L);
        assertThat(read.get("org:bnpt").get("clusterId").toString()).isEqualTo("org:bnpt");
    }

    @Test
    @Order(2)
    void putsTheSeedsTrainingInClusterEventsAndEveryClusterOnEveryPartitionCountsItOnce() {
        // the event counts leave the matching for the partials topic, where the aggregate merges them with the
        // fan-out's partials
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(latest(topics.clusterActivity()).values())
                        .hasSize(Fixtures.TEN_CLUSTERS.size())
                        .allSatisfy(a -> assertThat(a.getEventCount())
                                .as(a.getClusterId())
                                .isEqualTo(1)));

        Map<String, GenericRecord> events = readWithApicurio(topics.events().name());
        assertThat(events).hasSize(1);
        GenericRecord training = events.values().iterator().next();
        assertThat(training.get("kind").toString()).isEqualTo("TRAINING");
        assertThat(training.get("start"))
                .isEqualTo((int) LocalDate.of(2017, 4, 25).toEpochDay());
        assertThat((List<?>) training.get("reports")).hasSize(1);
    }

    @Test
    @Order(2)
    void givesEachAggregateAndTheEventMatchingOnePartitionWhateverTheNewsTopicHas() throws Exception {
        String app = config.streamsProperties().getProperty("application.id");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", local.bootstrapServers()))) {
            List<String> oneTaskEach = List.of(
                    app + "-cluster-partials-repartition",
                    app + "-consortium-partials-repartition",
                    app + "-programme-partials-repartition",
                    app + "-event-reports-repartition");
            assertThat(admin.describeTopics(oneTaskEach).allTopicNames().get().values())
                    .hasSize(oneTaskEach.size())
                    .allSatisfy(t -> assertThat(t.partitions()).as(t.name()).hasSize(1));
            assertThat(admin.describeTopics(List.of(topics.news().name()))
                            .allTopicNames()
                            .get()
                            .get(topics.news().name())
                            .partitions())
                    .hasSizeGreaterThan(1);
        }
    }

    @Test
    @Order(3)
    void changesNothingWhenTheSeedIsIngestedASecondTime() throws Exception {
        List<ClusterActivity> before = values(topics.clusterActivity());

        publish(seedNews());
        awaitPipelineCaughtUpWithTheNews();

        assertThat(values(topics.clusterActivity())).isEqualTo(before);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(values(topics.enriched())).hasSize(1));
    }

    @Test
    @Order(4)
    void deadLettersAPoisonPillAndStillProcessesTheNewsThatFollow() {
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.news().name(), "poison-pill", poisonPill()));
        }
        publish(Fixtures.news("news:cosmenerg-kick-off")
                .setTitle("COSMENERG kick-off")
                .setPublishedAt(LocalDate.of(2016, 12, 1))
                .setKind(NewsKind.MEETING)
                .setConsortiumIds(List.of("cons:cosmenerg"))
                .build());

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> letters = readCommitted(
                    topics.deadLetters().name(),
                    topics.deadLetters().keyDeserializer(),
                    topics.deadLetters().valueDeserializer());
            assertThat(letters).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = letters.get(0);
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("poison-pill");
            assertThat(new String(
                            letter.headers()
                                    .lastHeader(DeadLetterHandler.HEADER_MESSAGE)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("unknown schema id " + Integer.MAX_VALUE);
            assertThat(new String(
                            letter.headers()
                                    .lastHeader(DeadLetterHandler.HEADER_TOPIC)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("cluster-news");
        });
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(latest(topics.clusterActivity())).containsKeys("org:archenerg", "org:ecopanonia"));
        assertThat(latest(topics.clusterActivity()).get("org:bnpt").getNewsCount())
                .isEqualTo(1);
        assertThat(runner.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** The Confluent header with a schema id no registry has, then bytes that are not Avro. */
    private static byte[] poisonPill() {
        byte[] header = eu.clusternews.registry.ConfluentWireFormat.header(Integer.MAX_VALUE);
        byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);
        byte[] pill = java.util.Arrays.copyOf(header, header.length + garbage.length);
        System.arraycopy(garbage, 0, pill, header.length, garbage.length);
        return pill;
    }

    /** The seed news as the ingest module extracts it (seeds/news/*.expected.json), built by hand. */
    private static NewsEvent seedNews() {
        return NewsEvent.newBuilder()
                .setId(SEED_ID)
                .setSource("seeds/news/2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt")
                .setUrl("http://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/Aktuelles/2017/2.%20Quartal/"
                        + "20170517_balticnet_plasma_treffen_europ%C3%A4ischer_cluster.html")
                .setLanguage("de")
                .setTitle("BalticNet-PlasmaTec: Treffen europäischer Cluster zu einem speziellen Cluster Excellence"
                        + " Management Training")
                .setBody(
                        "Zehn europäische Cluster aus den COSME-Projekten INNO-DROP und CLUSGRID trafen sich in Berlin.")
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setIngestedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .setKind(NewsKind.TRAINING)
                .setEventStart(LocalDate.of(2017, 4, 25))
                .setEventEnd(LocalDate.of(2017, 4, 28))
                .setLocation(
                        Location.newBuilder().setCity("Berlin").setCountry("DE").build())
                .setPublisherId("org:bnpt")
                .setOrganisationIds(List.of("org:bnpt", "org:esca", "org:vdivde-it"))
                .setConsortiumIds(List.of("cons:inno-drop", "cons:clusgrid"))
                .setProgrammeIds(List.of("prog:cosme", "prog:cosme-cluster-excellence"))
                .setPersons(List.of("Kai Pflanz", "Kinga Kristó"))
                .build();
    }

    private static void publish(NewsEvent news) {
        long timestamp =
                news.getPublishedAt().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (KafkaProducer<String, NewsEvent> producer = new KafkaProducer<>(
                producerProperties(),
                topics.news().keySerializer(),
                topics.news().valueSerializer())) {
            producer.send(new ProducerRecord<>(topics.news().name(), null, timestamp, news.getId(), news));
        }
    }

    /** Waits until the pipeline has committed its position at the end of every cluster-news partition. */
    private static void awaitPipelineCaughtUpWithTheNews() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", local.bootstrapServers()))) {
            List<TopicPartition> partitions = admin
                    .describeTopics(List.of(topics.news().name()))
                    .allTopicNames()
                    .get()
                    .get(topics.news().name())
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(topics.news().name(), p.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get()
                    .forEach((p, info) -> ends.put(p, info.offset()));
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                config.applicationId())
                        .partitionsToOffsetAndMetadata()
                        .get();
                return ends.entrySet().stream()
                        .allMatch(e -> e.getValue() == 0
                                || (committed.get(e.getKey()) != null
                                        && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        }
    }

    private static <V> Map<String, V> latest(Topic<String, V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        readCommitted(topic.name(), topic.keyDeserializer(), topic.valueDeserializer())
                .forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    /** The last record per key (null for a tombstone), decoded by Apicurio's deserializer rather than ours. */
    private static Map<String, GenericRecord> readWithApicurio(String topic) {
        Map<String, GenericRecord> read = new LinkedHashMap<>();
        try (AvroKafkaDeserializer<GenericRecord> apicurio = new AvroKafkaDeserializer<>()) {
            apicurio.configure(apicurioConfig(), false);
            readCommitted(topic, new StringDeserializer(), apicurio).forEach(r -> read.put(r.key(), r.value()));
        }
        return read;
    }

    private static <V> List<V> values(Topic<String, V> topic) {
        return readCommitted(topic.name(), topic.keyDeserializer(), topic.valueDeserializer()).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Every committed record of the topic, from the beginning to the end as of now. */
    private static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            String topic, Deserializer<K> keys, Deserializer<V> values) {
        return TopicRecords.readCommitted(local.bootstrapServers(), topic, keys, values);
    }

    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", local.bootstrapServers()))) {
            new TopicProvisioner(admin).ensureTopics(null, (short) 1);
        }
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    private static Map<String, Object> apicurioConfig() {
        Map<String, Object> apicurio = new HashMap<>();
        // Apicurio's serdes talk Apicurio's own API; the Confluent API of the same registry is at /apis/ccompat/v7
        apicurio.put(
                "apicurio.registry.url", local.schemaRegistryUrl().replace("/apis/ccompat/v7", "/apis/registry/v2"));
        apicurio.put("apicurio.registry.as-confluent", true);
        apicurio.put("apicurio.registry.use-id", "contentId");
        apicurio.put("apicurio.registry.headers.enabled", false);
        return apicurio;
    }
}
