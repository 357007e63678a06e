package eu.clusternews.history.reprocess;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.history.OffsetRangeReader;
import eu.clusternews.history.RecordRenderer;
import eu.clusternews.registry.SchemaRegistryClient;
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

    /** The whole topic as a reader from its beginning to its end now sees it. */
    public static KeyedSnapshot readAll(Map<String, ?> clientConfig, SchemaRegistryClient registry, String topic) {
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig)) {
            List<TopicPartition> partitions = admin.partitions(List.of(topic));
            return read(clientConfig, registry, topic, admin.earliest(partitions), admin.committedEnd(partitions));
        }
    }

    /** Reads each partition from {@code start} (inclusive) to {@code end} (exclusive). */
    public static KeyedSnapshot read(
            Map<String, ?> clientConfig,
            SchemaRegistryClient registry,
            String topic,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
        SortedMap<String, JsonNode> values = new TreeMap<>();
        RecordRenderer renderer = new RecordRenderer(topic, registry);
        try (KafkaConsumer<byte[], byte[]> consumer = HistoryClients.consumer(clientConfig, "clusternews-snapshot")) {
            OffsetRangeReader.bounded(consumer, start, end).forEachRemaining(POLL, record -> {
                if (record.key() == null) {
                    return;
                }
                String key = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    values.remove(key);
                } else {
                    values.put(key, renderer.value(record));
                }
            });
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
