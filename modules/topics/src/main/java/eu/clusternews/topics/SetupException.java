package eu.clusternews.topics;

/** Setting up a cluster (topics, schemas, reference data) failed; the message says what and where. */
public final class SetupException extends RuntimeException {
    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
