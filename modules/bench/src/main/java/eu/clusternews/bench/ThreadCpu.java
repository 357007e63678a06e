package eu.clusternews.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a pass's process CPU went, by kind of thread. The bench JVM holds the broker too, so on two cores the
 * pipeline's wall time depends on what the broker, the clients' I/O threads, the garbage collector and the JIT take
 * beside the stream thread: this is the profile that says how far a cheaper stream thread alone can move the
 * throughput ratio. Java threads are read through the {@link ThreadMXBean} (full names); the GC threads, which it does
 * not list, from {@code /proc/self/task} on Linux (elsewhere they stay in "other"); the JIT as its compiling time (the
 * JVM starts and ends compiler threads as work comes).
 */
final class ThreadCpu {

    /** The kinds of thread a pass's CPU is split into, in the order they are printed. */
    enum Kind {
        STREAM_THREADS("stream thread(s)"),
        CLIENT_IO("the clients' I/O threads"),
        BROKER_REQUEST_HANDLERS("broker request handlers"),
        BROKER_OTHER("broker's other threads"),
        GC("GC"),
        JIT("JIT compilers"),
        HARNESS("the bench's own threads"),
        OTHER("other (the JVM's, ended threads)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ is 100 on Linux

    private final Map<Long, Long> javaThreadNanos;
    private final Map<String, Long> gcThreadNanos;
    private final long processNanos;
    private final long compilationMillis;

    private ThreadCpu(
            Map<Long, Long> javaThreadNanos,
            Map<String, Long> gcThreadNanos,
            long processNanos,
            long compilationMillis) {
        this.javaThreadNanos = javaThreadNanos;
        this.gcThreadNanos = gcThreadNanos;
        this.processNanos = processNanos;
        this.compilationMillis = compilationMillis;
    }

    /** The CPU every thread has used so far. */
    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> java = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            java.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return new ThreadCpu(java, gcThreads(), CpuTime.processNanos(), CpuTime.compilationMillis());
    }

    /**
     * The CPU used since {@code start} by kind of thread (threads started meanwhile count from zero; what threads
     * that ended meanwhile used is in "other", as the process's CPU not found in a living thread).
     *
     * @param applicationIdPrefix the Streams app's stream threads are named {@code <application.id>-<uuid>-StreamThread-N}
     */
    Map<Kind, Long> since(ThreadCpu start, String applicationIdPrefix) {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, 0L);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids =
                javaThreadNanos.keySet().stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long found = 0;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            long used = javaThreadNanos.get(info.getThreadId())
                    - start.javaThreadNanos.getOrDefault(info.getThreadId(), 0L);
            byKind.merge(javaKind(info.getThreadName(), applicationIdPrefix), used, Long::sum);
            found += used;
        }
        for (Map.Entry<String, Long> thread : gcThreadNanos.entrySet()) {
            long used = thread.getValue() - start.gcThreadNanos.getOrDefault(thread.getKey(), 0L);
            byKind.merge(Kind.GC, used, Long::sum);
            found += used;
        }
        // the JVM starts and ends compiler threads as the work comes: their time compiling, not their CPU
        if (compilationMillis >= 0 && start.compilationMillis >= 0) {
            long compiling = (compilationMillis - start.compilationMillis) * 1_000_000;
            byKind.put(Kind.JIT, compiling);
            found += compiling;
        } else {
            byKind.remove(Kind.JIT); // this JVM does not say: their CPU is in "other"
        }
        long process = processNanos - start.processNanos;
        byKind.merge(Kind.OTHER, Math.max(0, process - found), Long::sum);
        return byKind;
    }

    /** One line: each kind's CPU-seconds and microseconds per event. */
    static String describe(Map<Kind, Long> byKind, long events) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Kind, Long> kind : byKind.entrySet()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "%s %.1f s (%.0f µs/event)",
                    kind.getKey().label,
                    kind.getValue() / 1e9,
                    kind.getValue() / 1e3 / Math.max(events, 1)));
        }
        return "  CPU by thread: " + String.join(", ", parts);
    }

    private static Kind javaKind(String name, String applicationIdPrefix) {
        if (name.startsWith(applicationIdPrefix) && name.contains("-StreamThread-")) {
            return Kind.STREAM_THREADS;
        }
        if (name.startsWith("kafka-producer-network-thread")
                || name.startsWith("kafka-coordinator-heartbeat-thread")
                || name.startsWith("consumer_background_thread")
                || name.contains("GlobalStreamThread")) {
            return Kind.CLIENT_IO;
        }
        if (name.startsWith("data-plane-kafka-request-handler")) {
            return Kind.BROKER_REQUEST_HANDLERS;
        }
        if (name.equals("main") || name.startsWith("bench-")) {
            return Kind.HARNESS;
        }
        // everything else in this JVM is the embedded broker's (network, coordinators, log, raft, schedulers)
        return Kind.BROKER_OTHER;
    }

    /**
     * The JVM's garbage collector threads (not Java threads), by {@code tid:comm}, from {@code /proc/self/task}: their
     * CPU (utime + stime). Empty where there is no such file system.
     */
    private static Map<String, Long> gcThreads() {
        Map<String, Long> found = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return found;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) all::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(open + 1, close);
                    if (!isGc(comm)) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state(0) ... utime(11) stime(12)
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    found.put(task.getFileName() + ":" + comm, ticks * NANOS_PER_TICK);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we listed: its CPU shows as "other"
                }
            }
        } catch (IOException unreadable) {
            return found;
        }
        return found;
    }

    private static boolean isGc(String comm) {
        return comm.startsWith("GC Thread") || comm.startsWith("G1 ");
    }
}
