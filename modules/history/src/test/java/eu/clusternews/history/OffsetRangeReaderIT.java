package eu.clusternews.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.clusternews.local.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetRangeReaderIT {

    private static final Duration POLL = Duration.ofMillis(200);

    @Test
    void readsTheCommittedRecordsUpToTheEndAndFinishesWhenTheLastOffsetsAreTransactionMarkers() {
        String topic = TestTopics.create(TestKafka.stack().bootstrapServers(), "range", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> producer =
                HistoryClients.transactionalProducer(TestKafka.clientConfig(), "range-it-" + UUID.randomUUID())) {
            send(producer, topic, "a", "b", "c");
            producer.commitTransaction(); // the partition now ends with a commit marker
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("aborted"), bytes("aborted")));
            producer.flush();
            producer.abortTransaction(); // and then with an aborted record and its marker
        }

        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = HistoryClients.consumer(TestKafka.clientConfig(), "range-it")) {
            List<TopicPartition> partitions = HistoryClients.partitions(consumer, topic, "test");
            Map<TopicPartition, Long> end = HistoryClients.endOffsets(consumer, partitions);
            OffsetRangeReader reader = OffsetRangeReader.bounded(consumer, consumer.beginningOffsets(partitions), end);
            assertThat(reader.total()).as("offsets, markers included").isEqualTo(6);

            reader.forEachRemaining(POLL, record -> keys.add(key(record)));

            assertThat(reader.hasMore()).isFalse();
        }
        assertThat(keys).containsExactly("a", "b", "c");
    }

    @Test
    void neverHandsOutRecordsWrittenAfterTheEndWasCaptured() {
        String topic = TestTopics.create(TestKafka.stack().bootstrapServers(), "range-later", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> producer =
                HistoryClients.transactionalProducer(TestKafka.clientConfig(), "range-it-" + UUID.randomUUID())) {
            send(producer, topic, "before-1", "before-2");
            producer.commitTransaction();

            List<String> keys = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer =
                    HistoryClients.consumer(TestKafka.clientConfig(), "range-it")) {
                List<TopicPartition> partitions = HistoryClients.partitions(consumer, topic, "test");
                Map<TopicPartition, Long> end = HistoryClients.endOffsets(consumer, partitions);
                send(producer, topic, "after");
                producer.commitTransaction();

                OffsetRangeReader.bounded(consumer, consumer.beginningOffsets(partitions), end)
                        .forEachRemaining(POLL, record -> keys.add(key(record)));
            }
            assertThat(keys).containsExactly("before-1", "before-2");
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String... keys) {
        producer.beginTransaction();
        for (String key : keys) {
            producer.send(new ProducerRecord<>(topic, bytes(key), bytes(key)));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
