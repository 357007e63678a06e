package eu.clusternews.topics;

import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.registry.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topics of clusternews: keys are UTF-8 strings (news ids and reference ids), values are Confluent-format
 * Avro records of the generated classes, except the dead-letter topic, which keeps raw bytes.
 */
public final class ClusterNewsTopics {

    private final Topic<String, NewsEvent> news;
    private final Topic<String, Organisation> organisations;
    private final Topic<String, Consortium> consortia;
    private final Topic<String, Programme> programmes;
    private final Topic<String, EnrichedNews> enriched;
    private final Topic<String, ClusterActivity> clusterActivity;
    private final Topic<String, ConsortiumActivity> consortiumActivity;
    private final Topic<String, ProgrammeActivity> programmeActivity;
    private final Topic<String, ClusterEvent> events;
    private final Topic<byte[], byte[]> deadLetters;

    private ClusterNewsTopics(Map<String, ?> serdeConfig, SchemaRegistryClient client) {
        this.news = avro(TopicSpec.NEWS, NewsEvent.class, serdeConfig, client);
        this.organisations = avro(TopicSpec.ORGANISATIONS, Organisation.class, serdeConfig, client);
        this.consortia = avro(TopicSpec.CONSORTIA, Consortium.class, serdeConfig, client);
        this.programmes = avro(TopicSpec.PROGRAMMES, Programme.class, serdeConfig, client);
        this.enriched = avro(TopicSpec.ENRICHED, EnrichedNews.class, serdeConfig, client);
        this.clusterActivity = avro(TopicSpec.CLUSTER_ACTIVITY, ClusterActivity.class, serdeConfig, client);
        this.consortiumActivity = avro(TopicSpec.CONSORTIUM_ACTIVITY, ConsortiumActivity.class, serdeConfig, client);
        this.programmeActivity = avro(TopicSpec.PROGRAMME_ACTIVITY, ProgrammeActivity.class, serdeConfig, client);
        this.events = avro(TopicSpec.CLUSTER_EVENTS, ClusterEvent.class, serdeConfig, client);
        this.deadLetters = new Topic<>(TopicSpec.DEAD_LETTERS.topicName(), Serdes.ByteArray(), Serdes.ByteArray());
    }

    /**
     * The topics with serdes configured from this map ({@code schema.registry.url} and the other serde settings of
     * {@link SpecificAvroSerde}); all value serdes share one registry client, hence one cache.
     */
    public static ClusterNewsTopics from(Map<String, ?> serdeConfig) {
        return new ClusterNewsTopics(serdeConfig, SchemaRegistryClients.fromConfig(serdeConfig));
    }

    /** The topics with serdes using this client and the serde settings of this map. */
    public static ClusterNewsTopics from(Map<String, ?> serdeConfig, SchemaRegistryClient client) {
        return new ClusterNewsTopics(serdeConfig, client);
    }

    private static <V extends SpecificRecord> Topic<String, V> avro(
            TopicSpec spec, Class<V> type, Map<String, ?> serdeConfig, SchemaRegistryClient client) {
        if (spec.valueType() != type) {
            throw new IllegalStateException(spec + " holds " + spec.valueType() + ", not " + type);
        }
        SpecificAvroSerde<V> valueSerde = new SpecificAvroSerde<>(type, client);
        valueSerde.configure(serdeConfig, false);
        return new Topic<>(spec.topicName(), Serdes.String(), valueSerde);
    }

    /** cluster-news: every news document, keyed by news id. */
    public Topic<String, NewsEvent> news() {
        return news;
    }

    /** ref-organisations (compacted), keyed by organisation id. */
    public Topic<String, Organisation> organisations() {
        return organisations;
    }

    /** ref-consortia (compacted), keyed by consortium id. */
    public Topic<String, Consortium> consortia() {
        return consortia;
    }

    /** ref-programmes (compacted), keyed by programme id. */
    public Topic<String, Programme> programmes() {
        return programmes;
    }

    /** cluster-news-enriched, keyed by news id. */
    public Topic<String, EnrichedNews> enriched() {
        return enriched;
    }

    /** cluster-activity (compacted), keyed by cluster id. */
    public Topic<String, ClusterActivity> clusterActivity() {
        return clusterActivity;
    }

    /** consortium-activity (compacted), keyed by consortium id. */
    public Topic<String, ConsortiumActivity> consortiumActivity() {
        return consortiumActivity;
    }

    /** programme-activity (compacted), keyed by programme id. */
    public Topic<String, ProgrammeActivity> programmeActivity() {
        return programmeActivity;
    }

    /** cluster-events (compacted), keyed by event id. */
    public Topic<String, ClusterEvent> events() {
        return events;
    }

    /** cluster-news-dlq: the original key and value bytes of records that could not be processed. */
    public Topic<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    /** Every topic, in the order of {@link TopicSpec}. */
    public List<Topic<?, ?>> all() {
        return List.of(
                news,
                organisations,
                consortia,
                programmes,
                enriched,
                clusterActivity,
                consortiumActivity,
                programmeActivity,
                events,
                deadLetters);
    }
}
