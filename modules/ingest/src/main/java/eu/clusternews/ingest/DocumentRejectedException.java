package eu.clusternews.ingest;

/**
 * A document that cannot be read or has nothing to extract (binary content, no text, a broken feed, a
 * malformed JSON line). It names the source and the reason; nothing of the document is published.
 */
public class DocumentRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String reason;

    public DocumentRejectedException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
    }

    public DocumentRejectedException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    /** Where the document came from (path as given, path:line for JSON lines, feed#entry). */
    public String source() {
        return source;
    }

    /** Why it was rejected, for a person. */
    public String reason() {
        return reason;
    }
}
