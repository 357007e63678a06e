package eu.clusternews.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import eu.clusternews.pipeline.commit.CaughtUpCommits;
import eu.clusternews.pipeline.state.ReferenceStoresOnDisk;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ClusterNewsTopology} until closed: starts {@link KafkaStreams}, logs its state changes
 * and passes them to listeners (readiness checks), replaces a stream thread that died of an unexpected
 * exception while a {@link ReplacementBudget} allows (a few per time window), else shuts the client down, and closes
 * cleanly with a timeout.
 *
 * <p>A client that stops by itself (ERROR, or NOT_RUNNING without {@link #close()}) never comes back: {@link #failure()}
 * completes with a plain reason, so the process can end with a non-zero status and its supervisor restart it.
 *
 * <p>Typical use: {@code runner.start(); Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
 * runner.awaitShutdown();}
 */
public final class PipelineRunner implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Thread replacements after unexpected exceptions allowed within {@link #DEFAULT_REPLACEMENT_WINDOW}. */
    public static final int DEFAULT_MAX_THREAD_REPLACEMENTS = 3;
    /**
     * The window of the replacement budget: a thread dying now and then over weeks (a broker hiccup) is replaced each
     * time, a thread dying over and over on the same record shuts the client down after a few tries.
     */
    public static final Duration DEFAULT_REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final PipelineConfig config;
    private final Topology topology;
    private final KafkaStreams streams;
    private final List<BiConsumer<KafkaStreams.State, KafkaStreams.State>> listeners = new CopyOnWriteArrayList<>();
    private final ReplacementBudget replacements;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicReference<Throwable> lastThreadDeath = new AtomicReference<>();
    private final AtomicBoolean budgetSpent = new AtomicBoolean();
    private final CompletableFuture<String> failure = new CompletableFuture<>();

    public PipelineRunner(PipelineConfig config) {
        this(config, new ClusterNewsTopology(config.serdeConfig()).build(config.streamsProperties()));
    }

    public PipelineRunner(PipelineConfig config, Topology topology) {
        this(
                config,
                topology,
                new ReplacementBudget(DEFAULT_MAX_THREAD_REPLACEMENTS, DEFAULT_REPLACEMENT_WINDOW, System::nanoTime));
    }

    public PipelineRunner(PipelineConfig config, Topology topology, ReplacementBudget replacements) {
        this.config = Objects.requireNonNull(config, "config");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.replacements = Objects.requireNonNull(replacements, "replacements");
        CaughtUpCommits.checkConfig(config.asMap());
        ReferenceStoresOnDisk.removeLeftovers(config.streamsProperties());
        this.streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setStateListener(this::onStateChange);
        streams.setUncaughtExceptionHandler(this::onUncaughtException);
    }

    /** Calls the listener on every state change (new state, old state); add before {@link #start()}. */
    public void addStateListener(BiConsumer<KafkaStreams.State, KafkaStreams.State> listener) {
        listeners.add(listener);
    }

    /** Starts processing; returns at once (the state goes REBALANCING, then RUNNING). */
    public void start() {
        LOG.info(
                "Starting pipeline {} against {} (registry {}), {}",
                config.applicationId(),
                config.bootstrapServers(),
                config.schemaRegistryUrl(),
                config.get("processing.guarantee"));
        LOG.debug("Pipeline configuration:\n{}\nTopology:\n{}", config, topology.describe());
        streams.start();
    }

    /** The running client, for interactive queries and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    public Topology topology() {
        return topology;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Completes, with a reason a person can read, when the client stopped without being asked to (ERROR, or
     * NOT_RUNNING before {@link #close()}): it will not process again, the process should end.
     */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /** False once the client has failed or is failing (PENDING_ERROR, ERROR, NOT_RUNNING not asked for). */
    public boolean alive() {
        KafkaStreams.State state = streams.state();
        if (failure.isDone() || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.ERROR) {
            return false;
        }
        return closeRequested.get() || state != KafkaStreams.State.NOT_RUNNING;
    }

    /** Blocks until the client has stopped (closed, or shut down after an error). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Blocks at most {@code timeout} until the client has stopped; true when it has. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** Stops processing, commits and releases the state stores; true when it finished within the timeout. */
    public boolean close(Duration timeout) {
        closeRequested.set(true);
        LOG.info("Closing pipeline {} (waiting up to {})", config.applicationId(), timeout);
        // leave the group: the partitions move to the other instances at once, and `reprocess` does not have to
        // wait for a session timeout to see that no instance runs
        boolean clean = streams.close(org.apache.kafka.streams.CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.warn(
                    "Pipeline {} did not stop within {}; its state stores may need a restore on next start",
                    config.applicationId(),
                    timeout);
        }
        stopped.countDown();
        return clean;
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.info("Pipeline {} state {} -> {}", config.applicationId(), oldState, newState);
        for (BiConsumer<KafkaStreams.State, KafkaStreams.State> listener : listeners) {
            try {
                listener.accept(newState, oldState);
            } catch (RuntimeException e) {
                LOG.warn("State listener failed on {} -> {}", oldState, newState, e);
            }
        }
        // PENDING_ERROR counts: the client is shutting down for good, and may hang there (a producer thread that died
        // keeps it from reaching ERROR), so waiting for ERROR could wait forever
        boolean unasked = newState == KafkaStreams.State.PENDING_ERROR
                || newState == KafkaStreams.State.ERROR
                || (newState == KafkaStreams.State.NOT_RUNNING && !closeRequested.get());
        if (unasked) {
            failure.complete(failureReason(newState));
        }
        if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            stopped.countDown();
        }
    }

    private String failureReason(KafkaStreams.State state) {
        Throwable death = lastThreadDeath.get();
        if (budgetSpent.get() && death != null) {
            return "The pipeline " + config.applicationId() + " stopped: a stream thread died "
                    + (replacements.max() + 1)
                    + " times within " + replacements.window().toMinutes() + " minutes, the last time of "
                    + rootMessage(death);
        }
        return "The pipeline " + config.applicationId() + " stopped: Kafka Streams went " + state
                + " without being asked to stop"
                + (death == null ? "" : "; a stream thread died of " + rootMessage(death));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private StreamThreadExceptionResponse onUncaughtException(Throwable exception) {
        lastThreadDeath.set(exception);
        if (replacements.tryAcquire()) {
            LOG.error(
                    "A stream thread of pipeline {} died; replacing it ({} replacements allowed per {} min)",
                    config.applicationId(),
                    replacements.max(),
                    replacements.window().toMinutes(),
                    exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        budgetSpent.set(true);
        LOG.error(
                "A stream thread of pipeline {} died again, the {}th time within {} min; shutting the client down",
                config.applicationId(),
                replacements.max() + 1,
                replacements.window().toMinutes(),
                exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /**
     * At most {@code max} thread replacements within any {@code window}: a sliding window over the times of the
     * replacements granted, so the budget refills as old deaths age out rather than running out over a long life.
     */
    public static final class ReplacementBudget {
        private final int max;
        private final Duration window;
        private final LongSupplier nanoClock;
        private final Deque<Long> granted = new ArrayDeque<>();

        /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}) */
        public ReplacementBudget(int max, Duration window, LongSupplier nanoClock) {
            if (max < 0 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException(
                        "need max >= 0 and a positive window, got " + max + " per " + window);
            }
            this.max = max;
            this.window = window;
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        }

        /** True (and counted) when one more replacement fits in the window ending now. */
        public synchronized boolean tryAcquire() {
            long now = nanoClock.getAsLong();
            while (!granted.isEmpty() && now - granted.peekFirst() >= window.toNanos()) {
                granted.removeFirst();
            }
            if (granted.size() >= max) {
                return false;
            }
            granted.addLast(now);
            return true;
        }

        public int max() {
            return max;
        }

        public Duration window() {
            return window;
        }
    }
}
