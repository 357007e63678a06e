package eu.clusternews.history.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.history.OffsetRangeReader;
import eu.clusternews.history.Progress;
import eu.clusternews.history.StartPosition;
import eu.clusternews.registry.GenericAvroDeserializer;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news published in [from, until) on cluster-news or cluster-news-enriched, for subscribers who want history
 * again. Record timestamps are publication times, so the window is on publication time.
 *
 * <p>How it reads: each partition from {@code offsetsForTimes(from)} (every earlier offset holds an earlier record)
 * to the end offset captured at the start ({@code read_committed}, no consumer group). It does not stop a partition
 * at the first record at or after {@code until}: news arrive out of order (backfills years late), so a partition may
 * hold news of the window after a newer one; records outside the window are read and skipped. With
 * {@link Options#ordered()} the matched records are delivered in publication order across partitions
 * ({@link OrderedMerge}), otherwise partition by partition in offset order, as polled.
 */
public final class NewsReplay {

    private static final Logger LOG = LoggerFactory.getLogger(NewsReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientConfig;

    /**
     * What to replay.
     *
     * @param topic   cluster-news or cluster-news-enriched (or any topic holding NewsEvent or EnrichedNews values)
     * @param from    first publication time included
     * @param until   first publication time excluded; null for no bound
     * @param filter  which news to keep
     * @param ordered deliver in publication order across partitions instead of as read
     */
    public record Options(String topic, Instant from, Instant until, NewsFilter filter, boolean ordered) {

        public Options {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(from, "from");
            filter = filter == null ? NewsFilter.ALL : filter;
            if (until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("--until (" + until + ") must be after --from (" + from + ")");
            }
        }

        boolean inWindow(long timestamp) {
            return timestamp >= from.toEpochMilli() && (until == null || timestamp < until.toEpochMilli());
        }
    }

    /**
     * What a replay did.
     *
     * @param read        records read from the topic between the start offsets and the end offsets
     * @param matched     records in the window that passed the filter
     * @param written     records printed or committed to the target topic
     * @param undecodable records skipped because their value could not be decoded (filtering needs the value)
     */
    public record Summary(long read, long matched, long written, long undecodable, Duration elapsed) {

        /** One line for people, e.g. {@code 12000 records read, 340 matched, 340 written in 1.2 s}. */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "%d records read, %d matched, %d written%s in %.1f s",
                    read,
                    matched,
                    written,
                    undecodable > 0 ? ", " + undecodable + " undecodable skipped" : "",
                    elapsed.toMillis() / 1000.0);
        }
    }

    /** @param clientConfig Kafka client settings and {@code schema.registry.url} */
    public NewsReplay(Map<String, ?> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * Replays into the sink built from the registry client (so sinks that decode share its cache); the progress comes
     * from the total number of records to read.
     */
    public Summary run(
            Options options,
            Function<SchemaRegistryClient, ReplaySink> sinkFactory,
            Function<Long, Progress> progressFactory) {
        long started = System.nanoTime();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig);
                KafkaConsumer<byte[], byte[]> consumer = HistoryClients.consumer(clientConfig, "clusternews-replay");
                ReplaySink sink = sinkFactory.apply(registry)) {
            List<TopicPartition> partitions = HistoryClients.partitions(
                    consumer, options.topic(), clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
            Map<TopicPartition, Long> end = HistoryClients.endOffsets(consumer, partitions);
            Map<TopicPartition, Long> start = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
            start.putAll(HistoryClients.startOffsets(consumer, partitions, StartPosition.at(options.from()), end));
            // a resumed republish goes on after what its earlier runs committed
            sink.resumeFrom(partitions).forEach((tp, next) -> start.merge(tp, Math.min(next, end.get(tp)), Math::max));
            if (options.ordered() && sink.keepsProgress()) {
                throw new IllegalArgumentException("A resumable republish keeps its place per partition, which the"
                        + " publication order across partitions (--ordered) does not have: drop one of the two");
            }
            OffsetRangeReader reader = OffsetRangeReader.bounded(consumer, start, end);
            LOG.debug("Replaying {} from {} to {}: {} records to read", options.topic(), start, end, reader.total());
            Counts counts = new Counts();
            try (Progress progress = progressFactory.apply(reader.total())) {
                read(reader, options, registry, sink, counts, progress);
            }
            sink.finish();
            return new Summary(
                    counts.read,
                    counts.matched,
                    sink.written(),
                    counts.undecodable,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static final class Counts {
        long read;
        long matched;
        long undecodable;
    }

    private void read(
            OffsetRangeReader reader,
            Options options,
            SchemaRegistryClient registry,
            ReplaySink sink,
            Counts counts,
            Progress progress) {
        GenericAvroDeserializer values = new GenericAvroDeserializer(registry);
        values.configure(Map.of(), false);
        OrderedMerge merge = options.ordered() ? new OrderedMerge() : null;
        reader.forEachRemaining(POLL, record -> {
            counts.read++;
            progress.step();
            if (record.value() == null || !options.inWindow(record.timestamp())) {
                return; // tombstones are not news
            }
            if (!options.filter().matchesEverything()) {
                GenericRecord value;
                try {
                    value = values.deserialize(record.topic(), record.headers(), record.value());
                } catch (SerializationException e) {
                    counts.undecodable++;
                    LOG.warn(
                            "Skipping {}[{}]@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.getMessage());
                    return;
                }
                if (!options.filter().matches(value)) {
                    return;
                }
            }
            counts.matched++;
            if (merge != null) {
                merge.add(ReplayedRecord.of(record));
            } else {
                sink.accept(ReplayedRecord.of(record));
            }
        });
        if (merge != null) {
            merge.drain(sink::accept);
        }
    }
}
