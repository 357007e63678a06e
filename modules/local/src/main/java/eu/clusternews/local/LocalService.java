package eu.clusternews.local;

import java.time.Duration;

/**
 * What the pieces of the local stack share ({@link EmbeddedKafkaBroker}, {@link ApicurioRegistryProcess} and the
 * {@link LocalStack} of both): a builder starts them on 127.0.0.1 and waits until they answer, they know how long that
 * took, and closing stops them once; closing again does nothing.
 */
public abstract class LocalService implements AutoCloseable {

    private Duration readyTime;
    private boolean closed;

    /** Only the services of this package. */
    LocalService() {}

    /** How long it took from its builder's {@code start()} until it answered. */
    public Duration readyTime() {
        return readyTime;
    }

    /** Records the ready time: now, less the {@link System#nanoTime()} at which the start began. */
    final Duration readySince(long startedNanos) {
        readyTime = Duration.ofNanos(System.nanoTime() - startedNanos);
        return readyTime;
    }

    /** Stops the service the first time it is called (see {@link #stop()}); later calls return at once. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
    }

    /** Stops the service; {@link #close()} calls it once. */
    abstract void stop();
}
