package eu.clusternews.app.setup;

/** Setting up a cluster failed; the message says what and where. */
public final class SetupException extends RuntimeException {
    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
