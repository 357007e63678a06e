package eu.clusternews.history.reprocess;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

import eu.clusternews.history.HistoryAdmin;
import eu.clusternews.history.HistoryClients;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every table the pipeline derives (DESIGN.md §6), and reports what changed.
 *
 * <p>The derived tables are the compacted topics of the catalogue ({@link TopicSpec}) that the pipeline writes:
 * cluster-activity, consortium-activity, programme-activity today, and any compacted topic added to the catalogue and
 * written by the topology later, without an edit here.
 *
 * <ol>
 *   <li>Refuses while instances of the application run ({@link PipelineRunningException}).</li>
 *   <li>Saves its progress in the cluster ({@link ReprocessProgress}): where each derived table ends now, which is
 *       where the rebuild begins writing.</li>
 *   <li>Resets the application: committed offsets of its input topics to the earliest, committed offsets of its
 *       internal topics forgotten and the internal topics ({@code <application.id>-*-repartition},
 *       {@code -changelog}) deleted, the local state directory deleted; then saves that the reset is done.</li>
 *   <li>Runs the pipeline until it has consumed its input up to its end offsets and drained its repartition
 *       topics.</li>
 *   <li>Reads what the rebuild wrote to each derived table and writes tombstones, in one transaction, for keys that
 *       existed before but were not rebuilt (an entity that disappeared, e.g. news re-keyed or reference data
 *       removed), so the compacted topic holds exactly the rebuilt table; then forgets its progress.</li>
 * </ol>
 *
 * <p>Interrupted (Ctrl-C, kill -9, a failed pipeline, the timeout), a reprocess leaves its progress behind, and the
 * next run finishes it: an unfinished reset is done again (each of its steps is idempotent); after a finished reset
 * the pipeline goes on from the offsets it committed (exactly-once: its output matches them); tombstones and the
 * report are decided against the tables as they were before the first run, not the half-rebuilt ones. Writing a
 * tombstone twice is harmless.
 *
 * <p>Why tombstones rather than deleting and recreating the output topics: the topics keep their configuration
 * and their consumers (the HTTP API, dashboards, other subscribers) keep their offsets and keep reading; a deleted
 * topic would break them mid-read, and its asynchronous deletion races its recreation. The price: during the run,
 * readers of the outputs see intermediate values as the aggregates are rebuilt, then the final ones.
 *
 * <p>The event topics the pipeline writes (cluster-news-enriched, cluster-news-dlq) receive every record again (their
 * consumers key on the news id).
 */
