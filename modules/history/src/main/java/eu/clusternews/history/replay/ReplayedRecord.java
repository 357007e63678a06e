package eu.clusternews.history.replay;

import java.util.Comparator;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record as read, raw bytes kept so a republished copy carries the same schema id, with where it came from.
 *
 * @param timestamp the record timestamp: for news, the publication time
 */
public record ReplayedRecord(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, Headers headers) {

    /** Publication order: by timestamp, ties by partition, then offset, so the order is the same on every run. */
    public static final Comparator<ReplayedRecord> PUBLICATION_ORDER = Comparator.comparingLong(
                    ReplayedRecord::timestamp)
            .thenComparingInt(ReplayedRecord::partition)
            .thenComparingLong(ReplayedRecord::offset);

    static ReplayedRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new ReplayedRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                record.value(),
                record.headers());
    }

    /** As the consumer would have delivered it, for renderers that take consumer records. */
    ConsumerRecord<byte[], byte[]> asConsumerRecord() {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                key == null ? -1 : key.length,
                value == null ? -1 : value.length,
                key,
                value,
                headers,
                Optional.empty());
    }

    @Override
    public String toString() {
        return topic + "[" + partition + "]@" + offset + " ts " + timestamp;
    }
}
