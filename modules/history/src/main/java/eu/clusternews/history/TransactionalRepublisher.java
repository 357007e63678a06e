package eu.clusternews.history;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Republishes replayed records to a topic with a transactional producer: each copy keeps its key, timestamp
 * (publication time), headers and value bytes as they are, so the schema id in the value is preserved and the copy
 * decodes exactly like the original. The partition is chosen by key, as for the original.
 *
 * <p>Records are committed in transactions of at most {@value #DEFAULT_RECORDS_PER_TRANSACTION} records, so a long
 * replay never runs into the broker's transaction timeout; {@code read_committed} readers see whole batches only,
 * and a failed replay aborts its open batch. Each run has its own {@code transactional.id}.
 */
public final class TransactionalRepublisher implements ReplaySink {

    /** Records per transaction. */
    public static final int DEFAULT_RECORDS_PER_TRANSACTION = 5_000;

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int recordsPerTransaction;
    private boolean inTransaction;
    private int pending;
    private long committed;

    public TransactionalRepublisher(Map<String, ?> clientConfig, String topic) {
        this(clientConfig, topic, DEFAULT_RECORDS_PER_TRANSACTION);
    }

    public TransactionalRepublisher(Map<String, ?> clientConfig, String topic, int recordsPerTransaction) {
        this.topic = topic;
        this.recordsPerTransaction = recordsPerTransaction;
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig)) {
            admin.partitions(java.util.List.of(topic)); // a clear error now rather than a producer timeout later
        }
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "clusternews-replay-" + topic + "-" + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
        producer.initTransactions();
    }

    @Override
    public void accept(ReplayedRecord record) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        producer.send(
                new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value(), record.headers()));
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
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw new IllegalStateException(
                    "Cannot republish to topic '" + topic + "': the transaction of " + pending + " records failed ("
                            + e.getMessage() + "); " + committed + " records were committed before it",
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
