package eu.clusternews.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eu.clusternews.local.LoopbackPorts;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of {@code n} KRaft nodes, each a separate {@code kafka.Kafka server.properties} process with the
 * combined broker and controller roles, on 127.0.0.1 and free ports, all formatted with the same cluster id and
 * voting in one static controller quorum. Replication factor {@code n} and {@code min.insync.replicas = n - 1} for
 * every topic, including the offsets and transaction state topics. Nodes can be killed ({@code kill -9}) and
 * restarted on their data.
 */
final class KraftCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftCluster.class);
    private static final List<String> BROKER_JVM =
            List.of("-Xms128m", "-Xmx320m", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private final Path dir;
    private final String clusterId;
    private final int[] brokerPorts;
    private final int[] controllerPorts;
    private final ChildJvm[] nodes;

    private KraftCluster(Path dir, String clusterId, int[] brokerPorts, int[] controllerPorts) {
        this.dir = dir;
        this.clusterId = clusterId;
        this.brokerPorts = brokerPorts;
        this.controllerPorts = controllerPorts;
        this.nodes = new ChildJvm[brokerPorts.length];
    }

    /** Formats and starts {@code size} nodes under {@code dir} and waits until every one is a registered broker. */
    static KraftCluster start(Path dir, int size) {
        int[] brokerPorts = new int[size];
        int[] controllerPorts = new int[size];
        for (int i = 0; i < size; i++) {
            brokerPorts[i] = LoopbackPorts.pickFree();
            controllerPorts[i] = LoopbackPorts.pickFree();
        }
        KraftCluster cluster = new KraftCluster(dir, Uuid.randomUuid().toString(), brokerPorts, controllerPorts);
        long started = System.nanoTime();
        try {
            for (int node = 1; node <= size; node++) {
                cluster.format(node);
            }
            for (int node = 1; node <= size; node++) {
                cluster.startNode(node);
            }
            cluster.awaitBrokers(size, Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        log.info(
                "{}-node KRaft cluster {} ready at {} in {} ms",
                size,
                cluster.clusterId,
                cluster.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return cluster;
    }

    /** Every node's client listener. */
    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int port : brokerPorts) {
            servers.add("127.0.0.1:" + port);
        }
        return String.join(",", servers);
    }

    /** {@code kill -9} of one node's process. */
    void kill(int nodeId) {
        ChildJvm node = nodes[nodeId - 1];
        log.info("Killing broker {} ({})", nodeId, node);
        node.kill();
    }

    /** Starts a killed or stopped node again on its data. */
    void restart(int nodeId) {
        if (nodes[nodeId - 1] != null && nodes[nodeId - 1].isAlive()) {
            throw new IllegalStateException("Broker " + nodeId + " is still running (" + nodes[nodeId - 1] + ")");
        }
        startNode(nodeId);
    }

    /** Waits until {@code count} brokers are registered and unfenced. */
    void awaitBrokers(int count, Duration timeout) {
        try (Admin admin = admin()) {
            Awaitility.await("%d brokers registered in %s".formatted(count, bootstrapServers()))
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> admin.describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            >= count);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000));
    }

    private Path propertiesFile(int nodeId) {
        return dir.resolve("node-" + nodeId).resolve("server.properties");
    }

    private Map<String, String> properties(int nodeId) {
        int size = brokerPorts.length;
        String voters = java.util.stream.IntStream.rangeClosed(1, size)
                .mapToObj(id -> id + "@127.0.0.1:" + controllerPorts[id - 1])
                .collect(Collectors.joining(","));
        String replicas = Integer.toString(size);
        String minIsr = Integer.toString(Math.max(1, size - 1));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + brokerPorts[nodeId - 1] + ",CONTROLLER://127.0.0.1:"
                        + controllerPorts[nodeId - 1]);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[nodeId - 1]);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put(
                "log.dirs",
                dir.resolve("node-" + nodeId).resolve("logs").toAbsolutePath().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        // fewer internal partitions than the default 50: creating them is what makes the first group slow here
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a small machine: fewer threads than the defaults
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        return p;
    }

    private void format(int nodeId) {
        Path file = propertiesFile(nodeId);
        Properties properties = new Properties();
        properties.putAll(properties(nodeId));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "KRaft node " + nodeId + " of the fault tests' cluster " + clusterId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()}, out);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Formatting broker " + nodeId + " with " + file + " failed: " + e.getMessage() + " "
                            + output.toString(StandardCharsets.UTF_8),
                    e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting broker " + nodeId + " with " + file + " failed (exit "
                    + exitCode + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void startNode(int nodeId) {
        nodes[nodeId - 1] = ChildJvm.start(
                "broker-" + nodeId,
                "kafka.Kafka",
                List.of(propertiesFile(nodeId).toString()),
                BROKER_JVM,
                Map.of(),
                dir.resolve("node-" + nodeId).resolve("broker.log"));
    }

    /** Kills every node still running (the test is over; nothing to flush). */
    @Override
    public void close() {
        for (ChildJvm node : nodes) {
            if (node != null) {
                node.kill();
            }
        }
    }
}
