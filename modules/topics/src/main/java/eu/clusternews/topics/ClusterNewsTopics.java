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
 *
 * @param news               cluster-news: every news document, keyed by news id
 * @param organisations      ref-organisations (compacted), keyed by organisation id
 * @param consortia          ref-consortia (compacted), keyed by consortium id
 * @param programmes         ref-programmes (compacted), keyed by programme id
 * @param enriched           cluster-news-enriched, keyed by news id
 * @param clusterActivity    cluster-activity (compacted), keyed by cluster id
 * @param consortiumActivity consortium-activity (compacted), keyed by consortium id
 * @param programmeActivity  programme-activity (compacted), keyed by programme id
 * @param events             cluster-events (compacted), keyed by event id
 * @param deadLetters        cluster-news-dlq: the original key and value bytes of records that could not be processed
 */
public record ClusterNewsTopics(
        Topic<String, NewsEvent> news,
        Topic<String, Organisation> organisations,
        Topic<String, Consortium> consortia,
        Topic<String, Programme> programmes,
        Topic<String, EnrichedNews> enriched,
        Topic<String, ClusterActivity> clusterActivity,
        Topic<String, ConsortiumActivity> consortiumActivity,
        Topic<String, ProgrammeActivity> programmeActivity,
        Topic<String, ClusterEvent> events,
        Topic<byte[], byte[]> deadLetters) {

    /**
     * The topics with serdes configured from this map ({@code schema.registry.url} and the other serde settings of
     * {@link SpecificAvroSerde}); all value serdes share one registry client, hence one cache.
     */
    public static ClusterNewsTopics from(Map<String, ?> serdeConfig) {
        return from(serdeConfig, SchemaRegistryClients.fromConfig(serdeConfig));
    }

    /** The topics with serdes using this client and the serde settings of this map. */
    public static ClusterNewsTopics from(Map<String, ?> serdeConfig, SchemaRegistryClient client) {
        return new ClusterNewsTopics(
                avro(TopicSpec.NEWS, NewsEvent.class, serdeConfig, client),
                avro(TopicSpec.ORGANISATIONS, Organisation.class, serdeConfig, client),
                avro(TopicSpec.CONSORTIA, Consortium.class, serdeConfig, client),
                avro(TopicSpec.PROGRAMMES, Programme.class, serdeConfig, client),
                avro(TopicSpec.ENRICHED, EnrichedNews.class, serdeConfig, client),
                avro(TopicSpec.CLUSTER_ACTIVITY, ClusterActivity.class, serdeConfig, client),
                avro(TopicSpec.CONSORTIUM_ACTIVITY, ConsortiumActivity.class, serdeConfig, client),
                avro(TopicSpec.PROGRAMME_ACTIVITY, ProgrammeActivity.class, serdeConfig, client),
                avro(TopicSpec.CLUSTER_EVENTS, ClusterEvent.class, serdeConfig, client),
                new Topic<>(TopicSpec.DEAD_LETTERS.topicName(), Serdes.ByteArray(), Serdes.ByteArray()));
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
