package eu.clusternews.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions from start offsets to end offsets (exclusive) captured by the caller, with a group-less consumer
 * of {@link HistoryClients}: the bounded read of tail, replay and reprocess, or with no end for {@code tail
 * --follow}.
 *
 * <p>A partition is done when the consumer's position reaches its end, not when a record at the end's offset
 * arrives: under exactly-once the last offsets of a partition may be transaction markers, which are never returned
 * as records. Done partitions are paused so a poll returns at once when the others have nothing left; records
 * written after the end was captured are never handed out.
 */
public final class OffsetRangeReader {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> end;
    private final List<TopicPartition> partitions;
    private final Set<TopicPartition> reading;
    private final long total;

    private OffsetRangeReader(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        this.consumer = consumer;
        this.end = end == null ? null : Map.copyOf(end);
        this.partitions = List.copyOf(start.keySet());
        this.reading = new HashSet<>(partitions);
        consumer.assign(partitions);
        start.forEach(consumer::seek);
        long records = 0;
        if (end != null) {
            for (TopicPartition tp : partitions) {
                records += Math.max(0, end.get(tp) - start.get(tp));
            }
            reading.removeIf(tp -> start.get(tp) >= end.get(tp));
            pauseDone();
        }
        this.total = end == null ? -1 : records;
    }

    /** Reads these partitions (the keys of {@code start}) from {@code start} up to {@code end}. */
    public static OffsetRangeReader bounded(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return new OffsetRangeReader(consumer, start, end);
    }

    /** Reads these partitions from {@code start} on, with no end. */
    public static OffsetRangeReader following(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> start) {
        return new OffsetRangeReader(consumer, start, null);
    }

    /** Whether any partition has offsets left before its end (always true without an end). */
    public boolean hasMore() {
        return end == null || !reading.isEmpty();
    }

    /** The offsets between the start and the end of every partition: the records at most to read; -1 without end. */
    public long total() {
        return total;
    }

    /** The records of one poll that lie before their partition's end; may be empty. */
    public List<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            if (end == null || record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                records.add(record);
            }
        }
        if (end != null) {
            reading.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            pauseDone();
        }
        return records;
    }

    /** Hands every record left to the handler, in offset order per partition, and returns at the end. */
    public void forEachRemaining(Duration pollTimeout, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        if (end == null) {
            throw new IllegalStateException("a read without end never finishes");
        }
        while (hasMore()) {
            poll(pollTimeout).forEach(handler);
        }
    }

    private void pauseDone() {
        consumer.pause(partitions.stream().filter(tp -> !reading.contains(tp)).toList());
    }
}
