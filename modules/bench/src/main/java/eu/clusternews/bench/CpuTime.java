package eu.clusternews.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time, which — unlike wall time — does not count the time other processes took the cores away: on a shared
 * machine the figures per CPU-second say what the code costs, the figures per second what this machine gave.
 */
final class CpuTime {

    private CpuTime() {}

    /** CPU time of the whole process so far, nanoseconds (-1 where unknown). */
    static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Time the JIT compiler threads spent compiling so far, milliseconds (-1 where unknown): in one process with the
     * broker and the clients, what they compile during a pass takes its share of the two cores.
     */
    static long compilationMillis() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime()
                : -1;
    }
}
