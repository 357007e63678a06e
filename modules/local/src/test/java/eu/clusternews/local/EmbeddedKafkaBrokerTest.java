package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import eu.clusternews.local.testing.LocalStackExtension;
import eu.clusternews.local.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalStackExtension.class)
class EmbeddedKafkaBrokerTest {

    @Test
    void aReadCommittedConsumerSeesCommittedTransactionsAndNotAbortedOnes(LocalStack local) throws Exception {
        String topic = TestTopics.create(local, "transactions");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        local.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "tx-" + topic),
                new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted")).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-3"));
            producer.commitTransaction();
        }

        assertThat(readAll(local.bootstrapServers(), topic, "reader-" + topic, 3))
                .containsExactly("committed-1", "committed-2", "committed-3");
    }

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTopicsCommittedOffsetsAndTheClusterId(@TempDir Path dataDir)
            throws Exception {
        String clusterId;
        int partitions = 3;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir)
                .port(LoopbackPorts.pickFree())
                .start()) {
            clusterId = broker.clusterId();
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("kept", partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", 0, "k", "before restart"))
                        .get();
            }
            assertThat(readAll(broker.bootstrapServers(), "kept", "remembering-group", 1))
                    .containsExactly("before restart");
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.builder(dataDir)
                        .port(LoopbackPorts.pickFree())
                        .start();
                Admin admin = admin(restarted)) {
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("kept");
            assertThat(admin.describeTopics(Set.of("kept"))
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .get("kept")
                            .partitions())
                    .hasSize(partitions);
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("remembering-group")
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            assertThat(offsets.get(new TopicPartition("kept", 0)).offset()).isEqualTo(1L);
        }
    }

    @Test
    void aTakenPortIsReportedBeforeAnythingStarts(@TempDir Path dataDir) throws Exception {
        TakenPort.assertRefusedNaming(
                "--kafka-port",
                port -> EmbeddedKafkaBroker.builder(dataDir).port(port).start());
        assertThat(dataDir.resolve("kafka")).doesNotExist();
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Reads from the beginning, read_committed, until {@code expected} values arrived; commits the offsets. */
    private static List<String> readAll(String bootstrapServers, String topic, String group, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            // one more short poll: anything beyond the expected values (e.g. an aborted record) would show up here
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            consumer.commitSync();
        }
        return values;
    }
}
