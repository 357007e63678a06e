package eu.clusternews.serve.http;

import java.time.Duration;

import eu.clusternews.serve.query.QueryResult;

/**
 * Unwraps {@link QueryResult}s inside a request handler: "not found" and "unavailable" become exceptions
 * the server maps to 404 and 503 (with Retry-After), so a handler reads as the happy path.
 */
final class Answers {

    /** Ends the request with 404. */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    /** Ends the request with 503 and Retry-After. */
    static final class UnavailableException extends RuntimeException {
        final Duration retryAfter;

        UnavailableException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    private Answers() {}

    /** The value, or 404 / 503. */
    static <T> T require(QueryResult<T> result) {
        if (result instanceof QueryResult.Found<T> found) {
            return found.value();
        }
        if (result instanceof QueryResult.NotFound<T> notFound) {
            throw new NotFoundException(notFound.what());
        }
        throw unavailable(result);
    }

    /** The value, null when not found, or 503. */
    static <T> T optional(QueryResult<T> result) {
        if (result instanceof QueryResult.Found<T> found) {
            return found.value();
        }
        if (result instanceof QueryResult.NotFound<T>) {
            return null;
        }
        throw unavailable(result);
    }

    private static UnavailableException unavailable(QueryResult<?> result) {
        QueryResult.Unavailable<?> unavailable = (QueryResult.Unavailable<?>) result;
        return new UnavailableException(unavailable.reason(), unavailable.retryAfter());
    }
}
