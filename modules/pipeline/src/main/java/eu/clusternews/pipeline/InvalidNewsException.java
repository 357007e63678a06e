package eu.clusternews.pipeline;

/**
 * A cluster-news record the pipeline cannot use (undecodable bytes, unknown schema id, missing
 * required fields, a null value, a key that is not the news id). {@link DeadLetterHandler} sends its
 * original bytes to the dead-letter topic with this message as the reason, and the stream goes on.
 */
public class InvalidNewsException extends RuntimeException {

    public InvalidNewsException(String reason) {
        super(reason);
    }

    public InvalidNewsException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
