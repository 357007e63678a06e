package eu.clusternews.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityStreamBackpressureTest {

    /** Changes of about 64 KB each: 20 MB, more than the stuck client's socket buffers and queue hold. */
    private static final int BIG_CHANGES = 320;

    private static final String BIG_NAME_PART = "xxxxxxxxxxxxxxxx";

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
        AtomicInteger bigReceived = new AtomicInteger();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(server.uri() + "api/stream"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> healthy =
                HttpClient.newHttpClient().sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
        healthy.thenAccept(r -> r.body().forEach(line -> {
            if (line.contains(BIG_NAME_PART)) {
                bigReceived.incrementAndGet();
            } else if (line.contains("org:last-change")) {
                lines.add(line);
            }
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.liveClientCount() == 2);

        // 20 MB of changes (each about 64 KB): far more than the stuck client's socket buffers and queue hold
        ClusterActivity bnpt = queries.storedCluster("org:bnpt");
        ClusterActivity big = ClusterActivity.newBuilder(bnpt)
                .setName(BIG_NAME_PART.repeat(64 * 1024 / BIG_NAME_PART.length()))
                .build();
        AtomicInteger published = new AtomicInteger();
        publisher = new Thread(
                () -> {
                    for (int i = 0; i < BIG_CHANGES; i++) {
                        // never more than half a queue ahead of the reading client: it keeps up, as a reading
                        // browser does, while the stuck one falls behind by every change and is dropped
                        long deadline =
                                System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        while (i - bigReceived.get() > ActivityStream.QUEUE_CAPACITY / 2
                                && System.nanoTime() < deadline) {
                            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
                        }
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
                .until(() -> published.get() == BIG_CHANGES + 1);
        await("the reading client receives the last change")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !lines.isEmpty());
        assertThat(bigReceived.get())
                .as("the reading client received every change")
                .isEqualTo(BIG_CHANGES);
        await("the stuck client dropped").atMost(Duration.ofSeconds(10)).until(() -> server.liveClientCount() == 1);
    }
}
