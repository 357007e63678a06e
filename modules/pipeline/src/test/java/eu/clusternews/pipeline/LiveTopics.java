package eu.clusternews.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** The topics of a real broker, as the integration tests write and read them. */
final class LiveTopics {

    private LiveTopics() {}

    /** Publishes the reference records to the reference topics, acknowledged by every replica. */
    static void publish(String bootstrapServers, ClusterNewsTopics topics, SeedReference reference) {
        publish(bootstrapServers, topics.organisations(), reference.organisations(), o -> o.getId());
        publish(bootstrapServers, topics.consortia(), reference.consortia(), c -> c.getId());
        publish(bootstrapServers, topics.programmes(), reference.programmes(), p -> p.getId());
    }

    private static <V> void publish(
            String bootstrapServers,
            Topic<String, V> topic,
            List<V> values,
            java.util.function.Function<V, String> key) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer =
                new KafkaProducer<>(config, topic.keySerializer(), topic.valueSerializer())) {
            values.forEach(v -> producer.send(new ProducerRecord<>(topic.name(), key.apply(v), v)));
        }
    }

    /** Every committed record of the topic, from the beginning to the end as of now. */
    static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
