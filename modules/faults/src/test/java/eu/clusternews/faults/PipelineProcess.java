package eu.clusternews.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The pipeline as its own process, exactly as users run it: {@code clusternews pipeline --bootstrap-servers ...
 * --schema-registry-url ... --application-id ... --state-dir ... --config FILE} (main class
 * {@code eu.clusternews.app.ClusterNews}, this JVM's classpath, so no packaging is needed). Each start is a new
 * process on the same state directory; the extra Kafka Streams properties go through {@code --config}.
 */
final class PipelineProcess {

    private static final List<String> JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final String applicationId;
    private final Path dir;
    private final Map<String, String> streamsProperties;
    private final int httpPort;
    private String httpHost = "127.0.0.1";
    private int starts;

    /**
     * @param dir               state directory, configuration file and process log live here
     * @param streamsProperties extra Kafka Streams properties (e.g. replication.factor)
     * @param httpPort          port of the HTTP API and /health/ready (on 127.0.0.1 unless {@link #onHttpHost}), or 0
     *                          for none
     */
    PipelineProcess(
            String bootstrapServers,
            String schemaRegistryUrl,
            String applicationId,
            Path dir,
            Map<String, String> streamsProperties,
            int httpPort) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.applicationId = applicationId;
        this.dir = dir;
        this.streamsProperties = new LinkedHashMap<>(streamsProperties);
        this.httpPort = httpPort;
    }

    /** The HTTP API on {@code httpHost} (another loopback address, such as 127.0.0.2, for a second "host"). */
    PipelineProcess onHttpHost(String httpHost) {
        this.httpHost = httpHost;
        return this;
    }

    /**
     * Static group membership ({@code group.instance.id}, KIP-345): a process restarted after {@code kill -9} takes
     * over its predecessor's place in the group at once. Without it the group waits for the dead member's session
     * to time out ({@code session.timeout.ms}, 45 s) before the new process gets any partition: measured here as a
     * 37 s stall after each restart.
     */
    static Map<String, String> staticMember(String instanceId) {
        return Map.of("group.instance.id", instanceId);
    }

    String applicationId() {
        return applicationId;
    }

    Path logFile() {
        return dir.resolve("pipeline.log");
    }

    /** Starts a new pipeline process on the state directory. */
    ChildJvm start() {
        Path config = dir.resolve("pipeline.properties");
        Properties properties = new Properties();
        properties.putAll(streamsProperties);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(config)) {
                properties.store(out, "Kafka Streams properties of the fault test's pipeline " + applicationId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        List<String> args = new ArrayList<>(List.of(
                "pipeline",
                "--bootstrap-servers",
                bootstrapServers,
                "--schema-registry-url",
                schemaRegistryUrl,
                "--application-id",
                applicationId,
                "--state-dir",
                dir.resolve("state").toAbsolutePath().toString(),
                "--http-host",
                httpHost,
                "--http-port",
                Integer.toString(httpPort),
                "--config",
                config.toAbsolutePath().toString()));
        starts++;
        return ChildJvm.start(
                applicationId + "#" + starts, "eu.clusternews.app.ClusterNews", args, JVM, Map.of(), logFile());
    }

    /** Whether the process answers {@code GET /health/ready} with 200: Kafka Streams is RUNNING. */
    boolean ready() {
        return status("/health/ready") == 200;
    }

    /** The status of {@code GET path} on the process's HTTP API; 0 when it does not answer within 2 s. */
    int status(String path) {
        if (httpPort == 0) {
            throw new IllegalStateException("The pipeline " + applicationId + " runs without its HTTP API");
        }
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(uri(path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The address of {@code path} on the process's HTTP API. */
    URI uri(String path) {
        return URI.create("http://" + httpHost + ":" + httpPort + path);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
}
