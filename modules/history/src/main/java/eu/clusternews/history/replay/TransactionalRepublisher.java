package eu.clusternews.history.replay;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Republishes replayed records to a topic with a transactional producer: each copy keeps its key, timestamp
 * (publication time), headers and value bytes as they are, so the schema id in the value is preserved and the copy
 * decodes exactly like the original. The partition is chosen by key, as for the original.
 *
 * <p>Records are committed in transactions of at most {@value #DEFAULT_RECORDS_PER_TRANSACTION} records, so a long
 * replay never runs into the broker's transaction timeout; {@code read_committed} readers see whole batches only,
 * and a failed replay aborts its open batch.
 *
 * <p>Without a resume name each run has its own {@code transactional.id}. With one ({@code replay --resume NAME}),
 * the producer's {@code transactional.id} is {@code clusternews-replay-NAME} and each transaction also commits, to
 * the consumer group of that name, the source offset after the last record it copied (Kafka's consume-transform-
 * produce exactly-once: copies and progress commit together or not at all). A rerun with the same name fences a run
 * still alive, aborts what it left open, and starts each partition at the committed offset: it goes on after the
 * last committed batch, never copying a record twice.
 */
public final class TransactionalRepublisher implements ReplaySink {

    /** Records per transaction. */
    public static final int DEFAULT_RECORDS_PER_TRANSACTION = 5_000;

    private final String topic;
    private final String progressGroup;
    private final Map<String, ?> clientConfig;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int recordsPerTransaction;
    private final Map<TopicPartition, OffsetAndMetadata> copied = new HashMap<>();
    private boolean inTransaction;
    private int pending;
    private long committed;

    public TransactionalRepublisher(Map<String, ?> clientConfig, String topic) {
        this(clientConfig, topic, null, DEFAULT_RECORDS_PER_TRANSACTION);
    }

    /**
     * @param resumeName names the progress (group {@code clusternews-replay-NAME}) a rerun goes on from; null for a
     *                   run that cannot be resumed
     */
    public TransactionalRepublisher(
            Map<String, ?> clientConfig, String topic, String resumeName, int recordsPerTransaction) {
        this.topic = topic;
        this.clientConfig = clientConfig;
        this.recordsPerTransaction = recordsPerTransaction;
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig)) {
            admin.partitions(List.of(topic)); // a clear error now rather than a producer timeout later
        }
        this.progressGroup = resumeName == null ? null : "clusternews-replay-" + resumeName;
        String transactionalId =
                progressGroup != null ? progressGroup : "clusternews-replay-" + topic + "-" + UUID.randomUUID();
        this.producer = HistoryClients.transactionalProducer(clientConfig, transactionalId);
    }

    @Override
    public boolean keepsProgress() {
        return progressGroup != null;
    }

    @Override
    public Map<TopicPartition, Long> resumeFrom(Collection<TopicPartition> partitions) {
        if (progressGroup == null) {
            return Map.of();
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig)) {
            admin.get(
                            admin.admin()
                                    .listConsumerGroupOffsets(progressGroup)
                                    .partitionsToOffsetAndMetadata(),
                            "read the progress of " + progressGroup)
                    .forEach((tp, offset) -> {
                        if (offset != null && partitions.contains(tp)) {
                            next.put(tp, offset.offset());
                        }
                    });
        }
        return next;
    }

    @Override
    public void accept(ReplayedRecord record) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        producer.send(
                new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value(), record.headers()));
        copied.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        if (++pending >= recordsPerTransaction) {
            commit();
        }
    }

    @Override
    public void finish() {
        if (inTransaction) {
            commit();
        }
    }

    private void commit() {
        try {
            if (progressGroup != null) {
                producer.sendOffsetsToTransaction(copied, new ConsumerGroupMetadata(progressGroup));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new IllegalStateException(
                    "Cannot republish to topic '" + topic + "': the transaction of " + pending + " records failed ("
                            + e.getMessage() + "); " + committed + " records were committed before it"
                            + (progressGroup == null
                                    ? ""
                                    : ", and a rerun with the same --resume name goes on after them"),
                    e);
        }
        inTransaction = false;
        committed += pending;
        pending = 0;
    }

    @Override
    public long written() {
        return committed;
    }

    @Override
    public void close() {
        try {
            if (inTransaction) {
                producer.abortTransaction();
            }
        } catch (KafkaException e) {
            // the producer is failing already; closing it is all that is left
        } finally {
            producer.close();
        }
    }
}
