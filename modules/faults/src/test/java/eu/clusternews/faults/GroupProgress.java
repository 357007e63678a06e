package eu.clusternews.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a pipeline's consumer group has come: its committed offsets on cluster-news and on its four repartition
 * topics (the three partials and the event reports) against their end offsets. "Done" means nothing is left behind a committed offset: every partition's
 * committed offset is at the end, or only transaction markers lie between the two (a read_committed read from the
 * committed offset finds no record).
 */
final class GroupProgress implements AutoCloseable {

    private final Admin admin;
    private final Map<String, Object> clientConfig;
    private final String applicationId;
    private final List<String> sourceTopics;

    GroupProgress(Map<String, Object> clientConfig, String applicationId) {
        this.clientConfig = clientConfig;
        Map<String, Object> adminConfig = new HashMap<>(clientConfig);
        adminConfig.put("default.api.timeout.ms", 10_000);
        adminConfig.put("request.timeout.ms", 5_000);
        this.admin = Admin.create(adminConfig);
        this.applicationId = applicationId;
        this.sourceTopics = List.of(
                TopicSpec.NEWS.topicName(),
                repartitionTopic(ClusterNewsTopology.CLUSTER_PARTIALS),
                repartitionTopic(ClusterNewsTopology.CONSORTIUM_PARTIALS),
                repartitionTopic(ClusterNewsTopology.PROGRAMME_PARTIALS),
                repartitionTopic(ClusterNewsTopology.EVENT_REPORTS));
    }

    private String repartitionTopic(String name) {
        return applicationId + "-" + name + "-repartition";
    }

    /** Input records the group has committed on cluster-news (sum over partitions). */
    long committedInput() throws Exception {
        return committed().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TopicSpec.NEWS.topicName()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Offsets committed so far on every source topic (sum): grows whenever the pipeline commits progress. */
    long committedAll() throws Exception {
        return committed().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Input still to process on cluster-news: end offsets minus committed offsets. */
    long inputLag() throws Exception {
        Map<TopicPartition, Long> committed = committed();
        return endOffsets().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TopicSpec.NEWS.topicName()))
                .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    /** Whether every record of every source topic is behind a committed offset. */
    boolean done() throws Exception {
        Map<TopicPartition, Long> committed = committed();
        Map<TopicPartition, Long> end = endOffsets();
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            long at = committed.getOrDefault(e.getKey(), -1L);
            if (at < 0) {
                return false;
            }
            if (at < e.getValue()) {
                behind.put(e.getKey(), at);
            }
        }
        if (behind.isEmpty()) {
            return true;
        }
        // only a few offsets behind: they may be the commit markers of the last transactions
        boolean few = behind.entrySet().stream().allMatch(e -> end.get(e.getKey()) - e.getValue() <= 3);
        return few && noRecordsAfter(behind);
    }

    private boolean noRecordsAfter(Map<TopicPartition, Long> offsets) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(offsets.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (offsets.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty() || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        }
    }

    Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e ->
                        e.getValue() != null && sourceTopics.contains(e.getKey().topic()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** End offsets (high watermarks) of every partition of the source topics that exist yet. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        var descriptions = admin.describeTopics(
                        sourceTopics.stream().filter(existing::contains).toList())
                .allTopicNames()
                .get(10, TimeUnit.SECONDS);
        descriptions.forEach((name, description) -> description
                .partitions()
                .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(
                        request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all()
                .get(10, TimeUnit.SECONDS);
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
