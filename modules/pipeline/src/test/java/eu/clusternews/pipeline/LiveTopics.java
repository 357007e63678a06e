package eu.clusternews.pipeline;

import java.util.List;
import java.util.Map;

import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

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
}
