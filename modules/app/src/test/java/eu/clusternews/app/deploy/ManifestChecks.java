package eu.clusternews.app.deploy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import eu.clusternews.serve.http.ClusterNewsServer;
import eu.clusternews.serve.query.ActivityQueries;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The real HTTP server, on a free loopback port, to check the paths and metric names the deployment files use:
 * its queries are never asked (only health and metrics are), and its Kafka Streams instance is created, not started,
 * so that the Kafka Streams meters exist as they do in a running pipeline.
 */
final class ManifestChecks {

    private static ClusterNewsServer server;
    private static KafkaStreams streams;

    private ManifestChecks() {}

    static synchronized ClusterNewsServer server() {
        if (server == null) {
            ActivityQueries unused = (ActivityQueries) Proxy.newProxyInstance(
                    ActivityQueries.class.getClassLoader(),
                    new Class<?>[] {ActivityQueries.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("onActivityChange")) {
                            return (AutoCloseable) () -> {};
                        }
                        throw new UnsupportedOperationException(method.getName() + " is not asked by these checks");
                    });
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("in").to("out");
            Properties props = new Properties();
            props.put("application.id", "manifest-checks");
            props.put("bootstrap.servers", "127.0.0.1:1");
            props.put(
                    "state.dir",
                    System.getProperty("java.io.tmpdir") + "/manifest-checks-"
                            + ProcessHandle.current().pid());
            props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.ByteArraySerde.class.getName());
            props.put(
                    "default.value.serde", org.apache.kafka.common.serialization.Serdes.ByteArraySerde.class.getName());
            streams = new KafkaStreams(builder.build(), props);
            server = ClusterNewsServer.builder(unused)
                    .host("127.0.0.1")
                    .port(0)
                    .kafkaStreams(streams)
                    .deadLetterCount(() -> 0L)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                streams.close(Duration.ZERO);
            }));
        }
        return server;
    }

    static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server().uri().resolve(URI.create(path)))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server has a route at this path (any answer but 404). */
    static boolean serverAnswers(String path) {
        return get(path).statusCode() != 404;
    }

    /** What /metrics shows. */
    static String metrics() {
        get("/health/live"); // one request, so the HTTP timer has a series
        return get("/metrics").body();
    }
}
