package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} on a broker and registry of its own (the shared one's news counts belong to other ITs): a generated
 * JSON-lines file and the same through standard input are published news by news, and an over-size line is rejected
 * with its number while everything else is published, with exit code 3.
 */
class BigInputIT {

    private static final Pattern SUMMARY =
            Pattern.compile("Ingested: (\\d+) published, (\\d+) duplicates within this run, (\\d+) rejected");

    @TempDir
    static Path temp;

    private static LocalStack stack;
    private static Settings settings;

    @BeforeAll
    static void startABrokerAndRegistryAndCreateTheTopics() {
        stack = LocalStack.builder()
                .dataDir(temp.resolve("data"))
                .kafkaPort(LoopbackPorts.pickFree())
                .registryPort(LoopbackPorts.pickFree())
                .start();
        settings = Settings.resolve(null, Map.of(), Map.of())
                .withEndpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
        new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyNewsOfAGeneratedJsonLinesFileIsPublished() throws IOException {
        Path file = temp.resolve("news.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new NewsGenerator(ReferenceData.load(Seeds.reference())).write(2000, 11, out);
        }
        long before = recordsInNewsTopic();

        CommandRun run = ingest(file.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertEveryLineAccountedFor(run, 2000, 0, before);
    }

    @Test
    void standardInputIsPublishedExceptAnOverSizeLineWhichIsNamedAndMakesTheExitCode3() throws IOException {
        Path input = temp.resolve("stdin.jsonl");
        List<String> lines = new ArrayList<>(new NewsGenerator(ReferenceData.load(Seeds.reference()))
                .jsonLines(1000, 12)
                .toList());
        String overSize = "{\"title\":\"INNO-DROP\",\"body\":\"" + "x".repeat(70_000) + "\"}";
        lines.add(734, overSize); // line 735
        lines.add(
                "{\"id\":\"news:it-apollo-1969\",\"title\":\"Apollo 11 lands on the Moon\",\"body\":\"Tranquility Base.\","
                        + "\"publishedAt\":\"1969-07-20\",\"language\":\"en\"}");
        Files.write(input, lines, StandardCharsets.UTF_8);
        long before = recordsInNewsTopic();

        CommandRun run;
        InputStream stdin = System.in;
        try (InputStream in = Files.newInputStream(input)) {
            System.setIn(in);
            run = ingest("--max-document-bytes", "65536", "-");
        } finally {
            System.setIn(stdin);
        }

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "rejected -:735: the line is %,d bytes, over the limit of 65,536 bytes",
                        overSize.length()));
        assertEveryLineAccountedFor(run, 1001, 1, before);
        ConsumerRecord<String, NewsEvent> moonLanding = newsRecord("news:it-apollo-1969");
        assertThat(moonLanding.timestamp())
                .as("record timestamp of a 1969 news")
                .isZero();
        assertThat(moonLanding.value().getPublishedAt()).isEqualTo(LocalDate.of(1969, 7, 20));
    }

    @Test
    void aNewsTooLargeForKafkaIsRejectedWithItsLineAndTheOthersArePublished() throws IOException {
        Path file = temp.resolve("large.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"title\":\"INNO-DROP training in Berlin\",\"body\":\"Small.\",\"publishedAt\":\"2017-04-25\"}",
                        "{\"title\":\"CLUSGRID meeting in Kraków\",\"body\":\"" + "Cluster news. ".repeat(150_000)
                                + "\"}",
                        "{\"title\":\"INNO-DROP study visit to Aarhus\",\"body\":\"Small.\",\"publishedAt\":\"2017-06-12\"}"),
                StandardCharsets.UTF_8);
        long before = recordsInNewsTopic();

        CommandRun run = ingest("--max-document-bytes", "4000000", file.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains("Ingested: 2 published, 0 duplicates within this run, 1 rejected")
                .contains("rejected " + file + ":2: news ")
                .contains("is too large for Kafka")
                .contains("max.request.size");
        assertThat(recordsInNewsTopic() - before).isEqualTo(2);
    }

    private static CommandRun ingest(String... args) {
        List<String> all = SeedIngest.args(stack, "--quiet");
        all.addAll(List.of(args));
        return CommandRun.of(ClusterNews.commandLine(), all.toArray(String[]::new));
    }

    /**
     * The summary accounts for every good line (published or a duplicate within the run) and the rejected ones,
     * and cluster-news grew by exactly the published news.
     */
    private static void assertEveryLineAccountedFor(CommandRun run, long goodLines, int rejected, long before) {
        Matcher summary = summary(run);
        long published = Long.parseLong(summary.group(1));
        assertThat(published + Long.parseLong(summary.group(2)))
                .as("published and duplicates: every good line")
                .isEqualTo(goodLines);
        assertThat(summary.group(3)).isEqualTo(String.valueOf(rejected));
        assertThat(recordsInNewsTopic() - before)
                .as("records added to cluster-news")
                .isEqualTo(published);
    }

    private static Matcher summary(CommandRun run) {
        Matcher m = SUMMARY.matcher(run.out());
        assertThat(m.find()).as("summary in: %s", run.out()).isTrue();
        return m;
    }

    private static KafkaConsumer<String, NewsEvent> consumer() {
        Map<String, Object> config = new HashMap<>(settings.asClientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(
                config,
                new StringDeserializer(),
                ClusterNewsTopics.from(settings.asClientConfig()).news().valueDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        return consumer.partitionsFor(TopicSpec.NEWS.topicName()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private static long recordsInNewsTopic() {
        try (KafkaConsumer<String, NewsEvent> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** The last record of this key on cluster-news, read from the beginning to the end offsets. */
    private static ConsumerRecord<String, NewsEvent> newsRecord(String key) {
        try (KafkaConsumer<String, NewsEvent> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ConsumerRecord<String, NewsEvent> found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime())
                        .as("read cluster-news to its end within 30 s")
                        .isLessThan(deadline);
                for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found = record;
                    }
                }
            }
            assertThat(found).as("a record keyed %s", key).isNotNull();
            return found;
        }
    }
}
