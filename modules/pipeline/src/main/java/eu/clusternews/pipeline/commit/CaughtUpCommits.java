package eu.clusternews.pipeline.commit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits soon when the stream thread has caught up with its input, and only every {@code commit.interval.ms} while it
 * is behind. A commit costs the same however few news it carries (every changed aggregate and event written back,
 * logged and sent, a producer flush, the transaction markers), so a thread working off a backlog does most work per
 * news with long intervals, and a thread that keeps up gives the lowest latency with short ones: Streams has one
 * interval for both. Here {@code commit.interval.ms} is the interval while catching up, and a wall-clock punctuation
 * every {@value #INTERVAL_CONFIG} asks for a commit once the thread has at most {@value #MAX_LAG_CONFIG} records
 * left to process (left to poll, or polled and held in its tasks' buffers; about one poll's worth: the thread holds no
 * backlog), until it has fallen {@value #BEHIND_FACTOR} times that far behind, or has stayed behind for a whole
 * {@code commit.interval.ms} (at least {@value #MIN_BEHIND_MS} ms): a thread that short commits keep from catching up
 * works off its backlog faster with long ones. A thread that will have worked off what it has left within two
 * intervals, at the pace of its last one, gets the punctuation before it has caught up, and asks once it has: the lag is
 * looked at when records are processed, so a thread that ran out of records between two looks would otherwise leave
 * the end of its backlog to {@code commit.interval.ms}.
 *
 * <p>The first processor of every input schedules it (validate; each aggregate and match-events in the core), because under exactly-once v2 Streams commits all of a thread's
 * tasks together, but only at the request of a task that has something to commit. The request changes only
 * <em>when</em> Streams commits, never what: everything still joins the transaction of the commit it precedes.
 */
public final class CaughtUpCommits {

    private static final Logger LOG = LoggerFactory.getLogger(CaughtUpCommits.class);

    /** How often a caught-up stream thread commits (ms); 0 turns caught-up commits off. */
    public static final String INTERVAL_CONFIG = "clusternews.caught.up.commit.interval.ms";

    /** At most this many records left to process over the thread's partitions count as caught up. */
    public static final String MAX_LAG_CONFIG = "clusternews.caught.up.max.lag.records";

    public static final long DEFAULT_INTERVAL_MS = 50;
    public static final long DEFAULT_MAX_LAG = 1_000;

    /** How many times the caught-up lag a caught-up thread must fall behind to go back to the long interval. */
    static final long BEHIND_FACTOR = 10;

    /** A caught-up thread still behind after this long (or {@code commit.interval.ms} if longer) goes back too. */
    static final long MIN_BEHIND_MS = 1_000;

    /** How many intervals of work, at the pace of the last, may be left for the punctuation to be scheduled. */
    static final long LANDING_LOOK_AHEAD = 2;

    /** A thread expected to catch up that has not after this many intervals goes back to the long one. */
    static final long LANDING_INTERVALS = 4;

    /**
     * The commits of the calling stream thread. Each task has its own punctuation, but one request commits all of the
     * thread's tasks, so the thread asks once per interval, counted like Streams counts {@code commit.interval.ms}:
     * from the end of the last commit, not its start (counted from the start, the thread committed nearly twice as
     * often and fell behind).
     */
    private static final ThreadLocal<ThreadCommits> THREAD_COMMITS = ThreadLocal.withInitial(ThreadCommits::new);

    private static final class ThreadCommits {
        /** When the last commit a task of this thread asked for was over, as first seen after it. */
        private long lastCommitEndMs;
        /** A task asked for a commit that this thread has not yet been seen to finish. */
        private boolean requested;
        /** The thread's {@code commit-total} when the request was made. */
        private double commitsAtRequest;
        /** When a request first found the thread behind (more than the caught-up lag left), or -1 while it is not. */
        private long behindSinceMs = -1;
        /** Records its tasks processed so far: how fast the thread works off what it has left. */
        private long processedRecords;
        /** Per partition its tasks processed, the offset after the last record processed (one element, written on). */
        private final Map<TopicPartition, long[]> nextToProcess = new HashMap<>();

        long nextToProcess(TopicPartition partition) {
            long[] next = nextToProcess.get(partition);
            return next == null ? -1 : next[0];
        }

        private Metric commitTotal;
        private boolean commitTotalLookedUp;

        /**
         * Called whenever a task of the thread runs: notes the end of the commit asked for, if Streams' count of the
         * thread's commits says it happened (a punctuation of another task can run between the request and the
         * commit). Without that metric (tests, another metrics setup), the first run after the request counts.
         */
        void runningAt(long now, ProcessingContext context) {
            if (requested && commits(context) != commitsAtRequest) {
                requested = false;
                lastCommitEndMs = now;
            }
        }

        boolean mayAskAt(long now, long interval) {
            return !requested && now - lastCommitEndMs >= interval;
        }

        void asked(ProcessingContext context) {
            requested = true;
            commitsAtRequest = commits(context);
        }

        /** The thread's commits so far; NaN when unknown, which never equals itself, so each run ends a request. */
        private double commits(ProcessingContext context) {
            if (!commitTotalLookedUp) {
                commitTotalLookedUp = true;
                String thread = Thread.currentThread().getName();
                for (Map.Entry<MetricName, ? extends Metric> metric :
                        context.metrics().metrics().entrySet()) {
                    MetricName name = metric.getKey();
                    if (COMMIT_TOTAL.equals(name.name())
                            && THREAD_METRICS.equals(name.group())
                            && thread.equals(name.tags().get(THREAD_ID_TAG))) {
                        commitTotal = metric.getValue();
                        break;
                    }
                }
            }
            return commitTotal != null && commitTotal.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    /** Kafka Streams' count of a stream thread's commits: group, name and tag of its thread-level metric. */
    private static final String THREAD_METRICS = "stream-thread-metrics";

    private static final String COMMIT_TOTAL = "commit-total";
    private static final String THREAD_ID_TAG = "thread-id";

    private final ProcessingContext context;
    private final long interval;
    private final long maxLag;
    /** How long a caught-up thread may stay behind before it goes back to the long interval. */
    private final long maxBehindMs;
    /** The punctuation that asks for commits, scheduled only while the thread is caught up; else null. */
    private Cancellable punctuation;
    /** The task processed a record since it last asked for a commit. */
    private boolean uncommitted;
    /** When {@link #processed()} looks at the lag next while no punctuation is scheduled. */
    private long nextLagCheckMs;
    /** When it last looked, and the thread's processed records then. */
    private long lastLagCheckMs = -1;

    private long processedAtLastLagCheck;
    /**
     * The punctuation was scheduled because the thread is about to have worked off what is left ({@link #landsWithin}),
     * not because it has: it asks only once the thread has caught up, and gives up at {@link #landingUntilMs}.
     */
    private boolean landing;

    private long landingUntilMs;
    /** While landing, when a record may look at the lag again (not at every record: it costs a look per partition). */
    private long nextLandingCheckMs;
    /** Topic → the thread's entry for the task's partition of it ({@link ThreadCommits#nextToProcess}). */
    private final Map<String, long[]> nextToProcessByTopic = new HashMap<>();

    private CaughtUpCommits(ProcessingContext context, long interval, long maxLag, long commitIntervalMs) {
        this.context = context;
        this.interval = interval;
        this.maxLag = maxLag;
        this.maxBehindMs = Math.max(MIN_BEHIND_MS, commitIntervalMs);
    }

    /**
     * The caught-up commits of the task of {@code context}; off when {@value #INTERVAL_CONFIG} is 0. Make it in the
     * {@code init} of the processor that reads the sub-topology's input and tell it of every record
     * ({@link #processed()}).
     */
    public static CaughtUpCommits of(ProcessingContext context) {
        Map<String, Object> configs = context.appConfigs();
        return new CaughtUpCommits(
                context,
                longConfig(configs, INTERVAL_CONFIG, DEFAULT_INTERVAL_MS),
                longConfig(configs, MAX_LAG_CONFIG, DEFAULT_MAX_LAG),
                longConfig(configs, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, MIN_BEHIND_MS));
    }

    /**
     * The task processed a record. While the thread is behind, no punctuation is scheduled, because every punctuation
     * costs the thread's processing loop (Streams marks the task to commit and shortens its batch); so this looks at
     * the lag once per interval and schedules the punctuation when the thread has caught up.
     */
    public void processed() {
        uncommitted = true;
        if (interval == 0) {
            return;
        }
        noteOffset();
        ThreadCommits thread = THREAD_COMMITS.get();
        thread.processedRecords++;
        long now = context.currentSystemTimeMs();
        if (punctuation != null) {
            // only caught-up tasks ask for commits; a backlog's records pay for nothing more than the clock read.
            // The record that finds the interval over asks at once: left to the punctuation, whose 50 ms grid has its
            // own phase, a commit came 25 ms late on average (a cycle of 94 ms where 50 + the commit's 16 were due)
            askIfDue(now);
            return;
        }
        if (now >= nextLagCheckMs) {
            nextLagCheckMs = now + interval;
            long processedSince = thread.processedRecords - processedAtLastLagCheck;
            long elapsed = now - lastLagCheckMs;
            boolean pace = lastLagCheckMs >= 0 && elapsed > 0;
            processedAtLastLagCheck = thread.processedRecords;
            lastLagCheckMs = now;
            OptionalLong lag = StreamThreadLag.ofCurrentThread(thread::nextToProcess);
            if (caughtUp(lag)) {
                LOG.debug(
                        "Task {} caught up ({} records left to process): commits every {} ms",
                        context.taskId(),
                        lag.getAsLong(),
                        interval);
                schedule(false, now);
                thread.behindSinceMs = -1;
            } else if (pace && landsWithin(lag, processedSince * interval / elapsed)) {
                // the punctuation must be there when the thread runs out of records: with none left to process, no
                // record looks at the lag again, and the end of a backlog waited for commit.interval.ms, the
                // aggregates one hop more (BENCHMARKS.md, session 38)
                LOG.debug(
                        "Task {} catching up ({} records left to process, {} processed in the last {} ms)",
                        context.taskId(),
                        lag.getAsLong(),
                        processedSince,
                        elapsed);
                schedule(true, now);
            }
        }
    }

    /**
     * Whether the thread, at the pace of its last interval, works off what it has left within two intervals. A look
     * comes once per interval, so the last look before the thread runs out finds at most one interval's work left; two
     * leave room for a slower pace.
     */
    private static boolean landsWithin(OptionalLong lag, long processedPerInterval) {
        return lag.isPresent() && lag.getAsLong() <= LANDING_LOOK_AHEAD * processedPerInterval;
    }

    private void schedule(boolean landing, long now) {
        this.landing = landing;
        landingUntilMs = now + LANDING_INTERVALS * interval;
        nextLandingCheckMs = now;
        punctuation = context.schedule(Duration.ofMillis(interval), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    /** Notes how far the task has processed the partition of the record being processed: its backlog's other end. */
    private void noteOffset() {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        if (metadata.isEmpty()) {
            return;
        }
        RecordMetadata record = metadata.get();
        long[] next = nextToProcessByTopic.get(record.topic());
        if (next == null) {
            next = THREAD_COMMITS
                    .get()
                    .nextToProcess
                    .computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new long[1]);
            nextToProcessByTopic.put(record.topic(), next);
        }
        next[0] = record.offset() + 1;
    }

    /** The punctuation: asks for a commit when one is due, for a task that has processed no record since it was. */
    private void tick(long now) {
        askIfDue(now);
    }

    /**
     * Asks for a commit when the task has something to commit, the thread's last commit ended at least an interval ago
     * and it has not fallen behind; cancels the punctuation once it has.
     */
    private void askIfDue(long now) {
        ThreadCommits thread = THREAD_COMMITS.get();
        thread.runningAt(now, context);
        if (!uncommitted || !thread.mayAskAt(now, interval)) {
            return;
        }
        if (landing) {
            if (now < nextLandingCheckMs) {
                return;
            }
            nextLandingCheckMs = now + Math.max(1, interval / 10);
            OptionalLong lag = StreamThreadLag.ofCurrentThread(thread::nextToProcess);
            if (!caughtUp(lag)) {
                if (now >= landingUntilMs) {
                    LOG.debug(
                            "Task {} still behind ({} records left to process): commits every commit.interval.ms",
                            context.taskId(),
                            lag.isPresent() ? lag.getAsLong() : -1);
                    cancel();
                }
                return;
            }
            landing = false;
            thread.behindSinceMs = -1;
        } else {
            OptionalLong lag = StreamThreadLag.ofCurrentThread(thread::nextToProcess);
            if (fallenBehind(lag, now, thread)) {
                LOG.debug(
                        "Task {} fell behind ({} records left to process): commits every commit.interval.ms",
                        context.taskId(),
                        lag.getAsLong());
                cancel();
                return;
            }
        }
        thread.asked(context);
        uncommitted = false;
        context.commit();
    }

    private void cancel() {
        punctuation.cancel();
        punctuation = null;
        landing = false;
    }

    /** Forgets what the calling thread's tasks asked (for tests that run several on one thread). */
    static void forgetThreadCommits() {
        THREAD_COMMITS.remove();
    }

    /** Caught up: the lag is known and at most the configured records; an unknown lag leaves commits to the interval. */
    boolean caughtUp(OptionalLong lag) {
        return lag.isPresent() && lag.getAsLong() <= maxLag;
    }

    /**
     * Behind again: more than {@value #BEHIND_FACTOR} times the caught-up lag left to process, or more than the
     * caught-up lag at every request for {@link #maxBehindMs}. The gap between the two lags keeps a stall of a
     * second (a collection, a slow broker) from switching a live pipeline to the long interval, which would make the
     * news of that second wait for it: with one threshold, 1 000 news/s had p95 1.8 s. The time limit catches a load
     * that short commits cannot keep up with but that stays under the higher lag.
     */
    private boolean fallenBehind(OptionalLong lag, long now, ThreadCommits thread) {
        if (lag.isEmpty() || lag.getAsLong() <= maxLag) {
            thread.behindSinceMs = -1;
            return false;
        }
        if (thread.behindSinceMs < 0) {
            thread.behindSinceMs = now; // the thread's, so every task of it goes back together
        }
        return lag.getAsLong() > BEHIND_FACTOR * maxLag || now - thread.behindSinceMs >= maxBehindMs;
    }

    /** Throws a {@link ConfigException} naming the setting when one of the two is not a whole number of 0 or more. */
    public static void checkConfig(Map<String, ?> configs) {
        longConfig(configs, INTERVAL_CONFIG, DEFAULT_INTERVAL_MS);
        longConfig(configs, MAX_LAG_CONFIG, DEFAULT_MAX_LAG);
    }

    private static long longConfig(Map<String, ?> configs, String name, long defaultValue) {
        Object value = configs.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.toString().trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException(name, value, "must be a whole number of 0 or more");
    }
}
