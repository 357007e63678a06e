package eu.clusternews.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every aggregate from the full news history (DESIGN.md §6), and reports what changed.
 *
 * <ol>
 *   <li>Refuses while instances of the application run ({@link PipelineRunningException}).</li>
 *   <li>Snapshots the compacted outputs (cluster-activity, consortium-activity, programme-activity) up to their
 *       current end offsets.</li>
 *   <li>Resets the application: committed offsets of its input topics to the earliest, committed offsets of its
 *       internal topics forgotten and the internal topics ({@code <application.id>-*-repartition},
 *       {@code -changelog}) deleted, the local state directory deleted.</li>
 *   <li>Runs the pipeline until it has consumed its input up to the end offsets captured before it started, and
 *       drained its repartition topics.</li>
 *   <li>Reads what the run wrote to each output topic and writes tombstones, in one transaction, for keys that
 *       existed before but were not rebuilt (an entity that disappeared, e.g. news re-keyed or reference data
 *       removed), so the compacted topic holds exactly the rebuilt table.</li>
 * </ol>
 *
 * <p>Why tombstones rather than deleting and recreating the output topics: the topics keep their configuration
 * and their consumers (the HTTP API, dashboards, other subscribers) keep their offsets and keep reading; a deleted
 * topic would break them mid-read, and its asynchronous deletion races its recreation. The price: during the run,
 * readers of the outputs see intermediate values as the aggregates are rebuilt, then the final ones.
 *
 * <p>cluster-news-enriched and cluster-news-dlq receive every record again (they are event topics; their
 * consumers key on the news id).
 */
public final class Reprocess {

    /** The compacted aggregate topics that are rewritten and compared. */
    public static final List<String> OUTPUT_TOPICS = List.of(
            TopicSpec.CLUSTER_ACTIVITY.topicName(),
            TopicSpec.CONSORTIUM_ACTIVITY.topicName(),
            TopicSpec.PROGRAMME_ACTIVITY.topicName());

    private static final Logger LOG = LoggerFactory.getLogger(Reprocess.class);

    private final Map<String, Object> clientConfig;
    private final PipelineDefinition pipeline;
    private final List<String> outputTopics;
    private final Duration timeout;

    /**
     * @param clientConfig client settings and {@code schema.registry.url}
     * @param pipeline     the application to reset and run
     * @param timeout      how long the run may take before reprocess gives up
     */
    public Reprocess(Map<String, ?> clientConfig, PipelineDefinition pipeline, Duration timeout) {
        this(clientConfig, pipeline, OUTPUT_TOPICS, timeout);
    }

    Reprocess(Map<String, ?> clientConfig, PipelineDefinition pipeline, List<String> outputTopics, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.pipeline = pipeline;
        this.outputTopics = List.copyOf(outputTopics);
        this.timeout = timeout;
    }

