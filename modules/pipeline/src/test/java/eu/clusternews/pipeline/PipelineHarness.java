package eu.clusternews.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.registry.MockSchemaRegistry;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The topology under a {@link TopologyTestDriver} with its own mock:// registry scope and state
 * directory, a fixed start instant, and typed access to every topic and store.
 */
final class PipelineHarness implements AutoCloseable {

    final String scope = "pipeline-test-" + UUID.randomUUID();
    final Path stateDir;
    final PipelineConfig config;
    final ClusterNewsTopics topics;
    final Topology topology;
    final TopologyTestDriver driver;

    final TestInputTopic<String, NewsEvent> news;
    final TestInputTopic<String, byte[]> rawNews;
    final TestInputTopic<String, Organisation> organisations;
    final TestInputTopic<String, Consortium> consortia;
    final TestInputTopic<String, Programme> programmes;
    final TestOutputTopic<String, EnrichedNews> enriched;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    PipelineHarness() {
        this(Map.of());
    }

    /** @param overrides pipeline properties set over the harness's own */
    PipelineHarness(Map<String, String> overrides) {
        try {
            stateDir = Files.createTempDirectory("clusternews-pipeline-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new java.util.HashMap<>(overrides);
        properties.put("schema.registry.url", "mock://" + scope);
        properties.put("state.dir", stateDir.toString());
        config = PipelineConfig.of(properties);
        ClusterNewsTopology clusterNewsTopology = new ClusterNewsTopology(config.serdeConfig());
        topics = clusterNewsTopology.topics();
        topology = clusterNewsTopology.build(config.streamsProperties());
        driver = new TopologyTestDriver(topology, config.streamsProperties(), Fixtures.START);

        news = input(topics.news());
        rawNews = driver.createInputTopic(topics.news().name(), new StringSerializer(), new ByteArraySerializer());
        organisations = input(topics.organisations());
        consortia = input(topics.consortia());
        programmes = input(topics.programmes());
        enriched = driver.createOutputTopic(
                topics.enriched().name(),
                topics.enriched().keyDeserializer(),
                topics.enriched().valueDeserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerializer(), topic.valueSerializer());
    }

    /** Loads the seed's reference entities (ten clusters, two consortia, COSME and its Cluster Excellence Programme). */
    PipelineHarness withSeedReference() {
        Fixtures.seedOrganisations().forEach(organisations::pipeInput);
        Fixtures.seedConsortia().forEach(consortia::pipeInput);
        Fixtures.seedProgrammes().forEach(programmes::pipeInput);
        return this;
    }

    /** Pipes a news event keyed by its id, timestamped with its publication date (or its ingestion time). */
    void publish(NewsEvent event) {
        Instant timestamp = event.getPublishedAt() != null
                ? event.getPublishedAt().atStartOfDay(ZoneOffset.UTC).toInstant()
                : event.getIngestedAt();
        news.pipeInput(event.getId(), event, timestamp);
    }

    Map<String, ClusterActivity> clusterActivities() {
        return storeContents(ClusterNewsTopology.CLUSTER_ACTIVITY_STORE);
    }

    Map<String, ConsortiumActivity> consortiumActivities() {
        return storeContents(ClusterNewsTopology.CONSORTIUM_ACTIVITY_STORE);
    }

    Map<String, ProgrammeActivity> programmeActivities() {
        return storeContents(ClusterNewsTopology.PROGRAMME_ACTIVITY_STORE);
    }

    /** The last value per key written to an output topic (what compaction keeps). */
    <V> Map<String, V> latestOutput(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keyDeserializer(), topic.valueDeserializer())
                .readKeyValuesToMap();
    }

    /** The contents of a state store, read as interactive queries do. */
    <V> Map<String, V> store(String storeName) {
        return storeContents(storeName);
    }

    private <V> Map<String, V> storeContents(String storeName) {
        // the activity stores are AggregateStores: read them as interactive queries do
        @SuppressWarnings("unchecked")
        ReadOnlyKeyValueStore<String, V> store =
                (ReadOnlyKeyValueStore<String, V>) driver.getAllStateStores().get(storeName);
        Map<String, V> contents = new TreeMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining((KeyValue<String, V> kv) -> contents.put(kv.key, kv.value));
        }
        return contents;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            MockSchemaRegistry.dropScope(scope);
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind harms nothing
        }
    }
}
