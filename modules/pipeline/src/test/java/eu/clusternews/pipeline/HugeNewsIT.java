package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.local.EmbeddedKafkaBroker;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.TopicRecords;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid but huge news among normal ones, on a real broker (Kafka's default 1 MiB record limit) and the real Apicurio
 * registry, through the exactly-once pipeline: a news of 1 045 000 bytes that lists every organisation and consortium
 * (its enriched copy would be 1 054 192 bytes), one with a 200 000-character title and URL and 20 000 ids, a record
 * of 1 048 000 bytes that is not Avro and a news whose id is 261 characters. The pipeline never stops; every valid
 * news is counted, the huge ones with their enriched copies cut to the bound; the two bad records are in the DLQ, the
 * large one as a cut copy saying so. Without the bounds, the enriched copy and the dead letter were each too large for
 * the producer ({@code RecordTooLargeException}) and the stream thread died on them after every replacement.
 */
class HugeNewsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int NORMAL_NEWS = 30;

    @TempDir
    static Path temp;

    private static EmbeddedKafkaBroker broker;
    private static ClusterNewsTopics topics;
    private static PipelineRunner runner;
    private static final List<KafkaStreams.State> statesAfterRunning = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startABrokerOfItsOwnAndThePipeline() throws Exception {
        // a broker of its own: Kafka's default limits, and a cluster-news that holds only this test's news
        broker = EmbeddedKafkaBroker.builder(temp.resolve("broker"))
                .port(LoopbackPorts.pickFree())
                .start();
        PipelineConfig config = PipelineConfig.of(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", SharedLocalStack.get().schemaRegistryUrl(),
                "application.id", "huge-news",
                "state.dir", temp.resolve("streams").toString()));
        topics = ClusterNewsTopics.from(config.serdeConfig());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(TopicSpec.newTopics(null, (short) 1)).all().get();
        }
        LiveTopics.publish(broker.bootstrapServers(), topics, SeedReference.load());
        runner = new PipelineRunner(config);
        runner.addStateListener((newState, oldState) -> {
            if (oldState == KafkaStreams.State.RUNNING || !statesAfterRunning.isEmpty()) {
                statesAfterRunning.add(newState);
            }
        });
        runner.start();
        await().atMost(PATIENCE).until(() -> runner.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close(Duration.ofSeconds(20));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void hugeNewsAreCountedWithBoundedCopiesAndHugeBadRecordsDeadLetteredWhileThePipelineKeepsRunning() {
        // every organisation and consortium of the reference data: a few KB of enrichment push its enriched copy
        // over the broker's 1 MiB although the news itself fits
        SeedReference reference = SeedReference.load();
        NewsEvent nearOneMegabyte = news("news:huge-body")
                .setBody("x".repeat(1_045_000))
                .setOrganisationIds(
                        reference.organisations().stream().map(o -> o.getId()).toList())
                .setConsortiumIds(
                        reference.consortia().stream().map(c -> c.getId()).toList())
                .build();
        NewsEvent hugeFields = news("news:huge-fields")
                .setTitle("T".repeat(200_000))
                .setUrl("u".repeat(200_000))
                .setOrganisationIds(HugeNewsStepTest.withFakes(List.of("org:bnpt", "org:esca"), "org:fake-", 10_000))
                .setConsortiumIds(
                        HugeNewsStepTest.withFakes(List.of("cons:inno-drop", "cons:clusgrid"), "cons:fake-", 10_000))
                .build();
        NewsEvent longId =
                news("news:" + "x".repeat(NewsValidator.MAX_ID_CHARS)).build();
        byte[] garbage = new byte[1_048_000];
        Arrays.fill(garbage, (byte) '{');

        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < NORMAL_NEWS; i++) {
                send(producer, news(String.format("news:normal-%02d", i)).build());
                switch (i) {
                    case 5 -> send(producer, nearOneMegabyte);
                    case 10 -> producer.send(new ProducerRecord<>(topics.news().name(), "pill:huge-garbage", garbage));
                    case 15 -> send(producer, hugeFields);
                    case 20 -> send(producer, longId);
                    default -> {}
                }
            }
        }

        // every valid news counted: the normal ones and both huge ones, for each of the seed's ten clusters
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, ClusterActivity> clusters =
                    latest(topics.clusterActivity().name(), ClusterActivity.class);
            assertThat(clusters.keySet()).containsAll(Fixtures.TEN_CLUSTERS);
            assertThat(Fixtures.TEN_CLUSTERS)
                    .allSatisfy(id -> assertThat(clusters.get(id).getNewsCount())
                            .as("news counted for %s", id)
                            .isEqualTo(NORMAL_NEWS + 2));
        });
        Map<String, ConsortiumActivity> consortia =
                latest(topics.consortiumActivity().name(), ConsortiumActivity.class);
        assertThat(consortia.get("cons:inno-drop").getNewsCount()).isEqualTo(NORMAL_NEWS + 2);
        // 20 000 ids, but the news counts for 100 consortia: the two real ones and the first 98 it lists
        assertThat(consortia).containsKey("cons:fake-00097").doesNotContainKey("cons:fake-00098");

        Map<String, ConsumerRecord<String, byte[]>> enriched =
                readCommitted(topics.enriched().name());
        assertThat(enriched).hasSize(NORMAL_NEWS + 2);
        assertThat(enriched.values())
                .allSatisfy(r -> assertThat(r.value().length).isLessThanOrEqualTo(EnrichmentBounds.DEFAULT_MAX_BYTES));
        assertThat(header(enriched.get("news:huge-body"), EnrichmentBounds.HEADER_CUT))
                .contains("of 1045000 bytes kept (the full text is in cluster-news)");
        EnrichedNews fields = topics.enriched()
                .valueDeserializer()
                .deserialize(
                        topics.enriched().name(),
                        enriched.get("news:huge-fields").value());
        assertThat(fields.getNews().getTitle()).hasSize(EnrichmentBounds.MAX_TITLE_CHARS);
        assertThat(fields.getNews().getUrl()).isNull();
        assertThat(header(enriched.get("news:huge-fields"), EnrichmentBounds.HEADER_CUT))
                .contains("consortiumIds: first 100 of 10002 ids kept");
        assertThat(header(enriched.get("news:normal-00"), EnrichmentBounds.HEADER_CUT))
                .isNull();

        Map<String, ConsumerRecord<String, byte[]>> letters =
                readCommitted(topics.deadLetters().name());
        assertThat(letters.keySet()).containsExactlyInAnyOrder("pill:huge-garbage", longId.getId());
        ConsumerRecord<String, byte[]> cutCopy = letters.get("pill:huge-garbage");
        assertThat(cutCopy.value()).hasSize(DeadLetterHandler.MAX_VALUE_BYTES);
        assertThat(header(cutCopy, DeadLetterHandler.HEADER_VALUE_BYTES)).isEqualTo("1048000");
        assertThat(header(cutCopy, DeadLetterHandler.HEADER_CUT))
                .isEqualTo("value: first 524288 of 1048000 bytes kept");
        assertThat(header(cutCopy, DeadLetterHandler.HEADER_MESSAGE)).contains("not Confluent Avro");
        assertThat(header(letters.get(longId.getId()), DeadLetterHandler.HEADER_MESSAGE))
                .contains("id of 261 characters is over the limit of 256");

        assertThat(runner.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(statesAfterRunning)
                .as("Streams states after RUNNING: a failed stream thread shows as a rebalance or an error")
                .isEmpty();
    }

    private static NewsEvent.Builder news(String id) {
        return NewsEvent.newBuilder(Fixtures.seedNews())
                .setId(id)
                .setTitle("Title of " + id.substring(0, Math.min(id.length(), 40)));
    }

    private static void send(KafkaProducer<String, byte[]> producer, NewsEvent news) {
        long timestamp =
                news.getPublishedAt().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        byte[] value = topics.news().valueSerializer().serialize(topics.news().name(), news);
        producer.send(new ProducerRecord<>(topics.news().name(), null, timestamp, news.getId(), value));
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // the broker's own limit (message.max.bytes, about 1 MiB) decides what cluster-news accepts
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 16 * 1024);
        return config;
    }

    private static <V> Map<String, V> latest(String topic, Class<V> type) {
        Map<String, V> latest = new LinkedHashMap<>();
        var deserializer = type == ClusterActivity.class
                ? topics.clusterActivity().valueDeserializer()
                : topics.consortiumActivity().valueDeserializer();
        readCommitted(topic)
                .forEach((key, r) -> latest.put(key, type.cast(deserializer.deserialize(topic, r.value()))));
        return latest;
    }

    /** The latest committed record per key. */
    private static Map<String, ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        TopicRecords.readCommitted(
                        broker.bootstrapServers(), topic, new StringDeserializer(), new ByteArrayDeserializer())
                .forEach(r -> latest.put(r.key(), r));
        return latest;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
