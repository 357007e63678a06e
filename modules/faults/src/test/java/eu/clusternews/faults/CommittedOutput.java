package eu.clusternews.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the pipeline has committed, the way its users do: {@code isolation.level=read_committed}, from given
 * offsets (or the beginning) up to the last stable offset at the time of reading.
 */
final class CommittedOutput {

    private final Map<String, Object> clientConfig;
    private final ClusterNewsTopics topics;

    CommittedOutput(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
        this.topics = ClusterNewsTopics.from(clientConfig);
    }

    /** Offsets a read_committed reader reaches now (the last stable offsets) on every partition of the topic. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return new HashMap<>(consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    /** The end offsets of the three activity topics and cluster-news-enriched: where a later run's output begins. */
    Map<TopicPartition, Long> outputEndOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Topic<?, ?> topic : List.of(
                topics.enriched(),
                topics.clusterActivity(),
                topics.consortiumActivity(),
                topics.programmeActivity(),
                topics.events())) {
            offsets.putAll(endOffsets(topic.name()));
        }
        return offsets;
    }

    /** The latest committed activity per key on the three activity topics, read from {@code from} (absent: the beginning). */
    Aggregates aggregates(Map<TopicPartition, Long> from) {
        long[] updates = new long[1];
        Map<String, eu.clusternews.avro.ClusterActivity> clusters = new TreeMap<>();
        Map<String, eu.clusternews.avro.ConsortiumActivity> consortia = new TreeMap<>();
        Map<String, eu.clusternews.avro.ProgrammeActivity> programmes = new TreeMap<>();
        scan(topics.clusterActivity(), from, (k, v) -> {
            clusters.put(k, v);
            updates[0]++;
        });
        scan(topics.consortiumActivity(), from, (k, v) -> {
            consortia.put(k, v);
            updates[0]++;
        });
        scan(topics.programmeActivity(), from, (k, v) -> {
            programmes.put(k, v);
            updates[0]++;
        });
        Map<String, eu.clusternews.avro.ClusterEvent> events = new TreeMap<>();
        scan(topics.events(), from, (k, v) -> {
            if (v == null) {
                events.remove(k); // an event merged into another
            } else {
                events.put(k, v);
            }
        });
        return new Aggregates(clusters, consortia, programmes, events, updates[0]);
    }

    /** How many times each news id occurs in committed cluster-news-enriched, from {@code from}. */
    Map<String, Integer> enrichedIdCounts(Map<TopicPartition, Long> from) {
        Map<String, Integer> counts = new HashMap<>();
        scan(
                topics.enriched().name(),
                from,
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                (k, v) -> counts.merge(k, 1, Integer::sum));
        return counts;
    }

    private <V> void scan(Topic<String, V> topic, Map<TopicPartition, Long> from, BiConsumer<String, V> each) {
        scan(topic.name(), from, new StringDeserializer(), topic.valueDeserializer(), each);
    }

    /** Every committed record of the topic from {@code from} up to the last stable offset as it is now. */
    <K, V> void scan(
            String topic,
            Map<TopicPartition, Long> from,
            Deserializer<K> keys,
            Deserializer<V> values,
            BiConsumer<K, V> each) {
        try (KafkaConsumer<K, V> consumer = consumer(keys, values)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                Long start = from.get(partition);
                if (start == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, start);
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + end + " within 2 minutes");
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record.key(), record.value());
                    }
                }
            }
        }
    }

    private <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, keys, values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }
}
