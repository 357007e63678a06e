package eu.clusternews.serve.http;

/** A request the API refuses with 400; the message tells the caller what to change. */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
