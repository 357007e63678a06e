package eu.clusternews.app.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.pipeline.PipelineRunner;
import eu.clusternews.serve.http.ClusterNewsServer;
import eu.clusternews.serve.http.ReadinessCheck.Readiness;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.streams.ActivityChangeFeed;
import eu.clusternews.serve.streams.ActivityChangeFeed.FeedTopic;
import eu.clusternews.serve.streams.StreamsActivityQueries;
import eu.clusternews.topics.ClientConfigs;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline process: the Kafka Streams topology and, unless disabled, the HTTP API and dashboard over its
 * state stores. Checks first that the topics exist, so a cluster nobody set up gets a clear message rather than a
 * stream thread dying on a missing topic.
 */
public final class PipelineService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PipelineService.class);

    /**
     * Where the HTTP API listens; null port disables it. {@code advertisedHost} is the host the other instances call
     * for interactive queries (null: see {@link AdvertisedHost}).
     */
    public record HttpSettings(String host, Integer port, String advertisedHost) {
        public HttpSettings(String host, Integer port) {
            this(host, port, null);
        }

        public boolean enabled() {
            return port != null;
        }
    }

    /**
     * How long {@code /health/live} answers 503 after the pipeline failed before the server closes: long enough for a
     * liveness probe or a load balancer to see the failure, well within the 30 s a supervisor is promised.
     */
    static final Duration FAILURE_NOTICE = Duration.ofSeconds(3);
    /** How long the close of a failed client may take before the process ends regardless. */
    static final Duration FAILED_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Standby replicas unless configured: a failed instance's partitions move to a peer that has their state. */
    static final String DEFAULT_STANDBY_REPLICAS = "1";

    private final PipelineRunner runner;
    private final java.util.concurrent.CountDownLatch running;
    /** Null when the HTTP API is disabled. */
    private final Serving serving;

    /** The HTTP API and the clients it runs beside Kafka Streams: the live-update feed and the dead-letter counter. */
    private record Serving(ClusterNewsServer server, ActivityChangeFeed feed, DeadLetterCount deadLetters) {
        void closeClients() {
            try {
                feed.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deadLetters.close();
        }
    }

    private PipelineService(PipelineRunner runner, java.util.concurrent.CountDownLatch running, Serving serving) {
        this.runner = runner;
        this.running = running;
        this.serving = serving;
    }

    /** Starts the topology and the HTTP server; returns once both are started (Streams may still be rebalancing). */
    public static PipelineService start(PipelineConfig baseConfig, HttpSettings http) {
        PipelineConfig config = baseConfig;
        if (http.enabled() && config.get("application.server") == null) {
            // this instance's address for interactive queries forwarded by the other instances: one they can reach
            String advertised = AdvertisedHost.ofThisMachine().resolve(http.host(), http.advertisedHost());
            config = config.with(Map.of(
                    "application.server",
                    (advertised.contains(":") && !advertised.startsWith("[") ? "[" + advertised + "]" : advertised)
                            + ":" + http.port()));
        }
        if (config.get("num.standby.replicas") == null) {
            config = config.with(Map.of("num.standby.replicas", DEFAULT_STANDBY_REPLICAS));
        }
        requireTopics(config);
        PipelineRunner runner = new PipelineRunner(config);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        runner.addStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        runner.start();
        if (!http.enabled()) {
            return new PipelineService(runner, running, null);
        }
        Map<String, Object> clientConfig = new HashMap<>(config.serdeConfig());
        ClusterNewsTopics topics = ClusterNewsTopics.from(config.serdeConfig());
        ActivityChangeFeed feed = new ActivityChangeFeed(
                clientConfig,
                List.of(
                        FeedTopic.of(
                                topics.clusterActivity().name(),
                                topics.clusterActivity().valueDeserializer(),
                                (ClusterActivity a) -> ActivityChange.of(a)),
                        FeedTopic.of(
                                topics.consortiumActivity().name(),
                                topics.consortiumActivity().valueDeserializer(),
                                (ConsortiumActivity a) -> ActivityChange.of(a)),
                        FeedTopic.of(
                                topics.programmeActivity().name(),
                                topics.programmeActivity().valueDeserializer(),
                                (ProgrammeActivity a) -> ActivityChange.of(a))));
        StreamsActivityQueries queries = new StreamsActivityQueries(
                runner.streams(), StreamsActivityQueries.selfFrom(config.streamsProperties()), storeNames(), feed);
        DeadLetterCount deadLetters = new DeadLetterCount(clientConfig);
        ClusterNewsServer server = ClusterNewsServer.builder(queries)
                .host(http.host())
                .port(http.port())
                .readiness(() -> readiness(runner.streams()))
                .liveness(() -> runner.alive()
                        ? Readiness.ready("Kafka Streams is " + runner.state())
                        : Readiness.notReady(runner.failure().getNow("Kafka Streams is " + runner.state())))
                .kafkaStreams(runner.streams())
                .deadLetterCount(deadLetters::get)
                .localStoreAccess(queries)
                .start();
        return new PipelineService(runner, running, new Serving(server, feed, deadLetters));
    }

    public static StreamsActivityQueries.StoreNames storeNames() {
        return StreamsActivityQueries.StoreNames.ofPipeline();
    }

    private static Readiness readiness(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        // RUNNING comes only after the global reference stores are restored
        return state == KafkaStreams.State.RUNNING
                ? Readiness.ready("Kafka Streams is RUNNING")
                : Readiness.notReady("Kafka Streams is " + state);
    }

    private static void requireTopics(PipelineConfig config) {
        Map<String, Object> adminConfig = ClientConfigs.admin(config.asMap());
        adminConfig.putIfAbsent("default.api.timeout.ms", 30_000);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> present = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> missing = new ArrayList<>();
            for (TopicSpec spec : TopicSpec.values()) {
                if (!present.contains(spec.topicName())) {
                    missing.add(spec.topicName());
                }
            }
            if (!missing.isEmpty()) {
                // a principal without DESCRIBE on a topic does not see it listed: say so rather than only "missing"
                throw new IllegalStateException(
                        "The Kafka cluster at " + config.bootstrapServers() + " lacks the topics "
                                + missing + ", or does not let "
                                + eu.clusternews.app.config.KafkaPrincipal.describe(adminConfig)
                                + " see them (ACLs: DESCRIBE, READ and WRITE on them); run `clusternews setup` against it first, or grant"
                                + " the ACLs.");
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot reach the Kafka cluster at " + config.bootstrapServers() + " to check its topics: "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the topics", e);
        }
    }

    /** Waits until Kafka Streams is RUNNING (global stores restored, tasks assigned); fails at once if it failed. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.await(100, TimeUnit.MILLISECONDS)) {
            if (runner.failure().isDone()) {
                throw new PipelineFailedException(runner.failure().join());
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        if (running.getCount() > 0) {
            throw new IllegalStateException("The pipeline did not reach RUNNING within " + timeout.toSeconds()
                    + " s (it is " + runner.state() + "); see the log above.");
        }
    }

    public PipelineRunner runner() {
        return runner;
    }

    /** The HTTP server, or null when disabled. */
    public ClusterNewsServer server() {
        return serving == null ? null : serving.server();
    }

    /** Blocks until the pipeline stops by itself (after an unrecoverable error). */
    public void awaitShutdown() throws InterruptedException {
        runner.awaitShutdown();
    }

    /** Completes with a plain reason when Kafka Streams stopped without being asked to: the process should end. */
    public java.util.concurrent.CompletableFuture<String> failure() {
        return runner.failure();
    }

    /** The pipeline stopped by itself and will not process again; the message says why, for a person. */
    public static final class PipelineFailedException extends IllegalStateException {
        public PipelineFailedException(String reason) {
            super(reason + (reason.endsWith(".") ? "" : ".")
                    + " Restart it (a supervisor should; see the README's \"Running in production\").");
        }
    }

    /** Ends the command: the failure as an exception when the pipeline failed (exit status 1), else nothing. */
    public void throwIfFailed() {
        if (runner.failure().isDone()) {
            throw new PipelineFailedException(runner.failure().join());
        }
    }

    @Override
    public void close() {
        if (runner.failure().isDone() && serving != null) {
            closeAfterFailure();
            return;
        }
        if (serving != null) {
            serving.server().close();
            serving.closeClients();
        }
        runner.close();
        log.info("Pipeline stopped");
    }

    /** Streams and clients first; the HTTP server last, so /health/live answers 503 for a while before the exit. */
    private void closeAfterFailure() {
        long failedAt = System.nanoTime();
        // bounded: a client stuck in PENDING_ERROR never finishes closing, and the process must end anyway
        runner.close(FAILED_CLOSE_TIMEOUT);
        serving.closeClients();
        long left = FAILURE_NOTICE.toNanos() - (System.nanoTime() - failedAt);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        serving.server().close();
        log.error("Pipeline stopped after a failure: {}", runner.failure().join());
    }
}
