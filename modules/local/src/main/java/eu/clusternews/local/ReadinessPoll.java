package eu.clusternews.local;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** The wait the broker and the registry share after they start: ask every 100 ms until they answer, or time out. */
final class ReadinessPoll {

    /** One question to the service that started. */
    @FunctionalInterface
    interface Probe {
        /**
         * @return null when the service is ready, else what it answered instead (quoted if time runs out)
         * @throws IllegalStateException to give up at once (the process exited, say)
         */
        String problem() throws InterruptedException;
    }

    private static final long INTERVAL_MILLIS = 100;

    private ReadinessPoll() {}

    /**
     * Asks {@code probe} until it reports ready.
     *
     * @param what           the service, for the message when the wait is interrupted ("the broker")
     * @param timeoutMessage the message of the exception after {@code timeout}, from the last problem
     * @throws IllegalStateException after {@code timeout}, on interruption, or as the probe threw it
     */
    static void await(String what, Duration timeout, Probe probe, UnaryOperator<String> timeoutMessage) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String problem = probe.problem();
                if (problem == null) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(timeoutMessage.apply(problem));
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }
}
