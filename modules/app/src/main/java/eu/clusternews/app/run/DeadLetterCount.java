package eu.clusternews.app.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import eu.clusternews.topics.ClientConfigs;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records the dead-letter topic holds in all (its end offsets summed), for the metrics page. Read at
 * scrape time, at most once per second; a failure reports the last known value rather than breaking the scrape.
 */
final class DeadLetterCount implements AutoCloseable {

    private static final long CACHE_MILLIS = 1_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long lastValue;
    private long lastRead;

    DeadLetterCount(Map<String, Object> clientConfig) {
        Map<String, Object> config = ClientConfigs.consumer(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "clusternews-dlq-count");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    synchronized long get() {
        long now = System.currentTimeMillis();
        if (now - lastRead >= CACHE_MILLIS) {
            try {
                String topic = TopicSpec.DEAD_LETTERS.topicName();
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                lastValue = consumer.endOffsets(partitions, Duration.ofSeconds(2)).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                lastRead = now;
            } catch (RuntimeException e) {
                // keep the last known value; the scrape must not fail because the broker is slow for a moment
            }
        }
        return lastValue;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