    /**
     * Finds what a reprocess would do, touching nothing.
     *
     * @throws PipelineRunningException while instances of the application run
     */
    public ReprocessPlan plan() {
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig)) {
            return plan(admin);
        }
    }

    private ReprocessPlan plan(HistoryAdmin admin) {
        String applicationId = pipeline.applicationId();
        ApplicationGroup group = new ApplicationGroup(admin.admin(), applicationId, admin.bootstrapServers());
        List<String> members = group.activeMembers();
        if (!members.isEmpty()) {
            throw new PipelineRunningException(applicationId, members);
        }
        boolean groupExists = group.type().isPresent();
        List<TopicPartition> inputs = admin.partitions(pipeline.inputTopics());
        Map<TopicPartition, Long> committed = group.committedOffsets();
        Map<TopicPartition, Long> earliest = admin.earliest(inputs);
        Map<TopicPartition, long[]> inputOffsets = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        inputs.forEach(tp -> inputOffsets.put(tp, new long[] {committed.getOrDefault(tp, -1L), earliest.get(tp)}));
        Map<String, Integer> outputKeys = new LinkedHashMap<>();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig)) {
            for (String topic : outputTopics) {
                outputKeys.put(
                        topic,
                        snapshotToEnd(admin, registry, topic).snapshot().keys().size());
            }
        }
        return new ReprocessPlan(
                applicationId,
                groupExists,
                inputOffsets,
                internalTopics(admin, applicationId),
                pipeline.localStateDir(),
                outputKeys);
    }

    /**
     * Resets the application, runs it over the whole input, rewrites the outputs and reports what changed.
     *
     * @param log receives a line per step, for people watching
     * @throws PipelineRunningException while instances of the application run
     */
    public ReprocessReport run(Consumer<String> log) {
        long started = System.nanoTime();
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig);
                SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig)) {
            ReprocessPlan plan = plan(admin);
            Map<String, Positioned> before = new LinkedHashMap<>();
            for (String topic : outputTopics) {
                before.put(topic, snapshotToEnd(admin, registry, topic));
            }
            reset(admin, plan, log);
            Map<TopicPartition, Long> inputEnd =
                    admin.committedEnd(plan.inputOffsets().keySet());
            log.accept("Running " + plan.applicationId() + " over "
                    + inputEnd.entrySet().stream()
                            .mapToLong(e -> e.getValue() - plan.inputOffsets().get(e.getKey())[1])
                            .sum()
                    + " input records...");
            try (PipelineDefinition.RunningPipeline running = pipeline.startClean()) {
                new ApplicationDrain(clientConfig, admin, plan.applicationId())
                        .await(inputEnd, running::failure, timeout);
            }
            List<SnapshotDiff> diffs = new ArrayList<>();
            long tombstones = 0;
            for (String topic : outputTopics) {
                Positioned old = before.get(topic);
                Map<TopicPartition, Long> end = admin.committedEnd(old.end().keySet());
                KeyedSnapshot rebuilt = KeyedSnapshot.read(clientConfig, registry, topic, old.end(), end);
                Set<String> gone = new TreeSet<>(old.snapshot().keys());
                gone.removeAll(rebuilt.keys());
                tombstones += writeTombstones(topic, gone);
                diffs.add(SnapshotDiff.between(old.snapshot(), rebuilt));
            }
            ReprocessReport report =
                    new ReprocessReport(plan, diffs, tombstones, Duration.ofNanos(System.nanoTime() - started));
            LOG.info(
                    "Reprocess of {} done: {}",
                    plan.applicationId(),
                    diffs.stream().map(SnapshotDiff::describe).collect(Collectors.joining("; ")));
            return report;
        }
    }

    /** The internal topics of the application: {@code <application.id>-...-repartition} and {@code -changelog}. */
    static Set<String> internalTopics(HistoryAdmin admin, String applicationId) {
        return admin.topics().stream()
                .filter(t ->
                        t.startsWith(applicationId + "-") && (t.endsWith("-repartition") || t.endsWith("-changelog")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void reset(HistoryAdmin admin, ReprocessPlan plan, Consumer<String> log) {
        ApplicationGroup group = new ApplicationGroup(admin.admin(), plan.applicationId(), admin.bootstrapServers());
        if (plan.groupExists()) {
            Map<TopicPartition, Long> earliest = new HashMap<>();
            plan.inputOffsets().forEach((tp, offsets) -> earliest.put(tp, offsets[1]));
            group.commit(earliest);
            Set<TopicPartition> internal = new HashSet<>();
            group.committedOffsets().keySet().stream()
                    .filter(tp -> plan.internalTopics().contains(tp.topic()))
                    .forEach(internal::add);
            group.forget(internal);
            log.accept("Input offsets of " + plan.applicationId() + " reset to the earliest.");
        }
        admin.deleteTopics(plan.internalTopics());
        log.accept("Deleted " + plan.internalTopics().size() + " internal topics.");
        log.accept("Local state " + plan.localStateDir().toAbsolutePath() + " is deleted as the pipeline starts.");
    }

    private long writeTombstones(String topic, Set<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "clusternews-reprocess-" + topic + "-" + UUID.randomUUID());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String key : keys) {
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), null));
            }
            producer.commitTransaction();
        }
        LOG.info("Wrote {} tombstones to {} for keys the rebuild no longer produces: {}", keys.size(), topic, keys);
        return keys.size();
    }

    /** A snapshot of a topic from its beginning to the end offsets captured first, with those offsets. */
    private record Positioned(KeyedSnapshot snapshot, Map<TopicPartition, Long> end) {}

    private Positioned snapshotToEnd(HistoryAdmin admin, SchemaRegistryClient registry, String topic) {
        List<TopicPartition> partitions = admin.partitions(List.of(topic));
        Map<TopicPartition, Long> end = admin.committedEnd(partitions);
        Map<TopicPartition, Long> start = admin.earliest(partitions);
        return new Positioned(KeyedSnapshot.read(clientConfig, registry, topic, start, end), end);
    }
}
