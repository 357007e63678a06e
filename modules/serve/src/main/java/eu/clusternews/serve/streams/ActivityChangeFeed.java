package eu.clusternews.serve.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import eu.clusternews.serve.query.ActivityChange;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live activity changes for this instance's listeners, read from the compacted activity topics.
 * Every instance reads every partition (no consumer group), from the end, with
 * {@code read_committed}: each instance's SSE clients see every change, and only committed ones.
 */
public final class ActivityChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityChangeFeed.class);

    /** One topic to follow and how to turn its values into changes. */
    public record FeedTopic<V>(String topic, Deserializer<V> deserializer, Function<V, ActivityChange> toChange) {
        public static <V> FeedTopic<V> of(
                String topic, Deserializer<V> deserializer, Function<V, ActivityChange> toChange) {
            return new FeedTopic<>(topic, deserializer, toChange);
        }

        ActivityChange change(ConsumerRecord<byte[], byte[]> record) {
            V value = deserializer.deserialize(record.topic(), record.headers(), record.value());
            return value == null ? null : toChange.apply(value);
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, FeedTopic<?>> topics = new HashMap<>();
    private final List<Consumer<ActivityChange>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts following the topics.
     *
     * @param consumerConfig at least {@code bootstrap.servers}; group, offsets and isolation are set here
     */
    public ActivityChangeFeed(Map<String, Object> consumerConfig, List<FeedTopic<?>> feedTopics) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "clusternews-serve-activity-feed");
        feedTopics.forEach(t -> topics.put(t.topic(), t));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "clusternews-activity-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Adds a listener; close the handle to remove it. */
    public AutoCloseable subscribe(Consumer<ActivityChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.keySet()) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the activity feed stopped: live updates end until restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void publish(ConsumerRecord<byte[], byte[]> record) {
        ActivityChange change;
        try {
            change = record.value() == null ? null : topics.get(record.topic()).change(record);
        } catch (RuntimeException e) {
            log.warn(
                    "skipping undecodable activity record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
            return;
        }
        if (change == null) {
            return;
        }
        for (Consumer<ActivityChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("an activity listener failed", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
