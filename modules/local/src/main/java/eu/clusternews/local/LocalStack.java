package eu.clusternews.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a Kafka broker inside this JVM ({@link EmbeddedKafkaBroker}, data in
 * {@code <dataDir>/kafka}) and Apicurio Registry as a child process ({@link ApicurioRegistryProcess}, data in
 * {@code <dataDir>/registry}), both on 127.0.0.1. Both ports are checked before anything starts; the two then
 * start in parallel. Closing stops both.
 *
 * <pre>{@code
 * try (LocalStack local = LocalStack.builder().dataDir(Path.of("data")).start()) {
 *     local.bootstrapServers();   // 127.0.0.1:9092
 *     local.schemaRegistryUrl();  // http://127.0.0.1:8081/apis/ccompat/v7
 * }
 * }</pre>
 */
public final class LocalStack extends LocalService {

    /** The default Kafka port. */
    public static final int DEFAULT_KAFKA_PORT = 9092;
    /** The default schema registry port. */
    public static final int DEFAULT_REGISTRY_PORT = 8081;

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedKafkaBroker broker;
    private final ApicurioRegistryProcess registry;
    private final Path dataDir;

    private LocalStack(EmbeddedKafkaBroker broker, ApicurioRegistryProcess registry, Path dataDir) {
        this.broker = broker;
        this.registry = registry;
        this.dataDir = dataDir;
    }

    /** Starts configuring a local stack (data in {@code ./data}, Kafka on 9092, registry on 8081). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<kafkaPort>}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The Confluent Schema Registry API: {@code http://127.0.0.1:<registryPort>/apis/ccompat/v7}. */
    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    /** The broker. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** The registry process. */
    public ApicurioRegistryProcess registry() {
        return registry;
    }

    /** The data directory holding {@code kafka/} and {@code registry/}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the registry process and the broker. */
    @Override
    void stop() {
        RuntimeException failure = null;
        try {
            registry.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            broker.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The settings of a local stack to start. */
    public static final class Builder {
        private Path dataDir = Path.of("data");
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int registryPort = DEFAULT_REGISTRY_PORT;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Path registryHome;

        private Builder() {}

        /** Where {@code kafka/} and {@code registry/} live (default {@code ./data}). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The Kafka port on 127.0.0.1 (default 9092; flag {@code --kafka-port}). */
        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        /** The registry's HTTP port on 127.0.0.1 (default 8081; flag {@code --registry-port}). */
        public Builder registryPort(int registryPort) {
            this.registryPort = registryPort;
            return this;
        }

        /** A broker property that wins over the defaults. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** The unpacked Apicurio distribution (default: {@link RegistryDistribution#locate()}). */
        public Builder registryHome(Path registryHome) {
            this.registryHome = registryHome;
            return this;
        }

        /**
         * Checks both ports, then starts the broker and the registry in parallel and waits for both.
         *
         * @throws PortInUseException naming the port and its flag, before anything started
         */
        public LocalStack start() {
            long started = System.nanoTime();
            if (kafkaPort == registryPort) {
                throw new IllegalArgumentException("The Kafka port and the registry port are both " + kafkaPort
                        + "; choose different ones with --kafka-port and --registry-port");
            }
            // a registry a killed earlier run left behind would hold the registry port and the H2 database
            ApicurioRegistryProcess.stopLeftoverFromEarlierRun(dataDir);
            LoopbackPorts.requireFree(kafkaPort, "the Kafka broker", "--kafka-port");
            LoopbackPorts.requireFree(registryPort, "the schema registry", "--registry-port");
            // locate (and maybe unpack) the distribution before starting anything, so its error comes first
            Path home = registryHome != null ? registryHome : RegistryDistribution.locate();

            CompletableFuture<ApicurioRegistryProcess> registry =
                    CompletableFuture.supplyAsync(() -> ApicurioRegistryProcess.builder(dataDir)
                            .port(registryPort)
                            .home(home)
                            .start());
            EmbeddedKafkaBroker broker;
            try {
                broker = EmbeddedKafkaBroker.builder(dataDir)
                        .port(kafkaPort)
                        .brokerProperties(brokerProperties)
                        .start();
            } catch (RuntimeException e) {
                // wait for the registry so that nothing is left running when this method throws
                registry.handle((running, failed) -> {
                            if (running != null) {
                                running.close();
                            }
                            return null;
                        })
                        .exceptionally(closeFailure -> {
                            e.addSuppressed(closeFailure);
                            return null;
                        })
                        .join();
                throw e;
            }
            ApicurioRegistryProcess runningRegistry;
            try {
                runningRegistry = registry.join();
            } catch (CompletionException e) {
                broker.close();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            LocalStack stack = new LocalStack(broker, runningRegistry, dataDir);
            log.info(
                    "Local stack ready in {} ms: Kafka at {} ({} ms), schema registry at {} ({} ms), data in {}",
                    stack.readySince(started).toMillis(),
                    broker.bootstrapServers(),
                    broker.readyTime().toMillis(),
                    runningRegistry.confluentApiUrl(),
                    runningRegistry.readyTime().toMillis(),
                    dataDir.toAbsolutePath());
            return stack;
        }
    }
}
