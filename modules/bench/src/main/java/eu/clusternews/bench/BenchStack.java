package eu.clusternews.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.ingest.reference.ReferencePublisher;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.registry.SchemaRegistryConfig;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.SchemaRegistration;
import eu.clusternews.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One embedded broker and registry for a whole benchmark run ({@link LocalStack} in a temporary directory on free
 * loopback ports), with the clusternews topics created, their schemas registered and the reference data published
 * to the ref topics. Closing stops both and deletes the directory.
 */
final class BenchStack implements AutoCloseable {

    /** The baseline's output topic. */
    static final String PASS_THROUGH_TOPIC = "bench-pass-through";

    private final Path dir;
    private final LocalStack local;
    private final SchemaRegistryClient registry;
    private final ClusterNewsTopics topics;

    private BenchStack(Path dir, LocalStack local) {
        this.dir = dir;
        this.local = local;
        this.registry = SchemaRegistryClients.fromConfig(serdeConfig());
        this.topics = ClusterNewsTopics.from(serdeConfig(), registry);
    }

    /** Starts the stack and prepares topics ({@code partitions} per data topic), schemas and reference data. */
    static BenchStack start(int partitions, ReferenceData reference, Map<String, String> brokerConfig) {
        Path dir;
        try {
            dir = Files.createTempDirectory("clusternews-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the benchmark's broker", e);
        }
        int kafkaPort = LoopbackPorts.pickFree();
        int registryPort = LoopbackPorts.pickFree();
        while (registryPort == kafkaPort) {
            registryPort = LoopbackPorts.pickFree();
        }
        LocalStack.Builder builder =
                LocalStack.builder().dataDir(dir).kafkaPort(kafkaPort).registryPort(registryPort);
        brokerConfig.forEach(builder::brokerProperty);
        LocalStack local = builder.start();
        BenchStack stack = new BenchStack(dir, local);
        try {
            stack.createTopics(partitions);
            new SchemaRegistration(stack.registry).registerAll();
            stack.publishReference(reference);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return local.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return local.schemaRegistryUrl();
    }

    /** Serde settings: the registry URL. */
    Map<String, Object> serdeConfig() {
        return Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, local.schemaRegistryUrl());
    }

    ClusterNewsTopics topics() {
        return topics;
    }

    /** Where Kafka Streams apps of this run keep their state. */
    Path stateDir() {
        return dir.resolve("streams");
    }

    /** A producer of raw cluster-news records, acks=all and idempotent like the ingest publisher. */
    KafkaProducer<String, byte[]> newsProducer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** The catalogue's topics as {@code clusternews setup} creates them, and the pass-through baseline's topic. */
    private void createTopics(int partitions) {
        try (Admin admin = admin()) {
            new TopicProvisioner(admin).ensureTopics(partitions, (short) 1);
            admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, partitions, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot create the benchmark topics on " + bootstrapServers() + ": " + e, e);
        }
    }

    /** The reference data as {@code clusternews setup} publishes it. */
    private void publishReference(ReferenceData reference) {
        new ReferencePublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), topics)
                .publish(reference);
    }

    @Override
    public void close() {
        try {
            local.close();
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the broker still holds; the temp directory is cleaned by the OS eventually
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: leaving a temp directory behind is not worth failing a finished benchmark
        }
    }
}
