package eu.clusternews.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.reprocess.ApplicationDrain;
import eu.clusternews.history.reprocess.KeyedSnapshot;
import eu.clusternews.history.reprocess.PipelineDefinition;
import eu.clusternews.history.reprocess.PipelineRunningException;
import eu.clusternews.history.reprocess.Reprocess;
import eu.clusternews.history.reprocess.ReprocessPlan;
import eu.clusternews.history.reprocess.ReprocessReport;
import eu.clusternews.history.reprocess.SnapshotDiff;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.registry.SpecificAvroSerializer;
import eu.clusternews.topics.TopicProvisioner;
import eu.clusternews.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline on the real topic names, on a broker and registry of this test's own (the other tests of the
 * module share theirs and the topic names): 10 000 news in shuffled order, a first pass, then reprocess.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReprocessIT {

    private static final int NEWS = 10_000;
    private static final int CLUSTERS = 40;
    /** Never published by, mentioned in or member of anything until it joins cons:k0. */
    private static final String NEWCOMER = cluster(CLUSTERS - 1);

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** cons:k0's members and the clusters of its news are among the first 15. */
    private static final int K0_CIRCLE = 15;

    @TempDir
    static Path stateDir;

    private static final String APPLICATION_ID =
            "history-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, List<String>> MEMBERS = new LinkedHashMap<>();
    private static final List<NewsEvent> HISTORY = new ArrayList<>();
    private static Map<String, KeyedSnapshot> firstPass;

    private static String cluster(int i) {
        return String.format("org:c%02d", i);
    }

    private static LocalStack stack;

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        return config;
    }

    @BeforeAll
    static void tenThousandNewsThroughAFirstPass() throws Exception {
        stack = LocalStack.builder()
                .dataDir(stateDir.resolve("stack"))
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start();
        createTopics();
        publishReference();
        Random random = new Random(2017);
        for (int i = 0; i < NEWS; i++) {
            String consortium = random.nextBoolean() ? "cons:k" + random.nextInt(MEMBERS.size()) : null;
            // news of cons:k0 come from the first K0_CIRCLE clusters only, so the others stay clear of it
            int circle = "cons:k0".equals(consortium) ? K0_CIRCLE : CLUSTERS - 2;
            List<String> mentioned = IntStream.range(0, random.nextInt(3))
                    .mapToObj(k -> cluster(random.nextInt(circle)))
                    .distinct()
                    .toList();
            HISTORY.add(NewsEvent.newBuilder()
                    .setId("news:" + i)
                    .setSource("generated")
                    .setTitle("Generated news " + i)
                    .setPublishedAt(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(15 * 365)))
                    .setIngestedAt(Instant.parse("2026-11-28T10:00:00Z"))
                    .setKind(NewsKind.values()[random.nextInt(NewsKind.values().length)])
                    .setPublisherId(cluster(random.nextInt(circle)))
                    .setOrganisationIds(mentioned)
                    .setConsortiumIds(consortium == null ? List.of() : List.of(consortium))
                    .build());
        }
        Collections.shuffle(HISTORY, random);
        publishNews(HISTORY);

        ClusterNewsPipeline pipeline = pipeline();
        assertThat(new Reprocess(clientConfig(), pipeline, TIMEOUT).outputTopics())
                .as("the derived tables, from the catalogue")
                .contains(
                        TopicSpec.CLUSTER_ACTIVITY.topicName(),
                        TopicSpec.CONSORTIUM_ACTIVITY.topicName(),
                        TopicSpec.PROGRAMME_ACTIVITY.topicName(),
                        TopicSpec.CLUSTER_EVENTS.topicName())
                .doesNotContain(TopicSpec.ENRICHED.topicName(), TopicSpec.CONSORTIA.topicName());
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig());
                PipelineDefinition.RunningPipeline running = pipeline.startClean()) {
            Map<TopicPartition, Long> inputEnd = admin.committedEnd(admin.partitions(pipeline.inputTopics()));
            new ApplicationDrain(clientConfig(), admin, APPLICATION_ID).await(inputEnd, running::failure, TIMEOUT);
            // while it runs, reprocess refuses
            assertThatThrownBy(() -> new Reprocess(clientConfig(), pipeline, TIMEOUT).plan())
                    .isInstanceOf(PipelineRunningException.class)
                    .hasMessageContaining(APPLICATION_ID)
                    .hasMessageContaining("Stop every instance first");
        }
        firstPass = tables();
    }

    private static ClusterNewsPipeline pipeline() {
        return new ClusterNewsPipeline(clientConfig(), APPLICATION_ID, stateDir);
    }

    @Test
    @Order(1)
    void theFirstPassCountedEveryNewsOfEveryConsortium() {
        Map<String, Long> mentions = HISTORY.stream()
                .flatMap(n -> n.getConsortiumIds().stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Map<String, Long> counted = new HashMap<>();
        firstPass
                .get(TopicSpec.CONSORTIUM_ACTIVITY.topicName())
                .values()
                .forEach((id, activity) ->
                        counted.put(id, activity.get("newsCount").asLong()));

        assertThat(counted).isEqualTo(mentions);
        assertThat(firstPass.get(TopicSpec.CLUSTER_ACTIVITY.topicName()).keys())
                .hasSize(CLUSTERS - 2)
                .doesNotContain(NEWCOMER);
    }

    @Test
    @Order(2)
    void aDryRunPlansTheResetAndChangesNothing() {
        Reprocess reprocess = new Reprocess(clientConfig(), pipeline(), TIMEOUT);

        ReprocessPlan plan = reprocess.plan();

        assertThat(plan.groupExists()).isTrue();
        assertThat(plan.inputOffsets()).hasSize(3).allSatisfy((tp, offsets) -> {
            assertThat(tp.topic()).isEqualTo(TopicSpec.NEWS.topicName());
            assertThat(offsets[0]).as("committed").isGreaterThan(offsets[1]);
        });
        assertThat(plan.internalTopics())
                .contains(
                        APPLICATION_ID + "-cluster-partials-repartition",
                        APPLICATION_ID + "-cluster-activity-store-changelog");
        assertThat(plan.outputKeys()).containsEntry(TopicSpec.CLUSTER_ACTIVITY.topicName(), CLUSTERS - 2);
        assertThat(String.join("\n", plan.describe()))
                .contains("reset committed input offsets to the earliest")
                .contains(APPLICATION_ID + "-enriched-news-store-changelog");
        assertThat(reprocess.plan().inputOffsets()).usingRecursiveComparison().isEqualTo(plan.inputOffsets());
    }

    @Test
    @Order(3)
    void reprocessRebuildsAggregatesEqualToTheFirstPass() {
        ReprocessReport report = new Reprocess(clientConfig(), pipeline(), TIMEOUT).run(line -> {});

        assertThat(report.diffs())
                .hasSameSizeAs(outputTopics())
                .allSatisfy(
                        diff -> assertThat(diff.isEmpty()).as(diff.describe()).isTrue());
        assertThat(report.tombstones()).isZero();
        Map<String, KeyedSnapshot> rebuilt = tables();
        for (String topic : outputTopics()) {
            assertThat(rebuilt.get(topic).values())
                    .as(topic)
                    .isEqualTo(firstPass.get(topic).values());
        }
    }

    @Test
    @Order(4)
    void afterAConsortiumGainsAMemberReprocessChangesExactlyTheAffectedClusters() {
        // and an aggregate no news supports any more (here: one that never had any) is tombstoned
        plantGhostAndAddMember("org:ghost", "cons:k0", NEWCOMER);
        Set<String> involvedWithK0 = new TreeSet<>(MEMBERS.get("cons:k0"));
        HISTORY.stream().filter(n -> n.getConsortiumIds().contains("cons:k0")).forEach(n -> {
            involvedWithK0.add(n.getPublisherId());
            involvedWithK0.addAll(n.getOrganisationIds());
        });

        ReprocessReport report = new Reprocess(clientConfig(), pipeline(), TIMEOUT).run(line -> {});

        SnapshotDiff clusters = report.diff(TopicSpec.CLUSTER_ACTIVITY.topicName());
        assertThat(clusters.added()).containsExactly(NEWCOMER);
        assertThat(clusters.removed()).containsExactly("org:ghost");
        assertThat(report.tombstones()).isEqualTo(1);
        assertThat(clusters.changed()).isEqualTo(involvedWithK0);
        assertThat(clusters.unchanged())
                .isEqualTo(CLUSTERS - 2 - involvedWithK0.size())
                .isPositive();
        KeyedSnapshot rebuilt = tables().get(TopicSpec.CLUSTER_ACTIVITY.topicName());
        assertThat(rebuilt.keys()).doesNotContain("org:ghost").contains(NEWCOMER);
        JsonNode newcomer = rebuilt.values().get(NEWCOMER);
        assertThat(newcomer.get("newsCount").asLong())
                .isEqualTo(HISTORY.stream()
                        .filter(n -> n.getConsortiumIds().contains("cons:k0"))
                        .count());
        assertThat(report.diff(TopicSpec.CONSORTIUM_ACTIVITY.topicName()).changed())
                .contains("cons:k0");
    }

    @Test
    @Order(5)
    void aReprocessInterruptedMidRunIsFinishedByTheNextOneWithTheReportAndTablesOfAnUninterruptedOne() {
        // a change to rebuild: another newcomer joins cons:k1, and a ghost aggregate no news supports
        String newcomer = cluster(CLUSTERS - 2);
        plantGhostAndAddMember("org:ghost-2", "cons:k1", newcomer);
        Map<String, KeyedSnapshot> before = tables();

        // the first run stops as soon as the rebuild has committed output: Ctrl-C, kill -9 or a crash of the
        // pipeline all leave the tables half-rebuilt and the tombstones unwritten
        Map<TopicPartition, Long> outputEnd = outputEndNow();
        PipelineDefinition interrupted =
                new StoppedOnceItWrote(new ClusterNewsPipeline(slowedDown(), APPLICATION_ID, stateDir), outputEnd);
        assertThatThrownBy(() -> new Reprocess(clientConfig(), interrupted, TIMEOUT).run(line -> {}))
                .hasMessageContaining("stopped by the test");
        ReprocessPlan afterInterruption = new Reprocess(clientConfig(), pipeline(), TIMEOUT).plan();
        assertThat(afterInterruption.resumed()).isNotNull();
        assertThat(afterInterruption.resumed().resetDone()).isTrue();
        assertThat(tables().get(TopicSpec.CLUSTER_ACTIVITY.topicName()).keys())
                .as("not yet tombstoned")
                .contains("org:ghost-2");

        ReprocessReport finished = new Reprocess(clientConfig(), pipeline(), TIMEOUT).run(line -> {});

        Map<String, KeyedSnapshot> after = tables();
        for (String topic : outputTopics()) {
            assertThat(finished.diff(topic))
                    .as("the report compares with the tables before the interrupted run: " + topic)
                    .isEqualTo(SnapshotDiff.between(before.get(topic), after.get(topic)));
        }
        SnapshotDiff clusters = finished.diff(TopicSpec.CLUSTER_ACTIVITY.topicName());
        assertThat(clusters.added()).containsExactly(newcomer);
        assertThat(clusters.removed()).containsExactly("org:ghost-2");
        assertThat(clusters.unchanged()).isPositive();
        assertThat(finished.tombstones()).isEqualTo(1);
        assertThat(after.get(TopicSpec.CLUSTER_ACTIVITY.topicName()).keys()).doesNotContain("org:ghost-2");
        assertThat(new Reprocess(clientConfig(), pipeline(), TIMEOUT).plan().resumed())
                .as("the progress is forgotten")
                .isNull();

        // a clean pass over the same input and reference data changes nothing: the finished tables are right
        ReprocessReport clean = new Reprocess(clientConfig(), pipeline(), TIMEOUT).run(line -> {});
        assertThat(clean.diffs())
                .allSatisfy(
                        diff -> assertThat(diff.isEmpty()).as(diff.describe()).isTrue());
        Map<String, KeyedSnapshot> again = tables();
        for (String topic : outputTopics()) {
            assertThat(again.get(topic).values())
                    .as(topic)
                    .isEqualTo(after.get(topic).values());
        }
    }

    /** An activity aggregate no news supports, and a new member of a consortium. */
    private static void plantGhostAndAddMember(String ghost, String consortium, String newcomer) {
        publish(
                TopicSpec.CLUSTER_ACTIVITY,
                ghost,
                ClusterActivity.newBuilder().setClusterId(ghost).build());
        List<String> members = new ArrayList<>(MEMBERS.get(consortium));
        members.add(newcomer);
        publish(TopicSpec.CONSORTIA, consortium, consortium(consortium, members));
    }

    /** The pipeline's settings with small polls, so the interrupted run is stopped well before its end. */
    private static Map<String, Object> slowedDown() {
        Map<String, Object> config = clientConfig();
        config.put("max.poll.records", "20");
        return config;
    }

    private static Map<TopicPartition, Long> outputEndNow() {
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig())) {
            return admin.committedEnd(admin.partitions(outputTopics()));
        }
    }

    /** The real pipeline, reported failed as soon as it has committed output past these end offsets. */
    private record StoppedOnceItWrote(PipelineDefinition pipeline, Map<TopicPartition, Long> outputEnd)
            implements PipelineDefinition {

        @Override
        public String applicationId() {
            return pipeline.applicationId();
        }

        @Override
        public Set<String> inputTopics() {
            return pipeline.inputTopics();
        }

        @Override
        public Set<String> outputTopics() {
            return pipeline.outputTopics();
        }

        @Override
        public Path localStateDir() {
            return pipeline.localStateDir();
        }

        @Override
        public RunningPipeline startClean() {
            RunningPipeline running = pipeline.startClean();
            return new RunningPipeline() {
                @Override
                public String failure() {
                    Map<TopicPartition, Long> now = outputEndNow();
                    boolean wrote = outputEnd.entrySet().stream().anyMatch(e -> now.get(e.getKey()) > e.getValue());
                    return wrote ? "stopped by the test once the rebuild had written output" : running.failure();
                }

                @Override
                public void close() {
                    running.close();
                }
            };
        }
    }

    private static List<String> outputTopics() {
        return new Reprocess(clientConfig(), pipeline(), TIMEOUT).outputTopics();
    }

    /** The derived tables as a reader of the whole compacted topics sees them. */
    private static Map<String, KeyedSnapshot> tables() {
        Map<String, KeyedSnapshot> tables = new LinkedHashMap<>();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig())) {
            for (String topic : outputTopics()) {
                tables.put(topic, KeyedSnapshot.readAll(clientConfig(), registry, topic));
            }
        }
        return tables;
    }

    /** Publishes news with their publication date (00:00 UTC) as record timestamp, in the list's order. */
    private static void publishNews(List<NewsEvent> news) {
        publish(news.stream()
                .map(event -> new ProducerRecord<>(
                        TopicSpec.NEWS.topicName(),
                        null,
                        event.getPublishedAt()
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toEpochMilli(),
                        event.getId(),
                        event))
                .toList());
    }

    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin).ensureTopics(3, (short) 1);
        }
    }

    private static void publishReference() {
        for (int i = 0; i < CLUSTERS; i++) {
            publish(
                    TopicSpec.ORGANISATIONS,
                    cluster(i),
                    Organisation.newBuilder()
                            .setId(cluster(i))
                            .setName("Cluster " + i)
                            .setType("cluster_organisation")
                            .setCountry(i % 2 == 0 ? "DE" : "FR")
                            .build());
        }
        publish(
                TopicSpec.PROGRAMMES,
                "prog:root",
                Programme.newBuilder().setId("prog:root").setName("Root").build());
        publish(
                TopicSpec.PROGRAMMES,
                "prog:p0",
                Programme.newBuilder()
                        .setId("prog:p0")
                        .setName("Cluster Excellence")
                        .setParentId("prog:root")
                        .build());
        Random random = new Random(7);
        for (int k = 0; k < 6; k++) {
            int circle = k == 0 ? K0_CIRCLE : CLUSTERS - 10;
            List<String> members = IntStream.range(0, 4)
                    .mapToObj(m -> cluster(random.nextInt(circle)))
                    .distinct()
                    .toList();
            MEMBERS.put("cons:k" + k, members);
            publish(TopicSpec.CONSORTIA, "cons:k" + k, consortium("cons:k" + k, members));
        }
    }

    private static Consortium consortium(String id, List<String> members) {
        return Consortium.newBuilder()
                .setId(id)
                .setAcronym(id.toUpperCase())
                .setProgrammeId("prog:p0")
                .setMembers(members.stream()
                        .map(m -> Member.newBuilder()
                                .setOrganisationId(m)
                                .setRole("partner")
                                .build())
                        .toList())
                .build();
    }

    private static <V extends SpecificRecord> void publish(TopicSpec topic, String key, V value) {
        publish(List.of(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> void publish(List<ProducerRecord<String, V>> records) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        SpecificAvroSerializer<V> values =
                new SpecificAvroSerializer<>((Class<V>) records.get(0).value().getClass());
        values.configure(config, false);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}
