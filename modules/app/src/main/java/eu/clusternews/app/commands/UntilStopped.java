package eu.clusternews.app.commands;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command alive until the JVM is asked to stop (Ctrl-C, SIGTERM), and holds the JVM's
 * shutdown until the command has closed what it started. Open it first in try-with-resources so it closes last.
 */
final class UntilStopped implements AutoCloseable {

    private static final long CLEANUP_GRACE_SECONDS = 30;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "clusternews-stop");

    UntilStopped() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ends {@link #await()} also when {@code failure} completes (the work stopped by itself). */
    UntilStopped orUntil(java.util.concurrent.CompletableFuture<?> failure) {
        failure.whenComplete((value, error) -> stopRequested.countDown());
        return this;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        stopRequested.await();
        System.err.println("Stopping...");
    }

    private void onShutdown() {
        stopRequested.countDown();
        try {
            cleanedUp.await(CLEANUP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and now returns
        }
    }
}
