package eu.clusternews.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning to its end as of now, read_committed, without a consumer group. */
final class TopicReader {

    private TopicReader() {}

    static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            Map<String, Object> clientConfig, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends + " within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The latest value per cluster in cluster-activity, read with these client settings (bootstrap.servers,
     * security, schema.registry.url).
     */
    static Map<String, ClusterActivity> latestClusterActivity(Map<String, Object> clientConfig) {
        Topic<String, ClusterActivity> topic =
                ClusterNewsTopics.from(clientConfig).clusterActivity();
        Map<String, ClusterActivity> latest = new LinkedHashMap<>();
        readCommitted(clientConfig, topic.name(), new StringDeserializer(), topic.valueDeserializer())
                .forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }
}
