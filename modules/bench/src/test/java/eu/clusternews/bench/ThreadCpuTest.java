package eu.clusternews.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final long BURNED_NANOS = Duration.ofMillis(80).toNanos();

    @Test
    void countsAThreadNamedLikeTheAppsStreamThreadAsStreamThreadAndTheBenchsOwnAsTheBenchs() throws Exception {
        ThreadCpu start = ThreadCpu.now();
        CountDownLatch burned = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = List.of(
                burning("bench-app-1234-StreamThread-1", burned, release),
                burning("bench-latency-producer", burned, release));
        try {
            assertThat(burned.await(30, TimeUnit.SECONDS)).isTrue();
            // measured while both threads live: the CPU of ended threads is no longer theirs to read
            Map<ThreadCpu.Kind, Long> byKind = ThreadCpu.now().since(start, "bench-app-");

            assertThat(byKind.get(ThreadCpu.Kind.STREAM_THREADS)).isGreaterThanOrEqualTo(BURNED_NANOS);
            assertThat(byKind.get(ThreadCpu.Kind.HARNESS)).isGreaterThanOrEqualTo(BURNED_NANOS);
            assertThat(byKind.values()).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
            assertThat(ThreadCpu.describe(byKind, 1000))
                    .startsWith("  CPU by thread: stream thread(s) ")
                    .contains("the bench's own threads", "GC", "JIT compilers");
        } finally {
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** A thread of that name that uses {@link #BURNED_NANOS} of CPU, says so, and lives until released. */
    private static Thread burning(String name, CountDownLatch burned, CountDownLatch release) {
        Thread thread = new Thread(
                () -> {
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    long x = 0;
                    while (threads.getCurrentThreadCpuTime() < BURNED_NANOS) {
                        for (int i = 0; i < 100_000; i++) {
                            x += i * 31L ^ x;
                        }
                    }
                    burned.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (x == 42) { // keeps the loop from being optimised away
                        System.out.print("");
                    }
                },
                name);
        thread.start();
        return thread;
    }
}
