package eu.clusternews.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Memory of this process: the peak of used heap, sampled every 100 ms on a daemon thread while it runs, and the
 * resident set size from {@code /proc/self/status} (VmHWM, the kernel's own peak, and VmRSS now).
 */
final class ProcessMemory implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peakHeapBytes;
    private volatile boolean running = true;

    ProcessMemory() {
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peakHeapBytes) {
                peakHeapBytes = used;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakHeapBytes() {
        return Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
    }

    long maxHeapBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** VmHWM: the peak resident set size, in bytes; empty where /proc is not there. */
    static OptionalLong peakRssBytes() {
        return procStatus("VmHWM:");
    }

    /** VmRSS: the resident set size now, in bytes. */
    static OptionalLong rssBytes() {
        return procStatus("VmRSS:");
    }

    private static OptionalLong procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no RSS figure
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
