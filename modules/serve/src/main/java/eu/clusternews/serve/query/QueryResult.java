package eu.clusternews.serve.query;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The answer to a query: a value, "no such id", or "cannot answer right now".
 * {@link Unavailable} exists so that a rebalance or a store still restoring is never mistaken for an
 * unknown id (404) or presented as a complete answer: the HTTP layer turns it into 503 with Retry-After.
 *
 * @param <T> the value type
 */
public sealed interface QueryResult<T> {

    /** The value was found. */
    record Found<T>(T value) implements QueryResult<T> {
        public Found {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The stores are answering and they do not know this id. */
    record NotFound<T>(String what) implements QueryResult<T> {}

    /** The stores cannot answer now (rebalancing, restoring, an owner unreachable); ask again after {@code retryAfter}. */
    record Unavailable<T>(String reason, Duration retryAfter) implements QueryResult<T> {}

    /** The default wait suggested to clients when the stores are not ready. */
    Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    static <T> QueryResult<T> found(T value) {
        return new Found<>(value);
    }

    static <T> QueryResult<T> notFound(String what) {
        return new NotFound<>(what);
    }

    static <T> QueryResult<T> unavailable(String reason) {
        return new Unavailable<>(reason, DEFAULT_RETRY_AFTER);
    }

    /** Transforms a found value; "not found" and "unavailable" pass through unchanged. */
    default <R> QueryResult<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Found<T> found) {
            return new Found<>(mapper.apply(found.value()));
        }
        if (this instanceof NotFound<T> notFound) {
            return new NotFound<>(notFound.what());
        }
        Unavailable<T> unavailable = (Unavailable<T>) this;
        return new Unavailable<>(unavailable.reason(), unavailable.retryAfter());
    }
}
