package eu.clusternews.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.testing.TopicRecords;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning to its end as of now, read_committed, without a consumer group. */
final class TopicReader {

    private TopicReader() {}

    /** {@link TopicRecords#readCommitted(Map, String, Deserializer, Deserializer)}: these tests' client settings. */
    static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            Map<String, Object> clientConfig, String topic, Deserializer<K> keys, Deserializer<V> values) {
        return TopicRecords.readCommitted(clientConfig, topic, keys, values);
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
