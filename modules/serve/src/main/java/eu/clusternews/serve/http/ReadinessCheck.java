package eu.clusternews.serve.http;

/**
 * Decides whether this instance should receive traffic ({@code /health/ready}). The application wires
 * "topics exist, Kafka Streams is RUNNING and the global stores are restored".
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** Ready or not, with a detail a person can act on ("Kafka Streams is REBALANCING"). */
    record Readiness(boolean ready, String detail) {
        public static Readiness ready(String detail) {
            return new Readiness(true, detail);
        }

        public static Readiness notReady(String detail) {
            return new Readiness(false, detail);
        }
    }

    Readiness check();

    /** Always ready: for tests and for a server over data that needs no warm-up. */
    static ReadinessCheck alwaysReady() {
        return () -> Readiness.ready("no readiness check configured");
    }
}
