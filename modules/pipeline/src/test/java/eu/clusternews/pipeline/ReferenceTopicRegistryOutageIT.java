package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.clusternews.avro.Organisation;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.registry.SchemaRegistryConfig;
import eu.clusternews.registry.SpecificAvroSerde;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference topics' global thread against a real broker and the real Apicurio registry, reached through a proxy
 * that can play an outage (503): a reference record that arrives while the registry is down stops the Streams client
 * (ERROR) instead of being skipped, and is in the global store once the pipeline runs again with the registry back.
 * (TopologyTestDriver cannot show this: it gives the global task LogAndContinueExceptionHandler whatever the
 * configuration.)
 */
class ReferenceTopicRegistryOutageIT {

    private static final String STORE = "outage-test-organisations";

    @TempDir
    Path stateDir;

    private LocalStack local;
    private RegistryProxy proxy;
    private String topic;
    private KafkaStreams streams;

    @BeforeEach
    void start() throws Exception {
        local = SharedLocalStack.get();
        proxy = new RegistryProxy(local.schemaRegistryUrl());
        // the real name: the handler tells reference topics by name (a corrupt reference record is skipped there)
        topic = TopicSpec.ORGANISATIONS.topicName();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        proxy.close();
    }

    private Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, proxy.url());
        config.put(SchemaRegistryConfig.MAX_RETRIES, 1);
        config.put(SchemaRegistryConfig.RETRIES_WAIT_MS, 100);
        return config;
    }

    /** The pipeline's configuration (its exception handlers) with a global table of the test topic. */
    private KafkaStreams startStreams(String applicationId) {
        SpecificAvroSerde<Organisation> serde = new SpecificAvroSerde<>(Organisation.class);
        serde.configure(serdeConfig(), false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(
                topic,
                Consumed.with(Serdes.String(), serde),
                Materialized.<String, Organisation, KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serde));
        Properties properties = PipelineConfig.of(Map.of(
                        StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers(),
                        StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                        SchemaRegistryConfig.SCHEMA_REGISTRY_URL, proxy.url()))
                .streamsProperties();
        KafkaStreams started = new KafkaStreams(builder.build(), properties);
        started.start();
        return started;
    }

    private void produce(Organisation organisation) throws Exception {
        SpecificAvroSerde<Organisation> serde = new SpecificAvroSerde<>(Organisation.class);
        serde.configure(serdeConfig(), false);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers());
        try (KafkaProducer<String, Organisation> producer =
                new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, organisation.getId(), organisation))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReferenceRecordArrivingDuringARegistryOutageStopsTheClientAndIsInTheStoreAfterTheRestart() throws Exception {
        Organisation before = Fixtures.cluster("org:before-outage", "Before", "FR");
        Organisation during = Fixtures.cluster("org:during-outage", "During", "DE");
        produce(before);
        // writes during the outage come from a producer whose serializer already knows the schema id
        SpecificAvroSerde<Organisation> warm = new SpecificAvroSerde<>(Organisation.class);
        warm.configure(serdeConfig(), false);
        byte[] duringBytes = warm.serializer().serialize(topic, during);
        String applicationId = "outage-test-" + UUID.randomUUID();

        streams = startStreams(applicationId);
        await("RUNNING").atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        proxy.down.set(true);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                config, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, during.getId(), duringBytes)).get(30, TimeUnit.SECONDS);
        }

        await("the global thread fails on the outage instead of skipping the record")
                .atMost(Duration.ofSeconds(90))
                .until(() -> streams.state() == KafkaStreams.State.ERROR);
        assertThat(proxy.outageAnswers.get())
                .as("requests the proxy answered 503")
                .isPositive();
        streams.close(Duration.ofSeconds(30));

        // the registry is back and the pipeline restarts (a supervisor's job): nothing was skipped
        proxy.down.set(false);
        streams = startStreams(applicationId);
        await("RUNNING again")
                .atMost(Duration.ofSeconds(90))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
        var store = streams.store(
                StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.<String, Organisation>keyValueStore()));
        await("both records in the global store").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(store.get(before.getId())).isEqualTo(before);
            assertThat(store.get(during.getId())).isEqualTo(during);
        });
    }

    /** Forwards to the real registry, or answers 503 for everything while {@link #down} is set. */
    private static final class RegistryProxy implements AutoCloseable {

        final AtomicBoolean down = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger outageAnswers = new java.util.concurrent.atomic.AtomicInteger();
        private final String target;
        private final HttpServer server;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        RegistryProxy(String target) throws IOException {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::forward);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort()
                    + URI.create(target).getPath();
        }

        private void forward(HttpExchange exchange) throws IOException {
            int status;
            byte[] body;
            if (down.get()) {
                outageAnswers.incrementAndGet();
                status = 503;
                body = "{\"message\":\"registry down (test proxy)\"}".getBytes();
            } else {
                URI uri = exchange.getRequestURI();
                String base = target.substring(
                        0, target.length() - URI.create(target).getPath().length());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType != null) {
                    request.header("Content-Type", contentType);
                }
                byte[] in = exchange.getRequestBody().readAllBytes();
                request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in));
                try {
                    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    body = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
