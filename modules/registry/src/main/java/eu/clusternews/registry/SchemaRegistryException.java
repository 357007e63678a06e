package eu.clusternews.registry;

/** Something went wrong talking to a schema registry; the subclasses say what a person can do about it. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;

    public SchemaRegistryException(String message) {
        this(message, -1, null);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    public SchemaRegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the registry answered with, or -1 when there was no answer. */
    public int status() {
        return status;
    }
}
