package eu.clusternews.history.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.history.PointInTime;
import eu.clusternews.history.ReadableJson;
import eu.clusternews.history.StartPosition;
import eu.clusternews.history.TestKafka;
import eu.clusternews.local.testing.TestTopics;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicTailIT {

    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    private static String topic;

    @BeforeAll
    static void thirtyNewsOnThreePartitions() {
        topic = TestTopics.create(TestKafka.stack().bootstrapServers(), "tail", 3, TestKafka.KEPT_FOREVER);
        TestKafka.publish(
                topic, IntStream.range(0, 30).mapToObj(TopicTailIT::news).toList());
    }

    static NewsEvent news(int i) {
        return NewsEvent.newBuilder()
                .setId("news:" + i)
                .setSource("test")
                .setTitle("News number " + i)
                .setPublishedAt(FIRST_DAY.plusDays(i))
                .setIngestedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .setKind(NewsKind.MEETING)
                .setPublisherId("org:c" + (i % 4))
                .build();
    }

    private static List<JsonNode> tail(TopicTail.Options options) {
        StringWriter text = new StringWriter();
        new TopicTail(TestKafka.clientConfig()).run(options, new PrintWriter(text));
        List<JsonNode> lines = new ArrayList<>();
        text.toString().lines().forEach(line -> {
            try {
                lines.add(ReadableJson.MAPPER.readTree(line));
            } catch (Exception e) {
                throw new AssertionError("Not a JSON line: " + line, e);
            }
        });
        return lines;
    }

    @Test
    void printsEveryRecordDecodedWithReadableDatesAndStopsAtTheEnd() {
        List<JsonNode> lines =
                tail(new TopicTail.Options(topic, StartPosition.beginning(), false, OutputFormat.JSON, null, false));

        assertThat(lines).hasSize(30);
        JsonNode seventh = lines.stream()
                .filter(l -> l.get("key").asText().equals("news:7"))
                .findFirst()
                .orElseThrow();
        assertThat(seventh.get("value").get("title").asText()).isEqualTo("News number 7");
        assertThat(seventh.get("value").get("publishedAt").asText()).isEqualTo("2017-01-08");
        assertThat(seventh.get("value").get("kind").asText()).isEqualTo("MEETING");
        assertThat(seventh.has("offset")).isFalse();
    }

    @Test
    void printsOnlyTheRecordsOfTheKeyAskedFor() {
        List<JsonNode> lines = tail(
                new TopicTail.Options(topic, StartPosition.beginning(), false, OutputFormat.JSON, "news:12", false));

        assertThat(lines).extracting(l -> l.get("key").asText()).containsExactly("news:12");
    }

    @Test
    void startsAtTheFirstRecordAtOrAfterTheTimeAskedFor() {
        List<JsonNode> lines = tail(new TopicTail.Options(
                topic, StartPosition.at(PointInTime.parse("2017-01-21")), false, OutputFormat.JSON, null, false));

        assertThat(lines)
                .extracting(l -> l.get("value").get("publishedAt").asText())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(20, 30)
                        .mapToObj(i -> FIRST_DAY.plusDays(i).toString())
                        .toList());
    }

    @Test
    void printsWhereAndWhenEachRecordWasWrittenWhenAsked() {
        List<JsonNode> lines =
                tail(new TopicTail.Options(topic, StartPosition.beginning(), false, OutputFormat.JSON, "news:0", true));

        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("topic").asText()).isEqualTo(topic);
        assertThat(line.get("partition").asInt()).isBetween(0, 2);
        assertThat(line.has("offset")).isTrue();
        assertThat(line.get("timestamp").asText()).isEqualTo("2017-01-01T00:00:00Z");
    }

    @Test
    void prettyFormatPrintsAHeaderLineAndTheValueIndented() {
        StringWriter text = new StringWriter();
        new TopicTail(TestKafka.clientConfig())
                .run(
                        new TopicTail.Options(
                                topic, StartPosition.beginning(), false, OutputFormat.PRETTY, "news:3", true),
                        new PrintWriter(text));

        assertThat(text.toString())
                .startsWith("--- " + topic + "[")
                .contains("2017-01-04T00:00:00Z  key \"news:3\"")
                .contains("\n  \"title\" : \"News number 3\"");
    }

    @Test
    void showsDeadLettersAsTextAndBase64WithTheirHeaders() throws Exception {
        String dlq = TopicSpec.DEAD_LETTERS.topicName();
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", TestKafka.stack().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(dlq)) {
                admin.createTopics(List.of(TopicSpec.DEAD_LETTERS.newTopic((short) 1)))
                        .all()
                        .get();
            }
        }
        String key = "dead:" + System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.stack().bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                    dlq, key.getBytes(StandardCharsets.UTF_8), "not avro at all".getBytes(StandardCharsets.UTF_8));
            record.headers().add("reason", "not Confluent Avro".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        List<JsonNode> lines =
                tail(new TopicTail.Options(dlq, StartPosition.beginning(), false, OutputFormat.JSON, key, false));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("value").get("utf8").asText()).isEqualTo("not avro at all");
        assertThat(lines.get(0).get("value").get("base64").asText()).isEqualTo("bm90IGF2cm8gYXQgYWxs");
        assertThat(lines.get(0).get("headers").get("reason").asText()).isEqualTo("not Confluent Avro");
    }

    @Test
    void followPrintsNewRecordsUntilStopped() {
        String followed = TestTopics.create(TestKafka.stack().bootstrapServers(), "follow", 1, TestKafka.KEPT_FOREVER);
        TopicTail tail = new TopicTail(TestKafka.clientConfig());
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> tail.run(
                new TopicTail.Options(followed, StartPosition.end(), true, OutputFormat.JSON, "news:100", false), out));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    TestKafka.publish(followed, List.of(news(100)));
                    assertThat(text.toString()).contains("\"key\":\"news:100\"");
                });
        tail.stop();

        assertThat(running).succeedsWithin(Duration.ofSeconds(10));
    }
}
