package eu.clusternews.serve.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.local.Directories;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.local.testing.TestTopics;
import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.serve.fake.SeedEvents;
import eu.clusternews.serve.http.ClusterNewsServer;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /api/events} over a real Kafka Streams store on the real broker and registry: two instances of one
 * application, the events store on a single partition, so one instance holds it and the other answers through that
 * peer — the routing the pipeline's events store gets.
 * <p>
 * The store is filled by a stand-in topology of this test ({@link #standInTopology}): a table of hand-written
 * {@link SeedEvents} read from a topic and materialized under the pipeline's store name, beside a global table of
 * organisations under the pipeline's reference store name (the other stores the queries know are absent here). It stands in for the pipeline's event matching only until
 * that lands; what this test proves is the serving of the store, not how events are made.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One application instance: Kafka Streams, its queries and its HTTP server. */
    private record Instance(KafkaStreams streams, ClusterNewsServer server, HostInfo host) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            streams.close(Duration.ofSeconds(10));
        }
    }

    private static LocalStack local;
    private static Path stateDir;
    private static ClusterNewsTopics topics;
    private static String eventsTopic;
    private static String organisationsTopic;
    private static final List<Instance> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesOverTheStandInEventsStore() throws Exception {
        local = SharedLocalStack.get();
        stateDir = Files.createTempDirectory("clusternews-serve-events-it");
        topics = ClusterNewsTopics.from(Map.of("schema.registry.url", local.schemaRegistryUrl()));
        eventsTopic = TestTopics.create(local, "events");
        organisationsTopic = TestTopics.create(local, "organisations");
        try (KafkaProducer<String, Object> producer = producer()) {
            for (Organisation o : List.of(
                    organisation("org:bnpt", "BalticNet-PlasmaTec"),
                    organisation("org:ecict", "Eastern Cluster ICT"),
                    organisation("org:zinnae", "ZINNAE"))) {
                producer.send(new ProducerRecord<>(organisationsTopic, o.getId(), o));
            }
            for (ClusterEvent event : SeedEvents.all()) {
                producer.send(new ProducerRecord<>(eventsTopic, event.getId(), event));
            }
        }
        String applicationId =
                "clusternews-serve-events-it-" + UUID.randomUUID().toString().substring(0, 8);
        instances.add(start(applicationId, "a"));
        instances.add(start(applicationId, "b"));
        await("both instances answering /api/events with the three events")
                .atMost(PATIENCE)
                .until(() -> instances.stream().allMatch(i -> countOrNone(i) == 3));
    }

    @AfterAll
    static void stopTheInstances() {
        instances.forEach(Instance::close);
        if (stateDir != null) {
            Directories.deleteRecursively(stateDir);
        }
    }

    @Test
    @Order(1)
    void oneInstanceHoldsTheEventsStoreAndTheOtherAnswersTheSameThroughIt() throws Exception {
        Instance owner = owner();
        Instance other = other(owner);
        assertThat(other.streams()
                        .queryMetadataForKey(
                                ClusterNewsTopology.EVENTS_STORE,
                                SeedEvents.BERLIN_TRAINING,
                                Serdes.String().serializer())
                        .activeHost())
                .as("the other instance sees the owner as the store's host")
                .isEqualTo(owner.host());
        for (String path : List.of(
                "/api/events",
                "/api/events?language=pl",
                "/api/events?consortium=cons:inno-drop&from=2017-04-28&until=2018-12-31",
                "/api/events/" + SeedEvents.BERLIN_TRAINING)) {
            assertThat(json(other, path, 200)).as(path).isEqualTo(json(owner, path, 200));
        }
    }

    @Test
    @Order(2)
    void listsTheEventsNewestFirstWithTheReportsInThreeLanguagesAndTheirPublishersNamed() throws Exception {
        for (Instance instance : instances) {
            JsonNode body = json(instance, "/api/events", 200);
            assertThat(body.get("items"))
                    .extracting(e -> e.get("id").asText())
                    .containsExactly(
                            SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
            JsonNode berlin = json(instance, "/api/events/" + SeedEvents.BERLIN_TRAINING, 200);
            assertThat(berlin.get("languages")).extracting(JsonNode::asText).containsExactly("de", "en", "es");
            assertThat(berlin.get("reports"))
                    .extracting(r -> r.get("language").asText() + " "
                            + r.get("publisherName").asText())
                    .containsExactly("de BalticNet-PlasmaTec", "en Eastern Cluster ICT", "es ZINNAE");
        }
    }

    @Test
    @Order(3)
    void filtersOnTheInstanceThatHoldsTheStoreWhenAskedThroughTheOther() throws Exception {
        Instance other = other(owner());
        assertThat(ids(json(other, "/api/events?language=pl", 200))).containsExactly(SeedEvents.LUBLIN_KICKOFF);
        assertThat(ids(json(other, "/api/events?cluster=org:zinnae", 200))).containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(ids(json(other, "/api/events?kind=MEETING", 200))).containsExactly(SeedEvents.LUBLIN_KICKOFF);
        assertThat(ids(json(other, "/api/events?programme=prog:cosme&limit=2", 200)))
                .containsExactly(SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING);
        assertThat(ids(json(other, "/api/events?from=2017-04-29&until=2018-01-01", 200)))
                .isEmpty();
    }

    @Test
    @Order(4)
    void answers404ForAnUnknownEventAnd400ForBadParametersOnBothInstances() throws Exception {
        for (Instance instance : instances) {
            assertThat(json(instance, "/api/events/evt-unknown", 404)
                            .get("message")
                            .asText())
                    .isEqualTo("no event with id 'evt-unknown'");
            assertThat(json(instance, "/api/events?language=deu", 400)
                            .get("message")
                            .asText())
                    .contains("language", "ISO 639-1");
            assertThat(json(instance, "/api/events?sort=date", 400)
                            .get("message")
                            .asText())
                    .contains("sort", "language");
        }
    }

    @Test
    @Order(5)
    void anEventMergedIntoAnotherIsGoneFromBothInstancesOnceItsTombstoneArrives() throws Exception {
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(eventsTopic, SeedEvents.FINAL_CONFERENCE, null));
        }
        await("the tombstoned event answered 404 by both instances")
                .atMost(PATIENCE)
                .until(() -> instances.stream()
                        .allMatch(i -> status(i, "/api/events/" + SeedEvents.FINAL_CONFERENCE) == 404));
        for (Instance instance : instances) {
            assertThat(ids(json(instance, "/api/events", 200)))
                    .containsExactly(SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
        }
    }

    // ---- the stand-in topology and the instances

    /**
     * A table of events from a topic, materialized as {@link ClusterNewsTopology#EVENTS_STORE} in the internal
     * encoding like the pipeline's stores, and the organisations as the global {@link ClusterNewsTopology#ORGANISATIONS_STORE}: just the stores
     * {@code /api/events} reads, under the pipeline's names.
     */
    private static Topology standInTopology() {
        Topic<String, ClusterEvent> events = topics.events();
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(
                eventsTopic,
                Consumed.with(Serdes.String(), events.valueSerde()).withName("read-stand-in-events"),
                Materialized.<String, ClusterEvent, KeyValueStore<Bytes, byte[]>>as(ClusterNewsTopology.EVENTS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(InternalAvroSerde.of(ClusterEvent.class)));
        builder.globalTable(
                organisationsTopic,
                Consumed.with(Serdes.String(), topics.organisations().valueSerde())
                        .withName("read-stand-in-organisations"),
                Materialized.<String, Organisation, KeyValueStore<Bytes, byte[]>>as(
                                ClusterNewsTopology.ORGANISATIONS_STORE)
                        .withKeySerde(Serdes.String())
                        // a global store restores the topic's bytes as they are: keep the topic's encoding
                        .withValueSerde(topics.organisations().valueSerde()));
        return builder.build();
    }

    private static Instance start(String applicationId, String name) throws IOException {
        HostInfo host = new HostInfo("127.0.0.1", LoopbackPorts.pickFree());
        Map<String, Object> config = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                applicationId,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                local.bootstrapServers(),
                StreamsConfig.APPLICATION_SERVER_CONFIG,
                host.host() + ":" + host.port(),
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(stateDir.resolve(name)).toString(),
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
                0,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                100);
        KafkaStreams streams = new KafkaStreams(standInTopology(), new StreamsConfig(config));
        StreamsActivityQueries queries = new StreamsActivityQueries(
                streams, StreamsActivityQueries.selfFrom(config), StreamsActivityQueries.StoreNames.ofPipeline(), null);
        ClusterNewsServer server = ClusterNewsServer.builder(queries)
                .host(host.host())
                .port(host.port())
                .localStoreAccess(queries)
                .start();
        streams.start();
        return new Instance(streams, server, host);
    }

    /** The instance whose Kafka Streams holds the events store's one partition as an active task. */
    private static Instance owner() {
        List<Instance> owners = instances.stream()
                .filter(i -> i.streams().metadataForLocalThreads().stream()
                        .flatMap(t -> t.activeTasks().stream())
                        .flatMap(t -> t.topicPartitions().stream())
                        .anyMatch(tp -> tp.topic().equals(eventsTopic)))
                .toList();
        assertThat(owners).as("instances holding the events store").hasSize(1);
        return owners.get(0);
    }

    private static Instance other(Instance owner) {
        return instances.stream().filter(i -> i != owner).findFirst().orElseThrow();
    }

    private static KafkaProducer<String, Object> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaProducer<String, Object> producer = new KafkaProducer<>(
                config, Serdes.String().serializer(), (org.apache.kafka.common.serialization.Serializer)
                        new RecordSerializer());
        return producer;
    }

    /** Writes each record with the Confluent-format serde of its topic's type. */
    private static final class RecordSerializer implements org.apache.kafka.common.serialization.Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object value) {
            if (value == null) {
                return null;
            }
            return value instanceof ClusterEvent event
                    ? topics.events().valueSerializer().serialize(topic, event)
                    : topics.organisations().valueSerializer().serialize(topic, (Organisation) value);
        }
    }

    private static Organisation organisation(String id, String name) {
        return Organisation.newBuilder()
                .setId(id)
                .setName(name)
                .setType("cluster_organisation")
                .build();
    }

    // ---- HTTP

    private static HttpResponse<String> get(Instance instance, String path) {
        URI uri = instance.server().uri().resolve(path);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    private static int status(Instance instance, String path) {
        return get(instance, path).statusCode();
    }

    /** The number of events listed, or -1 while the instance cannot answer (starting, rebalancing). */
    private static int countOrNone(Instance instance) {
        HttpResponse<String> response = get(instance, "/api/events");
        try {
            return response.statusCode() == 200
                    ? JSON.readTree(response.body()).get("count").asInt()
                    : -1;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static JsonNode json(Instance instance, String path, int expectedStatus) throws IOException {
        HttpResponse<String> response = get(instance, path);
        assertThat(response.statusCode())
                .as("GET %s on %s: %s", path, instance.host(), response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
