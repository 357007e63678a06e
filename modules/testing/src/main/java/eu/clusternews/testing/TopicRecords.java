package eu.clusternews.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a topic of a real broker from its beginning to its end as of now, read_committed, without a consumer group. */
public final class TopicRecords {

    /** How long reading to the end may take before the test fails: a broker that stalls, not a slow one. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicRecords() {}

    /**
     * Every committed record of the topic up to the end offsets it has when this is called, read with these client
     * settings (bootstrap.servers, security); fails when the end is not reached within {@link #TIMEOUT}.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            Map<String, ?> clientConfig, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends + " within "
                            + TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Only the bootstrap servers of a plain broker. */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        return readCommitted(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, keys, values);
    }

    /** The topic as compaction leaves it: the last value per key in offset order, tombstoned keys gone. */
    public static <K, V> Map<K, V> latest(List<ConsumerRecord<K, V>> records) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }
}
