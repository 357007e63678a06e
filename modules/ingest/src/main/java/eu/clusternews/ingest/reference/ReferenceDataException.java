package eu.clusternews.ingest.reference;

/**
 * The reference data cannot be used: a file is missing, is not valid JSON, or states something
 * inconsistent. The message names the file and what is wrong, so a person can fix it.
 */
public class ReferenceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReferenceDataException(String message) {
        super(message);
    }

    public ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
