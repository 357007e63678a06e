package eu.clusternews.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.registry.SchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The latest value of every key of a (compacted) topic within an offset range, read {@code read_committed}: what a
 * table built from that part of the topic holds. Values are decoded to {@link ReadableJson} so two snapshots compare
 * by content whatever schema id wrote them; a key whose latest record is a tombstone is absent.
 */
public final class KeyedSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final SortedMap<String, JsonNode> values;

    private KeyedSnapshot(String topic, SortedMap<String, JsonNode> values) {
        this.topic = topic;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** Reads each partition from {@code start} (inclusive) to {@code end} (exclusive). */
    static KeyedSnapshot read(
            Map<String, ?> clientConfig,
            SchemaRegistryClient registry,
            String topic,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
        SortedMap<String, JsonNode> values = new TreeMap<>();
        RecordRenderer renderer = new RecordRenderer(topic, registry);
        try (KafkaConsumer<byte[], byte[]> consumer = HistoryConsumers.create(clientConfig, "clusternews-snapshot")) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            Set<TopicPartition> reading = new HashSet<>(partitions);
            reading.removeIf(tp -> start.get(tp) >= end.get(tp));
            consumer.pause(
                    partitions.stream().filter(tp -> !reading.contains(tp)).toList());
            while (!reading.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))
                            || record.key() == null) {
                        continue;
                    }
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        values.remove(key);
                    } else {
                        values.put(key, renderer.value(record));
                    }
                }
                reading.removeIf(tp -> consumer.position(tp) >= end.get(tp));
                consumer.pause(
                        partitions.stream().filter(tp -> !reading.contains(tp)).toList());
            }
        }
        return new KeyedSnapshot(topic, values);
    }

    /** An empty snapshot. */
    static KeyedSnapshot empty(String topic) {
        return new KeyedSnapshot(topic, new TreeMap<>());
    }

    public String topic() {
        return topic;
    }

    /** Key → latest value, sorted by key. */
    public SortedMap<String, JsonNode> values() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
