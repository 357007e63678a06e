package eu.clusternews.serve.streams;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/** The parts of Kafka Streams' metadata that routing needs; an interface so routing is testable without a broker. */
public interface StreamsMetadataSource {

    /**
     * The partitions of a store: how many there are, and which instance holds each as an active task.
     *
     * @param partitionCount the partitions of the store's source topic, one task each
     * @param activeByHost   the active partitions of the store per instance ({@code application.server})
     */
    record StoreLayout(int partitionCount, Map<HostInfo, Set<Integer>> activeByHost) {}

    KafkaStreams.State state();

    /** Metadata of the partition that holds {@code key}; may be null or {@link KeyQueryMetadata#NOT_AVAILABLE}. */
    KeyQueryMetadata queryMetadataForKey(String store, String key);

    /** The store's partitions and who holds them; null while not known (starting, rebalancing, unknown store). */
    StoreLayout layout(String store);

    /** Reads the metadata of a running {@link KafkaStreams}; keys are strings (reference ids, news ids). */
    static StreamsMetadataSource of(KafkaStreams streams) {
        org.apache.kafka.common.serialization.Serializer<String> keys =
                new org.apache.kafka.common.serialization.StringSerializer();
        return new StreamsMetadataSource() {
            @Override
            public KafkaStreams.State state() {
                return streams.state();
            }

            @Override
            public KeyQueryMetadata queryMetadataForKey(String store, String key) {
                return streams.queryMetadataForKey(store, key, keys);
            }

            @Override
            public StoreLayout layout(String store) {
                // Kafka Streams hands a partitioner the store's source topic and its partition count: the one public
                // way to learn how many partitions a store has without asking the broker
                AtomicReference<String> topic = new AtomicReference<>();
                AtomicInteger count = new AtomicInteger();
                StreamPartitioner<String, Object> probe = (sourceTopic, key, value, partitions) -> {
                    topic.set(sourceTopic);
                    count.set(partitions);
                    return Optional.of(Set.of(0));
                };
                KeyQueryMetadata any = streams.queryMetadataForKey(store, "", probe);
                if (any == null || any == KeyQueryMetadata.NOT_AVAILABLE || topic.get() == null || count.get() <= 0) {
                    return null;
                }
                Map<HostInfo, Set<Integer>> active = new HashMap<>();
                for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
                    Set<Integer> partitions = new HashSet<>();
                    for (TopicPartition tp : instance.topicPartitions()) {
                        if (tp.topic().equals(topic.get())) {
                            partitions.add(tp.partition());
                        }
                    }
                    active.merge(instance.hostInfo(), partitions, (a, b) -> {
                        Set<Integer> both = new HashSet<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
                return new StoreLayout(count.get(), active);
            }
        };
    }
}
