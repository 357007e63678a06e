package eu.clusternews.topics;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of DESIGN.md §3: name, partitions, cleanup policy, retention and value type of each. */
public enum TopicSpec {
    NEWS(
            "cluster-news",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_DELETE,
            -1L,
            NewsEvent.class,
            "Every news document as ingested, keyed by news id; kept forever because it is the history replays read."),
    ORGANISATIONS(
            "ref-organisations",
            Kind.REFERENCE,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            Organisation.class,
            "Clusters and other organisations, keyed by reference id; the latest record per id is the truth."),
    CONSORTIA(
            "ref-consortia",
            Kind.REFERENCE,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            Consortium.class,
            "Consortia with their member clusters, keyed by reference id."),
    PROGRAMMES(
            "ref-programmes",
            Kind.REFERENCE,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            Programme.class,
            "Funding programmes with their parent programme, keyed by reference id."),
    // kept forever like the history it comes from: its record timestamps are publication dates, so a time-based
    // retention would delete a backfilled 2017 press release the moment it is written
    ENRICHED(
            "cluster-news-enriched",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_DELETE,
            -1L,
            EnrichedNews.class,
            "News with the consortium and programme metadata attached, keyed by news id; kept forever."),
    CLUSTER_ACTIVITY(
            "cluster-activity",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            ClusterActivity.class,
            "The activity aggregate of each cluster, keyed by cluster id: what dashboards read."),
    CONSORTIUM_ACTIVITY(
            "consortium-activity",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            ConsortiumActivity.class,
            "The activity aggregate of each consortium, keyed by consortium id."),
    PROGRAMME_ACTIVITY(
            "programme-activity",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            ProgrammeActivity.class,
            "The activity aggregate of each programme, keyed by programme id."),
    CLUSTER_EVENTS(
            "cluster-events",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            null,
            ClusterEvent.class,
            "Events merged from the news that report them, keyed by event id; a tombstone when an event was merged"
                    + " into another."),
    DEAD_LETTERS(
            "cluster-news-dlq",
            Kind.DATA,
            TopicConfig.CLEANUP_POLICY_DELETE,
            Duration.ofDays(30).toMillis(),
            null,
            "Records the pipeline could not process, with their original key and value bytes; headers say why, where"
                    + " from and when. Kept 30 days after they landed (broker append time, not the news' own dates).");

    /** Data topics get several partitions to share the work; reference topics are small and read whole. */
    private enum Kind {
        DATA(3),
        REFERENCE(1);

        private final int defaultPartitions;

        Kind(int defaultPartitions) {
            this.defaultPartitions = defaultPartitions;
        }
    }

    private final String topicName;
    private final Kind kind;
    private final String cleanupPolicy;
    private final Long retentionMs;
    private final Class<? extends SpecificRecord> valueType;
    private final String doc;

    TopicSpec(
            String topicName,
            Kind kind,
            String cleanupPolicy,
            Long retentionMs,
            Class<? extends SpecificRecord> valueType,
            String doc) {
        this.topicName = topicName;
        this.kind = kind;
        this.cleanupPolicy = cleanupPolicy;
        this.retentionMs = retentionMs;
        this.valueType = valueType;
        this.doc = doc;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** Partitions when nothing overrides them: 3 for data topics, 1 for reference topics. */
    public int defaultPartitions() {
        return kind.defaultPartitions;
    }

    /** Whether this is one of the compacted reference-data topics. */
    public boolean isReference() {
        return kind == Kind.REFERENCE;
    }

    /** {@code delete} or {@code compact}. */
    public String cleanupPolicy() {
        return cleanupPolicy;
    }

    /** retention.ms when the topic sets one (-1 = forever); empty for the broker's default. */
    public Optional<Long> retentionMs() {
        return Optional.ofNullable(retentionMs);
    }

    /** The generated Avro class of the values; null for the dead-letter topic, which holds raw bytes. */
    public Class<? extends SpecificRecord> valueType() {
        return valueType;
    }

    /** The value schema as generated (with its Java properties); null for the dead-letter topic. */
    public Schema valueSchema() {
        return valueType == null ? null : SpecificData.get().getSchema(valueType);
    }

    /** The registry subject of the values under the topic name strategy, {@code <topic>-value}. */
    public String valueSubject() {
        return topicName + "-value";
    }

    /** One sentence on what the topic holds. */
    public String doc() {
        return doc;
    }

    /** The topic-level configuration the topic is created with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        if (retentionMs != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        }
        if (this == DEAD_LETTERS) {
            // dead letters of news published years ago must still wait 30 days for someone to look at them
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return configs;
    }

    /** The AdminClient request creating this topic with its default partitions. */
    public NewTopic newTopic(short replicationFactor) {
        return newTopic(defaultPartitions(), replicationFactor);
    }

    /** The AdminClient request creating this topic with this many partitions. */
    public NewTopic newTopic(int partitions, short replicationFactor) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + topicName + " needs at least 1 partition, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "Topic " + topicName + " needs a replication factor of at least 1, not " + replicationFactor);
        }
        return new NewTopic(topicName, partitions, replicationFactor).configs(configs());
    }

    /**
     * The requests creating every topic: data topics with {@code dataPartitions} partitions (null: their default of 3),
     * reference topics with 1 (they are small and every instance reads them whole).
     */
    public static List<NewTopic> newTopics(Integer dataPartitions, short replicationFactor) {
        return Arrays.stream(values())
                .map(spec -> spec.isReference() || dataPartitions == null
                        ? spec.newTopic(replicationFactor)
                        : spec.newTopic(dataPartitions, replicationFactor))
                .toList();
    }

    /** The spec of a topic name. */
    public static Optional<TopicSpec> byName(String topicName) {
        return Arrays.stream(values())
                .filter(spec -> spec.topicName.equals(topicName))
                .findFirst();
    }

    /** The spec of a topic name, or an exception listing the known names. */
    public static TopicSpec named(String topicName) {
        return byName(topicName)
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic '" + topicName
                        + "'; clusternews topics: "
                        + Arrays.stream(values()).map(TopicSpec::topicName).collect(Collectors.joining(", "))));
    }
}
