package eu.clusternews.serve.http;

import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityStreamBackpressureTest {

    private InMemoryActivityQueries queries;
    private ClusterNewsServer server;
    private Socket stuck;
    private Thread publisher;

    @BeforeEach
    void startServer() {
        queries = SeedData.load(new InMemoryActivityQueries());
        server = ClusterNewsServer.builder(queries).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.interrupt();
        }
        if (stuck != null) {
            stuck.close();
        }
        server.close();
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheOthersKeepReceivingEveryChange() throws Exception {
        // a client that subscribes and then never reads: its socket buffers fill, then writes to it block
        stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        stuck.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream request = stuck.getOutputStream();
        request.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.flush();

        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(server.uri() + "api/stream"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> healthy =
                HttpClient.newHttpClient().sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
        healthy.thenAccept(
                r -> r.body().filter(l -> l.contains("org:last-change")).forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.liveClientCount() == 2);

        // 20 MB of changes (each about 64 KB): far more than the stuck client's socket buffers hold
        ClusterActivity bnpt = queries.storedCluster("org:bnpt");
        ClusterActivity big =
                ClusterActivity.newBuilder(bnpt).setName("x".repeat(64 * 1024)).build();
        AtomicInteger published = new AtomicInteger();
        publisher = new Thread(
                () -> {
                    for (int i = 0; i < 320; i++) {
                        queries.change(big);
                        published.incrementAndGet();
                    }
                    queries.change(ClusterActivity.newBuilder(bnpt)
                            .setClusterId("org:last-change")
                            .build());
                    published.incrementAndGet();
                },
                "test-publisher");
        publisher.setDaemon(true);
        publisher.start();

        await("every change broadcast without waiting for the stuck client")
                .atMost(Duration.ofSeconds(30))
                .until(() -> published.get() == 321);
        await("the reading client receives the last change")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !lines.isEmpty());
        await("the stuck client dropped").atMost(Duration.ofSeconds(10)).until(() -> server.liveClientCount() == 1);
    }
}