public final class Reprocess {

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
        this.clientConfig = Map.copyOf(clientConfig);
        this.pipeline = pipeline;
        this.outputTopics = derivedTables(pipeline.outputTopics());
        this.timeout = timeout;
    }

    /** The compacted, non-reference topics of the catalogue that a pipeline writing these topics derives. */
    public static List<String> derivedTables(Set<String> pipelineOutputs) {
        return Arrays.stream(TopicSpec.values())
                .filter(spec -> !spec.isReference()
                        && TopicConfig.CLEANUP_POLICY_COMPACT.equals(spec.cleanupPolicy())
                        && pipelineOutputs.contains(spec.topicName()))
                .map(TopicSpec::topicName)
                .toList();
    }

    /** The tables this reprocess rebuilds, rewrites and compares. */
    public List<String> outputTopics() {
        return outputTopics;
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
        ApplicationGroup group = new ApplicationGroup(admin, applicationId);
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
                        KeyedSnapshot.readAll(clientConfig, registry, topic)
                                .keys()
                                .size());
            }
        }
        return new ReprocessPlan(
                applicationId,
                groupExists,
                inputOffsets,
                internalTopics(admin, applicationId),
                pipeline.localStateDir(),
                outputKeys,
                ReprocessProgress.load(admin, applicationId)
                        .map(ReprocessPlan.Resumed::of)
                        .orElse(null));
    }

    /**
     * Resets the application, runs it over the whole input, rewrites the outputs and reports what changed; finishes
     * an interrupted reprocess of the same application instead when one left its progress.
     *
     * @param log receives a line per step, for people watching
     * @throws PipelineRunningException while instances of the application run
     */
    public ReprocessReport run(Consumer<String> log) {
        long started = System.nanoTime();
        try (HistoryAdmin admin = new HistoryAdmin(clientConfig);
                SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig)) {
            ReprocessPlan plan = plan(admin);
            String applicationId = plan.applicationId();
            ReprocessProgress progress = ReprocessProgress.load(admin, applicationId)
                    .orElseGet(() -> new ReprocessProgress(Map.of(), false, Instant.now()));
            if (plan.resumed() != null) {
                log.accept("Finishing the reprocess of " + applicationId + " interrupted after "
                        + plan.resumed().describe() + ".");
            }
            // a derived table new since the interrupted run (or every table on a first run) starts where it ends now
            Map<TopicPartition, Long> outputStart = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
            // settled: a stopped pipeline's last transaction counts as before the rebuild, not as part of it
            outputStart.putAll(admin.settledEnd(admin.partitions(outputTopics), timeout));
            outputStart.putAll(progress.outputStart());
            progress = new ReprocessProgress(outputStart, progress.resetDone(), progress.startedAt());
            progress.save(admin, applicationId);
            if (!progress.resetDone()) {
                reset(admin, plan, log);
                progress = progress.withResetDone();
                progress.save(admin, applicationId);
            } else {
                log.accept("The reset was done: the pipeline goes on from the offsets it committed.");
            }
            List<TopicPartition> inputs = List.copyOf(plan.inputOffsets().keySet());
            Map<TopicPartition, Long> inputEnd = admin.committedEnd(inputs);
            log.accept("Running " + applicationId + " over "
                    + inputEnd.entrySet().stream()
                            .mapToLong(e -> e.getValue() - plan.inputOffsets().get(e.getKey())[1])
                            .sum()
                    + " input records...");
            try (PipelineDefinition.RunningPipeline running = pipeline.startClean()) {
                new ApplicationDrain(clientConfig, admin, applicationId).await(inputEnd, running::failure, timeout);
            }
            List<SnapshotDiff> diffs = new ArrayList<>();
            long tombstones = 0;
            for (String topic : outputTopics) {
                List<TopicPartition> partitions = admin.partitions(List.of(topic));
                Map<TopicPartition, Long> rebuildStart = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
                partitions.forEach(tp -> rebuildStart.put(tp, outputStart.get(tp)));
                KeyedSnapshot before =
                        KeyedSnapshot.read(clientConfig, registry, topic, admin.earliest(partitions), rebuildStart);
                // the pipeline has closed, but the markers of its last transaction may not be written yet
                KeyedSnapshot rebuilt = KeyedSnapshot.read(
                        clientConfig, registry, topic, rebuildStart, admin.settledEnd(partitions, timeout));
                Set<String> gone = new TreeSet<>(before.keys());
                gone.removeAll(rebuilt.keys());
                tombstones += writeTombstones(topic, gone);
                diffs.add(SnapshotDiff.between(before, rebuilt));
            }
            ReprocessProgress.clear(admin, applicationId);
            ReprocessReport report =
                    new ReprocessReport(plan, diffs, tombstones, Duration.ofNanos(System.nanoTime() - started));
            LOG.info(
                    "Reprocess of {} done: {}",
                    applicationId,
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
        ApplicationGroup group = new ApplicationGroup(admin, plan.applicationId());
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
        try (KafkaProducer<byte[], byte[]> producer = HistoryClients.transactionalProducer(
                clientConfig, "clusternews-reprocess-" + topic + "-" + UUID.randomUUID())) {
            producer.beginTransaction();
            for (String key : keys) {
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), null));
            }
            producer.commitTransaction();
        }
        LOG.info("Wrote {} tombstones to {} for keys the rebuild no longer produces: {}", keys.size(), topic, keys);
        return keys.size();
    }
}
