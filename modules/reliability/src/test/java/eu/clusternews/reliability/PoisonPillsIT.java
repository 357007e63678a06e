package eu.clusternews.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.pipeline.DeadLetterHandler;
import eu.clusternews.pipeline.NewsValidator;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.testing.Closeables;
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
 * Poison pills on the real broker and the real registry, interleaved with good news: each bad record reaches
 * cluster-news-dlq with its original bytes and a reason, the pipeline never leaves RUNNING, and every record
 * read is accounted for: in = processed + dead-lettered.
 */
class PoisonPillsIT {

    private static final int GOOD_NEWS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    private static FreshBrokerPipeline stack;
    private static final List<KafkaStreams.State> statesAfterRunning = new CopyOnWriteArrayList<>();

    /** A bad record: its key, its bytes (null for a tombstone), and what its dead letter must say. */
    private record Pill(String key, byte[] value, String reason) {}

    @BeforeAll
    static void startBrokerSetupAndPipeline() throws InterruptedException {
        stack = FreshBrokerPipeline.start(temp, "poison-pills", PATIENCE);
        stack.pipeline().runner().addStateListener((newState, oldState) -> statesAfterRunning.add(newState));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(stack);
    }

    @Test
    void everyKindOfPoisonPillIsDeadLetteredWithItsReasonWhileTheGoodNewsAroundThemAreProcessed() {
        List<Pill> pills = pills();
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < GOOD_NEWS; i++) {
                NewsEvent news = good(i);
                producer.send(new ProducerRecord<>(stack.topics().news().name(), news.getId(), serialize(news)));
                sent++;
                if (i < pills.size()) {
                    Pill pill = pills.get(i);
                    producer.send(new ProducerRecord<>(stack.topics().news().name(), pill.key(), pill.value()));
                    sent++;
                }
            }
        }
        assertThat(pills.size()).isLessThanOrEqualTo(GOOD_NEWS);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(deadLetters()).hasSize(pills.size());
            assertThat(enrichedIds()).hasSize(GOOD_NEWS);
        });

        Map<String, ConsumerRecord<byte[], byte[]>> letters = new HashMap<>();
        deadLetters().forEach(letter -> letters.put(new String(letter.key(), StandardCharsets.UTF_8), letter));
        for (Pill pill : pills) {
            ConsumerRecord<byte[], byte[]> letter = letters.get(pill.key());
            assertThat(letter).as("dead letter of %s", pill.key()).isNotNull();
            assertThat(letter.value()).as("original bytes of %s", pill.key()).isEqualTo(pill.value());
            assertThat(header(letter, DeadLetterHandler.HEADER_MESSAGE))
                    .as("reason of %s", pill.key())
                    .contains(pill.reason());
            assertThat(header(letter, DeadLetterHandler.HEADER_TOPIC)).isEqualTo("cluster-news");
            assertThat(header(letter, DeadLetterHandler.HEADER_OFFSET)).isNotBlank();
            assertThat(header(letter, DeadLetterHandler.HEADER_EXCEPTION))
                    .isEqualTo("eu.clusternews.pipeline.InvalidNewsException");
        }

        // the books balance: every record of cluster-news is either processed (once) or dead-lettered
        List<String> enriched = enrichedIds();
        assertThat(enriched).doesNotHaveDuplicates();
        assertThat(Set.copyOf(enriched)).isEqualTo(goodIds());
        long in = TopicReader.readCommitted(
                        stack.clientConfig(),
                        stack.topics().news().name(),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())
                .size();
        assertThat(in).isEqualTo(sent).isEqualTo(enriched.size() + deadLetters().size());

        // the aggregates saw every good news and nothing else
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(bnptActivity().getNewsCount()).isEqualTo(GOOD_NEWS));
        assertThat(stack.pipeline().runner().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(statesAfterRunning)
                .as("state changes after RUNNING (a failed task would show here)")
                .isEmpty();
    }

    private static List<Pill> pills() {
        byte[] good = serialize(good(99));
        List<Pill> pills = new ArrayList<>();
        pills.add(new Pill(
                "pill:not-avro",
                "{\"id\":\"news:json\",\"title\":\"JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8),
                "not Confluent Avro (first byte is 0x7B"));
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 1;
        pills.add(new Pill("pill:wrong-magic-byte", wrongMagic, "first byte is 0x01, not the magic byte 0x00"));
        byte[] unknownId = good.clone();
        System.arraycopy(ConfluentWireFormat.header(987_654), 0, unknownId, 0, ConfluentWireFormat.HEADER_SIZE);
        pills.add(new Pill("pill:unknown-schema-id", unknownId, "unknown schema id 987654"));
        pills.add(new Pill("pill:truncated", Arrays.copyOf(good, good.length / 2), "truncated or corrupt Avro data"));
        Organisation organisation = Organisation.newBuilder()
                .setId("org:not-news")
                .setName("Not a news")
                .setType("cluster_organisation")
                .build();
        byte[] anotherSchema = stack.topics()
                .organisations()
                .valueSerializer()
                .serialize(stack.topics().organisations().name(), organisation);
        pills.add(new Pill(
                "pill:another-schema", anotherSchema, "(eu.clusternews.avro.Organisation), which is incompatible"));
        // a huge news is no pill (it is processed, its enriched copy cut: HugeNewsIT); an id that is no news id is
        NewsEvent longId = NewsEvent.newBuilder(good(98))
                .setId("news:" + "x".repeat(NewsValidator.MAX_ID_CHARS))
                .build();
        pills.add(new Pill(
                longId.getId(),
                serialize(longId),
                "id of " + longId.getId().length() + " characters is over the limit of " + NewsValidator.MAX_ID_CHARS));
        pills.add(new Pill("pill:null", null, "null value (a tombstone)"));
        pills.add(new Pill("pill:empty", new byte[0], "no bytes at all"));
        NewsEvent untitled = NewsEvent.newBuilder(good(97))
                .setId("news:untitled")
                .setTitle(" ")
                .build();
        pills.add(new Pill(untitled.getId(), serialize(untitled), "missing required field title"));
        return pills;
    }

    private static NewsEvent good(int i) {
        return NewsEvent.newBuilder()
                .setId(String.format("news:good-%02d", i))
                .setSource("poison-pills-it")
                .setTitle("BalticNet-PlasmaTec news " + i)
                .setBody("BalticNet-PlasmaTec met the clusters of INNO-DROP.")
                .setPublishedAt(LocalDate.of(2020, 1 + i % 12, 1))
                .setIngestedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .setPublisherId("org:bnpt")
                .setOrganisationIds(List.of("org:bnpt"))
                .build();
    }

    private static Set<String> goodIds() {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < GOOD_NEWS; i++) {
            ids.add(good(i).getId());
        }
        return ids;
    }

    private static byte[] serialize(NewsEvent news) {
        return stack.topics()
                .news()
                .valueSerializer()
                .serialize(stack.topics().news().name(), news);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return TopicReader.readCommitted(
                stack.clientConfig(),
                stack.topics().deadLetters().name(),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static List<String> enrichedIds() {
        return stack.enriched().stream()
                .map(EnrichedNews::getNews)
                .map(NewsEvent::getId)
                .toList();
    }

    private static ClusterActivity bnptActivity() {
        Map<String, ClusterActivity> latest = TopicReader.latestClusterActivity(stack.clientConfig());
        assertThat(latest).containsKey("org:bnpt");
        return latest.get("org:bnpt");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = stack.producerConfig();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }
}
