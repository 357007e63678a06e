package eu.clusternews.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the stream threads' time went: on a core, or ready to run but waiting for one (the run queue), as Linux counts
 * them per thread in {@code /proc/self/task/<tid>/schedstat}; the rest of a pass they were off the cores (waiting on
 * Kafka, a lock or a GC pause). On two cores shared with the broker, the GC and the JIT, the run queue is what the
 * other threads cost the stream thread. Kafka Streams' {@code blocked-time-ns-total} cannot say this: it adds the main
 * consumer's network time whichever thread spent it (the classic consumer's heartbeat thread, the new consumer's
 * background thread).
 *
 * <p>A Java thread's native id is not public in Java 17, so each stream thread is found among the tasks named like
 * it (the kernel keeps 15 characters of a name) as the one whose CPU time equals the thread's: both clocks are the
 * scheduler's.
 */
record StreamThreadTimes(long onCoreNanos, long runQueueNanos) {

    private static final int KERNEL_NAME_LENGTH = 15;

    StreamThreadTimes since(StreamThreadTimes earlier) {
        return new StreamThreadTimes(onCoreNanos - earlier.onCoreNanos, runQueueNanos - earlier.runQueueNanos);
    }

    /** Finds the stream threads' tasks once, then reads their times. */
    static final class Reader {
        private final Map<Long, Path> tasks;

        private Reader(Map<Long, Path> tasks) {
            this.tasks = tasks;
        }

        /**
         * The tasks of the live stream threads of the app whose threads are named {@code applicationIdPrefix...}, or
         * null where there is no {@code /proc/self/task} (not Linux) or a thread is not found.
         */
        static Reader of(String applicationIdPrefix) {
            Path root = Path.of("/proc/self/task");
            if (!Files.isDirectory(root)) {
                return null;
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Path> found = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null
                        || !info.getThreadName().startsWith(applicationIdPrefix)
                        || !info.getThreadName().contains("-StreamThread-")) {
                    continue;
                }
                String name = info.getThreadName();
                Path task = taskOf(
                        root,
                        name.substring(0, Math.min(KERNEL_NAME_LENGTH, name.length())),
                        threads.getThreadCpuTime(info.getThreadId()));
                if (task == null) {
                    return null;
                }
                found.put(info.getThreadId(), task);
            }
            return found.isEmpty() ? null : new Reader(found);
        }

        int threads() {
            return tasks.size();
        }

        /** The times the stream threads have had so far, summed; null if a thread ended. */
        StreamThreadTimes read() {
            long onCore = 0;
            long runQueue = 0;
            for (Path task : tasks.values()) {
                long[] stat = schedstat(task);
                if (stat == null) {
                    return null;
                }
                onCore += stat[0];
                runQueue += stat[1];
            }
            return new StreamThreadTimes(onCore, runQueue);
        }

        /** The task named {@code kernelName} whose CPU time is closest to {@code cpuNanos}. */
        private static Path taskOf(Path root, String kernelName, long cpuNanos) {
            Path best = null;
            long bestDistance = Long.MAX_VALUE;
            try (Stream<Path> all = Files.list(root)) {
                for (Path task : (Iterable<Path>) all::iterator) {
                    long[] stat = schedstat(task);
                    String comm;
                    try {
                        comm = Files.readString(task.resolve("comm")).strip();
                    } catch (IOException ended) {
                        continue;
                    }
                    if (stat == null || !comm.equals(kernelName)) {
                        continue;
                    }
                    long distance = Math.abs(stat[0] - cpuNanos);
                    if (distance < bestDistance) {
                        best = task;
                        bestDistance = distance;
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return best;
        }

        /** On a core and in the run queue so far, in nanoseconds; null if the task ended. */
        private static long[] schedstat(Path task) {
            try {
                String[] fields =
                        Files.readString(task.resolve("schedstat")).strip().split(" ");
                return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
            } catch (IOException | RuntimeException ended) {
                return null;
            }
        }
    }
}
