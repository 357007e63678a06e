package eu.clusternews.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import eu.clusternews.pipeline.commit.CaughtUpCommits;
import eu.clusternews.pipeline.commit.LagAwareClientSupplier;
import eu.clusternews.pipeline.state.StoreRocksDBSettings;
import eu.clusternews.registry.SchemaRegistryConfig;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline's configuration, in Kafka's own property spelling ({@code bootstrap.servers},
 * {@code processing.guarantee}, {@code schema.registry.url}, ...): {@link #defaults()} under the given properties.
 * The application resolves its layers (a properties file, {@code KAFKA_*}/{@code CLUSTERNEWS_*} environment
 * variables, flags) once, in the app's {@code Settings}, and hands the result to {@link #of}.
 * The one map serves Kafka Streams and the serdes: each takes the keys it knows.
 */
public final class PipelineConfig {

    public static final String DEFAULT_APPLICATION_ID = "clusternews-pipeline";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    /** The properties given, over {@link #defaults()}: {@link #forRebuild} changes only what was not given. */
    private final Map<String, String> given;

    private final Map<String, String> properties;

    private static final String STREAMS_GROUP_PROTOCOL = "streams";

    private PipelineConfig(Map<String, String> given) {
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        Map<String, String> merged = new TreeMap<>(defaults());
        merged.keySet().removeIf(key -> givenForMoreClients(key, given));
        merged.putAll(given);
        if (!lagVisible(merged) && !given.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
            // no caught-up commits without the lag: commit at their interval all the time, as Streams would
            merged.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(CaughtUpCommits.DEFAULT_INTERVAL_MS));
        }
        this.properties = Collections.unmodifiableMap(merged);
    }

    /**
     * Whether a default for one kind of client ({@code producer.linger.ms}, {@code main.consumer.receive.buffer.bytes})
     * is given for more of them ({@code linger.ms}; {@code receive.buffer.bytes} or
     * {@code consumer.receive.buffer.bytes}). Kafka Streams lets the prefixed setting win, so the default would silently
     * override what a user wrote in a properties file: it gives way instead.
     */
    private static boolean givenForMoreClients(String key, Map<String, String> given) {
        if (key.startsWith(StreamsConfig.MAIN_CONSUMER_PREFIX)) {
            String setting = key.substring(StreamsConfig.MAIN_CONSUMER_PREFIX.length());
            return given.containsKey(setting) || given.containsKey(StreamsConfig.consumerPrefix(setting));
        }
        if (key.startsWith(StreamsConfig.PRODUCER_PREFIX)) {
            return given.containsKey(key.substring(StreamsConfig.PRODUCER_PREFIX.length()));
        }
        return false;
    }

    /**
     * Whether the stream threads can see their lag ({@link CaughtUpCommits}): not when another client supplier is
     * configured, nor under the streams group protocol, where Streams makes the main consumer itself.
     */
    private static boolean lagVisible(Map<String, String> properties) {
        return LagAwareClientSupplier.class
                        .getName()
                        .equals(properties.get(StreamsConfig.DEFAULT_CLIENT_SUPPLIER_CONFIG))
                && !STREAMS_GROUP_PROTOCOL.equalsIgnoreCase(properties.get(StreamsConfig.GROUP_PROTOCOL_CONFIG));
    }

    /** What the main consumer fetches per partition at most, unless configured (Kafka's default: 1 MB). */
    static final int MAIN_CONSUMER_PARTITION_FETCH_BYTES = 4 * 1024 * 1024;

    /** The defaults: exactly-once v2, local broker and registry, explicit naming enforced, bad input dead-lettered. */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        defaults.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        defaults.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // a registry outage: wait about 90 s (1, 2, 4, 8, 16, 20, 20, 20 s) before the task fails, well within
        // max.poll.interval.ms, so that a short outage costs a pause rather than a thread replacement
        defaults.put(SchemaRegistryConfig.MAX_RETRIES, "8");
        // each commit flushes the producer and waits for the brokers: fewer, compressed requests (news are text)
        // cut the bench's 20 000-news run from 49 to 27 s (BENCHMARKS.md)
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), String.valueOf(256 * 1024));
        // send during the commit interval rather than all at the commit (Streams' own default is 100 ms), but not
        // every few ms: each send closes a batch on every partition written since the last, and each LZ4 batch
        // allocates 128 KB of buffers. 50 against 10: 13-15 % less CPU per news in alternating bench runs, for a
        // longer flush at each of a caught-up pipeline's 50 ms commits (p99 at 1 000 news/s 225-235 ms against
        // 199-224; BENCHMARKS.md, session 34)
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "50");
        // a commit 50 ms after the last one may find the broker still writing that one's markers: it answers
        // CONCURRENT_TRANSACTIONS and the producer retries the transaction's request after retry.backoff.ms. At the
        // default 100 ms the slowest news waited ~110 ms in the commit for it; at 10 ms, 15-20 ms (BENCHMARKS.md).
        // 20 ms is what the producer itself waits before retrying a transaction's first partitions for this reason;
        // a produce request's retries back off exponentially from it up to retry.backoff.max.ms
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), "20");
        // the stream thread polls only once it has processed every record it holds, and then waits for the fetch
        // response, which at Kafka's 64 KB socket buffer crosses the socket only while it sits in the poll (up to
        // 1 MB per partition of ~3 KB news). The OS sizes the buffer, and a fetch brings 4 MB per partition: the usual
        // settings for a consumer of large records. The runs with them were the faster ones, but the waits they were
        // meant to shorten were read from blocked-time-ns-total, which counts other threads' network time too: how
        // much they help is not measured (BENCHMARKS.md, sessions 32 and 33)
        defaults.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.RECEIVE_BUFFER_CONFIG), "-1");
        defaults.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                String.valueOf(MAIN_CONSUMER_PARTITION_FETCH_BYTES));
        // a commit costs the same however few news it carries: while the pipeline works off a backlog it commits
        // every two seconds, and once its consumer has caught up every 50 ms (CaughtUpCommits), because a news reaches
        // its aggregates through two exactly-once commits in series (BENCHMARKS.md); a rebuild commits every 3 s
        defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, CATCH_UP_COMMIT_INTERVAL_MS);
        defaults.put(CaughtUpCommits.INTERVAL_CONFIG, String.valueOf(CaughtUpCommits.DEFAULT_INTERVAL_MS));
        defaults.put(CaughtUpCommits.MAX_LAG_CONFIG, String.valueOf(CaughtUpCommits.DEFAULT_MAX_LAG));
        // the core task reads four topics whose records are independent sums (no join, no window): it never waits
        // to know whether one of them has records before it processes the others'
        defaults.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, String.valueOf(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
        // bloom filters on every level of the store the dedupe looks every news id up in (StoreRocksDBSettings)
        defaults.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreRocksDBSettings.class.getName());
        // the clients Streams makes by default, the main consumers remembered so that a thread can see its lag
        defaults.put(StreamsConfig.DEFAULT_CLIENT_SUPPLIER_CONFIG, LagAwareClientSupplier.class.getName());
        defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicSpec.DEAD_LETTERS.topicName());
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        defaults.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        defaults.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        // what Kafka 5.0 will do anyway; the global stores have no processor of ours that could throw
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        return defaults;
    }

    /** The defaults with these properties set. */
    public static PipelineConfig of(Map<String, String> overrides) {
        return new PipelineConfig(overrides);
    }

    /** Every property, sorted by name. */
    public Map<String, String> asMap() {
        return properties;
    }

    /** The value of a property, or null. */
    public String get(String name) {
        return properties.get(name);
    }

    public String applicationId() {
        return properties.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    public String bootstrapServers() {
        return properties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public String schemaRegistryUrl() {
        return properties.get(SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
    }

    /** The properties for {@code KafkaStreams} and {@code StreamsConfig}. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The properties for the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        return new LinkedHashMap<>(properties);
    }

    /**
     * Commit interval while the pipeline is behind its input, unless configured; once it has caught up it commits every
     * {@value CaughtUpCommits#DEFAULT_INTERVAL_MS} ms ({@link CaughtUpCommits}), so dashboards see a news about 0.2 s
     * after it arrives. Two seconds rather than one: 5-10 % less stream-thread CPU per news in the bench's 100 000-news
     * pass (BENCHMARKS.md, session 38), for aggregates that a pipeline working off a backlog updates every 2 s.
     */
    public static final String CATCH_UP_COMMIT_INTERVAL_MS = "2000";

    /** Commit interval of a rebuild from offset 0, unless configured: nobody watches its latency. */
    public static final String REBUILD_COMMIT_INTERVAL_MS = "3000";

    /**
     * The configuration for rebuilding every aggregate from the history ({@code clusternews reprocess}): commits every
     * {@value #REBUILD_COMMIT_INTERVAL_MS} ms unless {@code commit.interval.ms} is configured (not merely the live
     * default), so that the write-back stores write each entity and event once per interval rather than at every live
     * commit: in a rebuild nearly every event changes within a second, and each written event (~5 KB) goes to its
     * changelog and to cluster-events. 200 000 news in the bench: 100 ms → 1 s commits 2 874 → 3 380 events per
     * stream-thread CPU-second; 1 s → 3 s 4 188 → 4 443 (BENCHMARKS.md). It stays well under Streams' exactly-once
     * {@code transaction.timeout.ms} (10 s).
     */
    public PipelineConfig forRebuild() {
        return given.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                ? this
                : with(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, REBUILD_COMMIT_INTERVAL_MS));
    }

    /** A copy with these properties set. */
    public PipelineConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(given);
        merged.putAll(overrides);
        return new PipelineConfig(merged);
    }

    /** One line per property, secrets masked: for the startup log. */
    @Override
    public String toString() {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + SchemaRegistryConfig.printable(e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
