package eu.clusternews.serve.http;

import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.query.ActivityQueries;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent events of {@code GET /api/stream}: on connect a {@code hello} event, then an
 * {@code activity} event per activity change, and a comment every 15 s so proxies keep the connection
 * open and dead clients are noticed.
 * <p>
 * Each client has its own bounded queue and sender thread: writing to a client that does not read blocks only that
 * client's sender, never the broadcast to the others. A client whose queue is full ({@value #QUEUE_CAPACITY} events
 * behind) is dropped; its browser reconnects (EventSource does) and reloads the current state.
 */
final class ActivityStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityStream.class);
    private static final long HEARTBEAT_SECONDS = 15;
    static final int QUEUE_CAPACITY = 256;

    /** An event or, with a null name, a comment. */
    private record Event(String name, String data) {}

    /** One connected client: its queue and the thread that writes the queue to it. */
    private final class Connection implements Runnable {
        private final SseClient client;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final Thread sender;
        private volatile boolean closed;

        Connection(SseClient client) {
            this.client = client;
            this.sender = new Thread(this, "clusternews-sse-client");
            sender.setDaemon(true);
        }

        /** Queues without waiting; false when the client is too far behind. */
        boolean offer(Event event) {
            return !closed && queue.offer(event);
        }

        @Override
        public void run() {
            try {
                while (!closed && !client.terminated()) {
                    Event event = queue.take();
                    if (event.name() == null) {
                        client.sendComment(event.data());
                    } else {
                        client.sendEvent(event.name(), event.data());
                    }
                }
            } catch (InterruptedException e) {
                // dropped or closing
            } catch (RuntimeException e) {
                log.debug("SSE client failed a write; dropping it", e);
            } finally {
                connections.remove(this);
                try {
                    client.close();
                } catch (RuntimeException e) {
                    log.debug("closing an SSE client failed", e);
                }
            }
        }

        /** Ends the sender (interrupting a blocked write) and so the connection. */
        void drop() {
            closed = true;
            connections.remove(this);
            sender.interrupt();
        }
    }

    private final ObjectMapper json;
    private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "clusternews-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final AutoCloseable subscription;

    ActivityStream(ActivityQueries queries, ObjectMapper json) {
        this.json = json;
        this.subscription = queries.onActivityChange(this::broadcast);
        heartbeat.scheduleAtFixedRate(
                () -> send(new Event(null, "keep-alive")), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        client.keepAlive();
        Connection connection = new Connection(client);
        client.onClose(connection::drop);
        connections.add(connection);
        connection.offer(
                new Event("hello", toJson(Map.of("connectedAt", Instant.now().toString()))));
        connection.sender.start();
    }

    int clientCount() {
        return connections.size();
    }

    private void broadcast(ActivityChange change) {
        String data = toJson(new Views.ActivityChangeView(
                change.entity().name().toLowerCase(java.util.Locale.ROOT), change.id(), view(change)));
        send(new Event("activity", data));
    }

    /** Queues the event for every client, dropping those too far behind; never waits for a client. */
    private void send(Event event) {
        for (Connection connection : connections) {
            if (!connection.offer(event)) {
                log.info(
                        "dropping an SSE client {} events behind (it does not read); it may reconnect", QUEUE_CAPACITY);
                connection.drop();
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
        throw new IllegalArgumentException(
                "not an activity aggregate: " + change.activity().getClass().getName());
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
        for (Connection connection : connections) {
            connection.drop();
        }
        connections.clear();
    }
}
