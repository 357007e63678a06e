package eu.clusternews.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) running inside this JVM,
 * listening on 127.0.0.1 only, its data under {@code <dataDir>/kafka} so that a restart on the same data
 * directory keeps topics, offsets and the cluster id.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(Path.of("data")).port(9092).start()) {
 *     String bootstrap = broker.bootstrapServers(); // 127.0.0.1:9092
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker extends LocalService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private final Path kafkaDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, String clusterId, Path kafkaDir) {
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
        this.kafkaDir = kafkaDir;
    }

    /** Starts configuring a broker whose data lives under {@code <dataDir>/kafka}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client listener's port. */
    public int port() {
        return port;
    }

    /** The cluster id, kept in the data directory and reused on every restart. */
    public String clusterId() {
        return clusterId;
    }

    /** {@code <dataDir>/kafka}: the generated server.properties and the log directory. */
    public Path kafkaDir() {
        return kafkaDir;
    }

    /** Stops the broker cleanly (flushes logs, writes a clean-shutdown marker) and waits for it. */
    @Override
    void stop() {
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info(
                "Kafka broker on {} stopped in {} ms",
                bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The settings of a broker to start: port 9092 and 60 s to answer unless set otherwise. */
    public static final class Builder extends LocalServiceBuilder<Builder> {
        private int controllerPort;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private final Map<String, Object> adminClientProperties = new LinkedHashMap<>();
        private final List<String> scramCredentials = new ArrayList<>();

        private Builder(Path dataDir) {
            super(dataDir, 9092, Duration.ofSeconds(60));
        }

        /** The controller listener's port on 127.0.0.1 (default: a free one, picked at start). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** A broker property that wins over the defaults, e.g. SASL listeners or an authorizer. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** Broker properties that win over the defaults. */
        public Builder brokerProperties(Map<String, String> properties) {
            brokerProperties.putAll(properties);
            return this;
        }

        /**
         * A property for the admin client that checks readiness, e.g. SASL credentials when the client
         * listener needs them.
         */
        public Builder adminClientProperty(String key, Object value) {
            adminClientProperties.put(key, value);
            return this;
        }

        /** Properties for the admin client that checks readiness. */
        public Builder adminClientProperties(Map<String, ?> properties) {
            adminClientProperties.putAll(properties);
            return this;
        }

        /**
         * A SCRAM credential written into the metadata when the storage is formatted, in the storage tool's
         * syntax: {@code SCRAM-SHA-256=[name=admin,password=admin-secret]}. Only applies to a fresh data directory.
         */
        public Builder scramCredential(String credential) {
            scramCredentials.add(credential);
            return this;
        }

        /**
         * Formats the storage if it is new (reusing the stored cluster id otherwise), starts the broker
         * and waits until an admin client can describe the cluster.
         *
         * @throws PortInUseException when the port is taken
         * @throws IllegalStateException when the broker cannot be formatted, started or does not get ready in time
         */
        public EmbeddedKafkaBroker start() {
            long started = System.nanoTime();
            LoopbackPorts.requireFree(port, "the Kafka broker", "--kafka-port");
            int controller = controllerPort > 0 ? controllerPort : LoopbackPorts.pickFree();
            Path kafkaDir = dataDir.resolve("kafka").toAbsolutePath();
            Path logDir = kafkaDir.resolve("logs");
            Path propertiesFile = kafkaDir.resolve("server.properties");
            Map<String, String> properties = KraftBrokerProperties.of(logDir, port, controller, brokerProperties);
            createDirectories(logDir);
            writeProperties(propertiesFile, properties);

            String clusterId =
                    storedClusterId(logDir).orElseGet(() -> Uuid.randomUuid().toString());
            format(clusterId, propertiesFile);

            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
            try {
                server.startup();
                awaitReady(clusterId);
            } catch (RuntimeException e) {
                shutdownQuietly(server);
                throw new IllegalStateException(
                        "The Kafka broker on 127.0.0.1:" + port + " (data in " + kafkaDir + ") failed to start: "
                                + e.getMessage(),
                        e);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, port, clusterId, kafkaDir);
            log.info(
                    "Kafka broker ready on 127.0.0.1:{} (cluster {}, data in {}) in {} ms",
                    port,
                    clusterId,
                    kafkaDir,
                    broker.readySince(started).toMillis());
            return broker;
        }

        private void format(String clusterId, Path propertiesFile) {
            List<String> args = new ArrayList<>(
                    List.of("format", "-t", clusterId, "-c", propertiesFile.toString(), "--ignore-formatted"));
            for (String credential : scramCredentials) {
                args.add("--add-scram");
                args.add(credential);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exitCode;
            try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(args.toArray(String[]::new), out);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Formatting the Kafka storage with " + propertiesFile + " failed: " + e.getMessage() + " "
                                + output.toString(StandardCharsets.UTF_8).trim(),
                        e);
            }
            if (exitCode != 0) {
                throw new IllegalStateException(
                        "Formatting the Kafka storage with " + propertiesFile + " failed (exit code " + exitCode + "): "
                                + output.toString(StandardCharsets.UTF_8).trim());
            }
            log.debug(
                    "kafka-storage format: {}",
                    output.toString(StandardCharsets.UTF_8).trim());
        }

        private void awaitReady(String clusterId) {
            Map<String, Object> config = new LinkedHashMap<>(adminClientProperties);
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
            config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            try (Admin admin = Admin.create(config)) {
                ReadinessPoll.await(
                        "the broker",
                        readyTimeout,
                        () -> {
                            try {
                                String answered =
                                        admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                                if (admin.describeCluster()
                                        .nodes()
                                        .get(5, TimeUnit.SECONDS)
                                        .isEmpty()) {
                                    return "no node yet";
                                }
                                return clusterId.equals(answered) ? null : "it reported cluster " + answered;
                            } catch (ExecutionException | TimeoutException e) {
                                return "no answer: " + e.getMessage();
                            }
                        },
                        lastProblem -> "the broker did not report cluster " + clusterId + " within "
                                + readyTimeout.toSeconds() + " s (last: " + lastProblem + ")");
            }
        }
    }

    /** The cluster id recorded when the log directory was formatted, if it was. */
    static Optional<String> storedClusterId(Path logDir) {
        Path metaProperties = logDir.resolve("meta.properties");
        if (!Files.isRegularFile(metaProperties)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka cluster id from " + metaProperties, e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id")).filter(id -> !id.isBlank());
    }

    private static void writeProperties(Path file, Map<String, String> properties) {
        Properties p = new Properties();
        p.putAll(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by clusternews on every start; edit the code or pass broker properties instead");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka broker configuration " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dir, e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException suppressed) {
            log.debug("Shutting down a broker that failed to start also failed", suppressed);
        }
    }
}
