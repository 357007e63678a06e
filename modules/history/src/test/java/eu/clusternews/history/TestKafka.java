package eu.clusternews.history;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** The shared broker and registry of the integration tests, and small helpers to write and read them. */
public final class TestKafka {

    /**
     * The topic configuration of test topics holding news: their record timestamps are publication dates years ago,
     * so under the broker's default 7-day retention its first retention check (30 s after it started) deletes them
     * mid-test. cluster-news keeps its history forever for the same reason.
     */
    public static final Map<String, String> KEPT_FOREVER = Map.of("retention.ms", "-1");

    private TestKafka() {}

    public static LocalStack stack() {
        return SharedLocalStack.get();
    }

    /** Client settings pointing at the shared stack. */
    public static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", stack().bootstrapServers());
        config.put("schema.registry.url", stack().schemaRegistryUrl());
        return config;
    }

    /** Publishes news with their publication date (00:00 UTC) as record timestamp, in the list's order. */
    public static void publish(String topic, List<NewsEvent> news) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        SpecificAvroSerializer<NewsEvent> values = new SpecificAvroSerializer<>(NewsEvent.class);
        values.configure(config, false);
        try (KafkaProducer<String, NewsEvent> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            for (NewsEvent event : news) {
                long timestamp = event.getPublishedAt() == null
                        ? event.getIngestedAt().toEpochMilli()
                        : event.getPublishedAt()
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toEpochMilli();
                producer.send(new ProducerRecord<>(topic, null, timestamp, event.getId(), event));
            }
            producer.flush();
        }
    }

    /** Every committed record of a topic, partition by partition. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = HistoryClients.consumer(clientConfig(), "test-read")) {
            List<TopicPartition> partitions = HistoryClients.partitions(consumer, topic, "test");
            OffsetRangeReader.bounded(
                            consumer,
                            consumer.beginningOffsets(partitions),
                            HistoryClients.endOffsets(consumer, partitions))
                    .forEachRemaining(Duration.ofMillis(200), records::add);
        }
        return records;
    }
}
