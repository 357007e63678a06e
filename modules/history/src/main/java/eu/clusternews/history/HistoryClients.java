package eu.clusternews.history;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.clusternews.topics.ClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The clients of tail, replay and reprocess, configured from the same client settings (security settings included).
 * Consumers are {@code read_committed}, raw bytes, and in no group at all (partitions are assigned and sought by
 * hand), so reading history never moves anyone's committed offsets or joins a rebalance; producers are
 * transactional, so {@code read_committed} readers see whole batches only.
 */
public final class HistoryClients {

    private HistoryClients() {}

    /** A group-less read_committed byte consumer configured from the client settings (security settings included). */
    public static KafkaConsumer<byte[], byte[]> consumer(Map<String, ?> clientConfig, String clientIdPrefix) {
        Map<String, Object> config = ClientConfigs.consumer(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientIdPrefix + "-" + ProcessHandle.current().pid());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /**
     * A transactional byte producer ({@code initTransactions} done) configured from the client settings; the same
     * {@code transactionalId} in a later run fences this one and aborts its open transaction.
     */
    public static KafkaProducer<byte[], byte[]> transactionalProducer(
            Map<String, ?> clientConfig, String transactionalId) {
        Map<String, Object> config = ClientConfigs.producer(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
        return producer;
    }

    /**
     * Every partition of the topic, in partition order.
     *
     * @throws IllegalArgumentException naming the topic and the cluster when it does not exist
     */
    public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Object bootstrapServers) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist on " + bootstrapServers
                    + " (was `clusternews setup` or `clusternews up` run against it?)");
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    /** Where each partition starts for this position; a time after the last record gives the end offset. */
    public static Map<TopicPartition, Long> startOffsets(
            KafkaConsumer<?, ?> consumer,
            Collection<TopicPartition> partitions,
            StartPosition start,
            Map<TopicPartition, Long> endOffsets) {
        Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        if (start instanceof StartPosition.Beginning) {
            offsets.putAll(consumer.beginningOffsets(partitions));
        } else if (start instanceof StartPosition.End) {
            offsets.putAll(endOffsets);
        } else if (start instanceof StartPosition.Offset at) {
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                offsets.put(tp, Math.min(Math.max(at.offset(), beginning.get(tp)), endOffsets.get(tp)));
            }
        } else if (start instanceof StartPosition.At at) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, at.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp hit = found.get(tp);
                offsets.put(tp, hit == null ? endOffsets.get(tp) : hit.offset());
            }
        }
        return offsets;
    }

    /** The end offsets now: with read_committed, the last stable offset of each partition. */
    public static Map<TopicPartition, Long> endOffsets(
            KafkaConsumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        offsets.putAll(consumer.endOffsets(partitions));
        return offsets;
    }
}
