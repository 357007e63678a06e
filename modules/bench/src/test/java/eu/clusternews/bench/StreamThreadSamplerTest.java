package eu.clusternews.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StreamThreadSamplerTest {

    @Test
    void saysWhereAThreadNamedLikeTheAppsStreamThreadWaitedAndIgnoresOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread streamThread = new Thread(() -> waitInAMethodOfOurs(release), "bench-app-1234-StreamThread-1");
        Thread other = new Thread(() -> waitElsewhere(release), "bench-other-1234-StreamThread-1");
        long from = System.currentTimeMillis();
        streamThread.start();
        other.start();
        String during;
        try (StreamThreadSampler sampler = new StreamThreadSampler("bench-app-1234")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                Thread.onSpinWait();
                during = sampler.during(from, 60_000);
            } while (!during.contains("waitInAMethodOfOurs") && System.nanoTime() < deadline);
        } finally {
            release.countDown();
            streamThread.join();
            other.join();
        }

        assertThat(during).contains("waitInAMethodOfOurs (WAITING)").doesNotContain("waitElsewhere");
    }

    private static void waitInAMethodOfOurs(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitElsewhere(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
