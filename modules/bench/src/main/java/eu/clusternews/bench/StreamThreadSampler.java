package eu.clusternews.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Where the app's stream threads were, every few milliseconds: the step of Kafka Streams' loop (poll, process,
 * punctuate, commit) and the innermost Kafka, RocksDB or clusternews frame, waiting or running (JFR samples only
 * threads that run Java code, so a thread blocked in a poll, a flush or a native call is not in its profile). Used
 * to say what the stream threads did while the news of the latency run's slowest moments waited.
 */
final class StreamThreadSampler implements AutoCloseable {

    private static final long PERIOD_NANOS = 5_000_000;
    private static final int DEPTH = 64;
    private static final String LOOP =
            "org.apache.kafka.streams.processor.internals.StreamThread.runOnceWithoutProcessingThreads";

    private record Sample(long wallMillis, String where) {}

    private final String streamThreadPrefix;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts sampling the threads named {@code <applicationId>-...-StreamThread-N}. */
    StreamThreadSampler(String applicationId) {
        this.streamThreadPrefix = applicationId + "-";
        this.thread = new Thread(this::run, "bench-stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] streamThreads = {};
        long next = System.nanoTime();
        long nextLookup = next;
        while (running) {
            // the stream threads looked up by name once a second, without stacks: taking every thread's stack
            // every 5 ms would stop the whole JVM, broker included, far more than the sample itself
            if (System.nanoTime() >= nextLookup) {
                streamThreads = streamThreadIds(threads);
                nextLookup += 1_000_000_000L;
            }
            for (ThreadInfo info : threads.getThreadInfo(streamThreads, DEPTH)) {
                if (info != null) {
                    Sample sample = new Sample(System.currentTimeMillis(), where(info));
                    synchronized (samples) {
                        samples.add(sample);
                    }
                }
            }
            next += PERIOD_NANOS;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    private long[] streamThreadIds(ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null
                        && info.getThreadName().startsWith(streamThreadPrefix)
                        && info.getThreadName().matches(".*-StreamThread-\\d+"))
                .mapToLong(ThreadInfo::getThreadId)
                .toArray();
    }

    /** "step: innermost frame (state)": the loop's step is the frame just inside the thread's run-once method. */
    private static String where(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        String step = "?";
        String leaf = null;
        for (int i = 0; i < stack.length; i++) {
            String frame = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (leaf == null
                    && (frame.startsWith("org.apache.kafka")
                            || frame.startsWith("org.rocksdb")
                            || frame.startsWith("eu.clusternews"))) {
                leaf = frame.substring(frame.lastIndexOf('.', frame.lastIndexOf('.') - 1) + 1);
            }
            if (frame.equals(LOOP) && i > 0) {
                step = stack[i - 1].getMethodName();
            }
        }
        return step + ": " + (leaf == null ? "?" : leaf) + " (" + info.getThreadState() + ")";
    }

    /**
     * What the stream threads did from {@code fromMillis} for {@code millis}: the most frequent places, with the time
     * they stand for.
     */
    String during(long fromMillis, long millis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.wallMillis() >= fromMillis && s.wallMillis() < fromMillis + millis) {
                    counts.merge(s.where(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(3)
                .map(e -> String.format(Locale.ROOT, "%s ~%d ms", e.getKey(), e.getValue() * PERIOD_NANOS / 1_000_000))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
