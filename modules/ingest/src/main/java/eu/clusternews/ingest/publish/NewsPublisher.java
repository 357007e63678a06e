package eu.clusternews.ingest.publish;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes news events to cluster-news: keyed by news id (so the default partitioner keeps every copy of a news
 * item in one partition, where the pipeline dedupes it), with the publication date at 00:00 UTC as the record
 * timestamp (event time: replays carry the real dates) or the ingestion time when the document states no date
 * ({@link #timestampOf} for dates Kafka cannot take).
 * The producer is idempotent with acks=all, so a retry never writes a record twice.
 */
public final class NewsPublisher implements AutoCloseable {

    /** The earliest record timestamp Kafka takes: 1970-01-01T00:00:00Z. */
    public static final long EARLIEST_TIMESTAMP = 0L;

    private final Producer<String, NewsEvent> producer;
    private final String topic;

    public NewsPublisher(Map<String, Object> clientConfig, Topic<String, NewsEvent> topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "clusternews-ingest");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a broker that is not there should fail the run in seconds, not after the 2-minute default
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        this.producer = new KafkaProducer<>(config, topic.keySerializer(), topic.valueSerializer());
        this.topic = topic.name();
    }

    /**
     * The record timestamp of a news event: its publication date at 00:00 UTC, else when it was ingested. A date
     * after the ingestion (an embargoed release, a typo) is capped at the ingestion time, since brokers refuse
     * records from the future ({@code message.timestamp.after.max.ms}); a date before 1970 is raised to
     * 1970-01-01T00:00Z ({@link #EARLIEST_TIMESTAMP}), since Kafka has no negative record timestamps. Either way the
     * value keeps the stated date, which is what the pipeline counts.
     */
    public static long timestampOf(NewsEvent news) {
        long ingested = news.getIngestedAt().toEpochMilli();
        if (news.getPublishedAt() == null) {
            return ingested;
        }
        long published =
                news.getPublishedAt().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return Math.max(EARLIEST_TIMESTAMP, Math.min(published, ingested));
    }

    /** Sends asynchronously; the callback learns of success or failure. */
    public void publish(NewsEvent news, Callback callback) {
        producer.send(new ProducerRecord<>(topic, null, timestampOf(news), news.getId(), news), callback);
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
