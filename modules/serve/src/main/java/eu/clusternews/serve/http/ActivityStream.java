package eu.clusternews.serve.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.query.ActivityQueries;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent events of {@code GET /api/stream}: on connect a {@code hello} event, then an
 * {@code activity} event per activity change, and a comment every 15 s so proxies keep the connection
 * open and dead clients are noticed.
 */
final class ActivityStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityStream.class);
    private static final long HEARTBEAT_SECONDS = 15;

    private final ObjectMapper json;
    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "clusternews-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final AutoCloseable subscription;

    ActivityStream(ActivityQueries queries, ObjectMapper json) {
        this.json = json;
        this.subscription = queries.onActivityChange(this::broadcast);
        heartbeat.scheduleAtFixedRate(this::keepAlive, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", toJson(Map.of("connectedAt", Instant.now().toString())));
    }

    int clientCount() {
        return clients.size();
    }

    private void broadcast(ActivityChange change) {
        String data = toJson(new Views.ActivityChangeView(change.entity().name().toLowerCase(java.util.Locale.ROOT),
                change.id(), view(change)));
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent("activity", data);
            }
        }
    }

    private static Object view(ActivityChange change) {
        if (change.activity() instanceof ClusterActivity cluster) {
            return Views.cluster(cluster);
        }
        if (change.activity() instanceof ConsortiumActivity consortium) {
            return Views.activity(consortium);
        }
        if (change.activity() instanceof ProgrammeActivity programme) {
            return Views.activity(programme);
        }
        throw new IllegalArgumentException("not an activity aggregate: " + change.activity().getClass().getName());
    }

    private void keepAlive() {
        for (SseClient client : clients) {
            try {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendComment("keep-alive");
                }
            } catch (RuntimeException e) {
                log.debug("dropping SSE client that failed a heartbeat", e);
                clients.remove(client);
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write SSE event as JSON", e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("closing the activity subscription failed", e);
        }
        for (SseClient client : clients) {
            client.close();
        }
        clients.clear();
    }
}
