package eu.clusternews.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ClusterNewsTopology} until closed: starts {@link KafkaStreams}, logs its state changes
 * and passes them to listeners (readiness checks), replaces a stream thread that died of an unexpected
 * exception a few times before shutting the client down, and closes cleanly with a timeout.
 *
 * <p>Typical use: {@code runner.start(); Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
 * runner.awaitShutdown();}
 */
public final class PipelineRunner implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Thread replacements after unexpected exceptions before the client shuts down. */
    public static final int DEFAULT_MAX_THREAD_REPLACEMENTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final PipelineConfig config;
    private final Topology topology;
    private final KafkaStreams streams;
    private final List<BiConsumer<KafkaStreams.State, KafkaStreams.State>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger replacementsLeft;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public PipelineRunner(PipelineConfig config) {
        this(config, new ClusterNewsTopology(config.serdeConfig()).build(config.streamsProperties()));
    }

    public PipelineRunner(PipelineConfig config, Topology topology) {
        this.config = Objects.requireNonNull(config, "config");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.replacementsLeft = new AtomicInteger(DEFAULT_MAX_THREAD_REPLACEMENTS);
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
        LOG.info("Starting pipeline {} against {} (registry {}), {}", config.applicationId(), config.bootstrapServers(),
                config.schemaRegistryUrl(), config.get("processing.guarantee"));
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
        LOG.info("Closing pipeline {} (waiting up to {})", config.applicationId(), timeout);
        // leave the group: the partitions move to the other instances at once, and `reprocess` does not have to
        // wait for a session timeout to see that no instance runs
        boolean clean = streams.close(org.apache.kafka.streams.CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.warn("Pipeline {} did not stop within {}; its state stores may need a restore on next start",
                    config.applicationId(), timeout);
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
        if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            stopped.countDown();
        }
    }

    private StreamThreadExceptionResponse onUncaughtException(Throwable exception) {
        if (replacementsLeft.getAndDecrement() > 0) {
            LOG.error("A stream thread of pipeline {} died; replacing it ({} more replacements allowed)",
                    config.applicationId(), Math.max(0, replacementsLeft.get()), exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("A stream thread of pipeline {} died again; shutting the client down", config.applicationId(), exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
