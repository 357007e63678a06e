package eu.clusternews.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.clusternews.local.testing.TestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** {@link HistoryAdmin#settledEnd}: the end of a partition once no transaction is open on it, on a real broker. */
class SettledEndIT {

    @Test
    void anOpenTransactionHoldsTheSettledEndBackUntilItCommitsAndThenTheEndCoversItsRecordsAndMarker() {
        String topic = TestTopics.create(TestKafka.stack().bootstrapServers(), "settled", 1, Map.of());
        TopicPartition partition = new TopicPartition(topic, 0);
        try (HistoryAdmin admin = new HistoryAdmin(TestKafka.clientConfig());
                KafkaProducer<byte[], byte[]> producer = HistoryClients.transactionalProducer(
                        TestKafka.clientConfig(), "settled-it-" + UUID.randomUUID())) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("a"), bytes("a")));
            producer.send(new ProducerRecord<>(topic, bytes("b"), bytes("b")));
            producer.flush();

            assertThat(admin.committedEnd(List.of(partition)))
                    .as("a read_committed reader stops before the open transaction")
                    .containsEntry(partition, 0L);
            assertThatThrownBy(() -> admin.settledEnd(List.of(partition), Duration.ofMillis(300)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("A transaction is still open on [" + partition + "]");

            producer.commitTransaction();

            assertThat(admin.settledEnd(List.of(partition), Duration.ofSeconds(30)))
                    .as("two records and the commit marker")
                    .containsEntry(partition, 3L);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
