package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kafka's habits against a real broker and registry: -b, -X, tail's count, partition, offset and timeout. */
class KafkaHabitsIT {

    private static final String TOPIC = "habits-" + UUID.randomUUID();
    private static LocalStack stack;

    /** Three partitions of five records each; the values are not Avro, so tail shows them as undecodable bytes. */
    @BeforeAll
    static void topic() throws Exception {
        stack = SharedLocalStack.get();
        Map<String, Object> config = Map.of("bootstrap.servers", stack.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < 3; partition++) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(
                                    TOPIC,
                                    partition,
                                    ("p" + partition).getBytes(StandardCharsets.UTF_8),
                                    ("record " + partition + "/" + i).getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
            }
        }
    }

    private static CommandRun tail(String... more) {
        return connected(List.of("tail", TOPIC), more);
    }

    /** {@code ingest -b ... -X linger.ms=<lingerMs> --reference seeds/reference <input>}: a producer property set by -X. */
    private static CommandRun ingestLingering(String lingerMs, Path input) {
        return connected(
                List.of("ingest"),
                "-X",
                "linger.ms=" + lingerMs,
                "--reference",
                Seeds.reference().toString(),
                input.toString());
    }

    /** {@code command -b <broker> --schema-registry-url <registry> more...} against the shared stack. */
    private static CommandRun connected(List<String> command, String... more) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of("-b", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl()));
        args.addAll(List.of(more));
        return CommandRun.of(ClusterNews.commandLine(), args.toArray(String[]::new));
    }

    @Test
    void tailStopsAfterMaxMessages() {
        CommandRun run = tail("-c", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(4);
    }

    @Test
    void tailReadsOnePartitionFromAnOffset() {
        CommandRun run = tail("--partition", "1", "--offset", "3", "--print-metadata");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2).allMatch(line -> line.contains("\"partition\":1"));
        assertThat(run.out()).contains("\"offset\":3").contains("\"offset\":4").doesNotContain("\"offset\":2");
    }

    @Test
    void aPartitionTheTopicDoesNotHaveIsNamedWithTheOnesItHas() {
        CommandRun run = tail("--partition", "7");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("has partitions 0 to 2, not 7");
    }

    @Test
    void followingEndsWhenNothingArrivesForTheTimeout() {
        long started = System.nanoTime();

        CommandRun run = tail("--follow", "--from-beginning", "--timeout", "2s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(15);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    @Test
    void anUnreachableRegistryIsNamedWithItsUrlWithinTheTimeout() {
        String nowhere = "http://127.0.0.1:" + LoopbackPorts.pickFree() + "/apis/ccompat/v7";
        long started = System.nanoTime();

        CommandRun run = CommandRun.of(
                ClusterNews.commandLine(),
                "tail",
                TOPIC,
                "-b",
                stack.bootstrapServers(),
                "--schema-registry-url",
                nowhere);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains(nowhere).doesNotContain("\tat ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void ingestTakesKcatsSpellingsAndAppliesDashXToItsProducer() {
        CommandRun setup = CommandRun.of(
                ClusterNews.commandLine(),
                "setup",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.schemaRegistryUrl(),
                "--reference",
                Seeds.reference().toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        CommandRun ingested = ingestLingering(
                "50", Seeds.news().resolve("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt"));
        // a value Kafka refuses proves the property reaches the producer
        CommandRun refused = ingestLingering("soon", Seeds.news());

        assertThat(ingested.exitCode()).as(ingested.out() + ingested.err()).isZero();
        assertThat(ingested.out()).contains("Ingested: ");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("linger.ms").contains("soon");
    }
}
