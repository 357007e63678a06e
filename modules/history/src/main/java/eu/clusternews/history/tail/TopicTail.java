package eu.clusternews.history.tail;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.history.OffsetRangeReader;
import eu.clusternews.history.PointInTime;
import eu.clusternews.history.RecordRenderer;
import eu.clusternews.history.StartPosition;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Prints the records of a clusternews topic, decoded through the schema registry, like Confluent's Avro console
 * consumer: key and value (as {@link ReadableJson}), optionally topic, partition, offset, timestamp and headers.
 *
 * <p>Reads {@code read_committed} with no consumer group (assign and seek), so it never disturbs anyone's offsets.
 * Without {@link Options#follow()} it stops at the end offsets captured when it started; with it, it keeps polling
 * until {@link #stop()}.
 */
public final class TopicTail {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientConfig;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicReference<KafkaConsumer<byte[], byte[]>> running = new AtomicReference<>();

    /**
     * What to print.
     *
     * @param topic         any topic whose values are Confluent-format Avro, or the dead-letter topic (raw bytes)
     * @param start         where each partition starts
     * @param follow        keep polling for new records until stopped
     * @param format        one JSON object per line, or indented for people
     * @param key           only records with this key (null: all)
     * @param printMetadata add topic, partition, offset, timestamp and headers
     * @param partition     only this partition (null: all)
     * @param maxMessages   stop after printing this many records
     * @param idleTimeout   stop when no record has arrived for this long (null: no limit)
     */
    public record Options(
            String topic,
            StartPosition start,
            boolean follow,
            OutputFormat format,
            String key,
            boolean printMetadata,
            Integer partition,
            long maxMessages,
            Duration idleTimeout) {

        public Options {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(format, "format");
            if (maxMessages < 0) {
                throw new IllegalArgumentException("maxMessages must be 0 or more, was " + maxMessages);
            }
        }

        /** Every partition, no count or idle limit. */
        public Options(
                String topic,
                StartPosition start,
                boolean follow,
                OutputFormat format,
                String key,
                boolean printMetadata) {
            this(topic, start, follow, format, key, printMetadata, null, Long.MAX_VALUE, null);
        }
    }

    /**
     * @param clientConfig Kafka client settings in Kafka's spelling ({@code bootstrap.servers}, security settings)
     *                     and {@code schema.registry.url}
     */
    public TopicTail(Map<String, ?> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Prints the records and returns how many it printed; returns early after {@link #stop()}. */
    public long run(Options options, PrintWriter out) {
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig);
                KafkaConsumer<byte[], byte[]> consumer = HistoryClients.consumer(clientConfig, "clusternews-tail")) {
            running.set(consumer);
            if (stopRequested.get()) {
                return 0;
            }
            return print(consumer, new RecordRenderer(options.topic(), registry), options, out);
        } catch (WakeupException stopped) {
            return -1; // only thrown after stop(): nothing to report
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            running.set(null);
            out.flush();
        }
    }

    private long print(
            KafkaConsumer<byte[], byte[]> consumer, RecordRenderer renderer, Options options, PrintWriter out) {
        List<TopicPartition> partitions = HistoryClients.partitions(
                consumer, options.topic(), clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        if (options.partition() != null) {
            TopicPartition only = new TopicPartition(options.topic(), options.partition());
            if (!partitions.contains(only)) {
                throw new IllegalArgumentException("Topic '" + options.topic() + "' has partitions 0 to "
                        + (partitions.size() - 1) + ", not " + options.partition());
            }
            partitions = List.of(only);
        }
        Map<TopicPartition, Long> end = HistoryClients.endOffsets(consumer, partitions);
        Map<TopicPartition, Long> start = HistoryClients.startOffsets(consumer, partitions, options.start(), end);
        OffsetRangeReader reader = options.follow()
                ? OffsetRangeReader.following(consumer, start)
                : OffsetRangeReader.bounded(consumer, start, end);
        byte[] key = options.key() == null ? null : options.key().getBytes(StandardCharsets.UTF_8);
        long printed = 0;
        long lastArrival = System.nanoTime();
        while (!stopRequested.get() && reader.hasMore() && printed < options.maxMessages()) {
            var records = reader.poll(POLL);
            if (!records.isEmpty()) {
                lastArrival = System.nanoTime();
            } else if (options.idleTimeout() != null
                    && System.nanoTime() - lastArrival >= options.idleTimeout().toNanos()) {
                break; // nothing new for that long: done, like kafka-console-consumer --timeout-ms
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (printed >= options.maxMessages()) {
                    break;
                }
                if (key != null && !Arrays.equals(key, record.key())) {
                    continue;
                }
                print(renderer.render(record, options.printMetadata()), options.format(), out);
                printed++;
            }
            out.flush();
        }
        return printed;
    }

    private static void print(ObjectNode record, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            out.println(RecordRenderer.line(record));
            return;
        }
        StringBuilder header = new StringBuilder("--- ");
        if (record.has("partition")) {
            header.append(record.get("topic").asText())
                    .append('[')
                    .append(record.get("partition").asInt())
                    .append("]@")
                    .append(record.get("offset").asLong())
                    .append("  ")
                    .append(record.get("timestamp").asText())
                    .append("  ");
        }
        header.append("key ").append(RecordRenderer.line(record.get("key")));
        out.println(header);
        if (record.has("headers")) {
            out.println("headers " + RecordRenderer.line(record.get("headers")));
        }
        out.println(RecordRenderer.pretty(record.get("value")));
    }

    /** Stops a running {@link #run} (from another thread, e.g. a shutdown hook); it returns soon after. */
    public void stop() {
        stopRequested.set(true);
        KafkaConsumer<byte[], byte[]> consumer = running.get();
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** The instant a TIME argument stands for; see {@link PointInTime}. */
    public static StartPosition from(String time) {
        return StartPosition.at(PointInTime.parse(time));
    }
}
