package eu.clusternews.pipeline.commit;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Commits soon when the stream thread has caught up with its input, and only every {@code commit.interval.ms} while it
 * is behind. A commit costs the same however few news it carries (every changed aggregate and event written back,
 * logged and sent, a producer flush, the transaction markers), so a thread working off a backlog does most work per
 * news with long intervals, and a thread that keeps up gives the lowest latency with short ones: Streams has one
 * interval for both. Here {@code commit.interval.ms} is the interval while catching up, and a wall-clock punctuation
 * every {@value #INTERVAL_CONFIG} asks for a commit whenever the thread's consumer has at most
 * {@value #MAX_LAG_CONFIG} records left to poll (about one poll's worth: the thread holds no backlog).
 *
 * <p>Every sub-topology schedules it in one processor, because under exactly-once v2 Streams commits all of a thread's
 * tasks together, but only at the request of a task that has something to commit. The request changes only
 * <em>when</em> Streams commits, never what: everything still joins the transaction of the commit it precedes.
 */
public final class CaughtUpCommits {

    /** How often a caught-up stream thread commits (ms); 0 turns caught-up commits off. */
    public static final String INTERVAL_CONFIG = "clusternews.caught.up.commit.interval.ms";

    /** At most this many records left to poll over the thread's partitions count as caught up. */
    public static final String MAX_LAG_CONFIG = "clusternews.caught.up.max.lag.records";

    public static final long DEFAULT_INTERVAL_MS = 100;
    public static final long DEFAULT_MAX_LAG = 1_000;

    /**
     * When a task of the calling stream thread last asked for a commit. Each task has its own punctuation, but one
     * request commits all of the thread's tasks, so the thread asks once per interval, not once per task.
     */
    private static final ThreadLocal<long[]> LAST_REQUEST_MS = ThreadLocal.withInitial(() -> new long[] {0});

    private final ProcessingContext context;
    private final long interval;
    private final long maxLag;
    /** The punctuation that asks for commits, scheduled only while the thread is caught up; else null. */
    private Cancellable punctuation;
    /** The task processed a record since it last asked for a commit. */
    private boolean uncommitted;
    /** When {@link #processed()} looks at the lag next while no punctuation is scheduled. */
    private long nextLagCheckMs;

    private CaughtUpCommits(ProcessingContext context, long interval, long maxLag) {
        this.context = context;
        this.interval = interval;
        this.maxLag = maxLag;
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
                longConfig(configs, MAX_LAG_CONFIG, DEFAULT_MAX_LAG));
    }

    /**
     * The task processed a record. While the thread is behind, no punctuation is scheduled, because every punctuation
     * costs the thread's processing loop (Streams marks the task to commit and shortens its batch); so this looks at
     * the lag once per interval and schedules the punctuation when the thread has caught up.
     */
    public void processed() {
        uncommitted = true;
        if (punctuation != null || interval == 0) {
            return;
        }
        long now = context.currentSystemTimeMs();
        if (now >= nextLagCheckMs) {
            nextLagCheckMs = now + interval;
            if (caughtUp(StreamThreadLag.ofCurrentThread())) {
                punctuation =
                        context.schedule(Duration.ofMillis(interval), PunctuationType.WALL_CLOCK_TIME, this::tick);
            }
        }
    }

    /**
     * Asks for a commit when the task has something to commit, the thread has not asked within the interval and it is
     * still caught up; cancels itself once the thread has fallen behind.
     */
    private void tick(long now) {
        long[] lastRequest = LAST_REQUEST_MS.get();
        if (!uncommitted || now - lastRequest[0] < interval) {
            return;
        }
        if (!caughtUp(StreamThreadLag.ofCurrentThread())) {
            punctuation.cancel();
            punctuation = null;
            return;
        }
        lastRequest[0] = now;
        uncommitted = false;
        context.commit();
    }

    /** Caught up: the lag is known and at most the configured records; an unknown lag leaves commits to the interval. */
    boolean caughtUp(OptionalLong lag) {
        return lag.isPresent() && lag.getAsLong() <= maxLag;
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
