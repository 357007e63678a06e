package eu.clusternews.serve.http;

import java.util.Map;
import java.util.Set;

import eu.clusternews.serve.query.QueryResult;

/**
 * What an instance serves to its peers on {@code /internal/v1/stores/...}: values of the store partitions
 * it owns, encoded by the implementation (Avro binary for the Kafka Streams one). The answers are local
 * only — an instance never forwards a peer's request again, so a routing disagreement during a rebalance
 * ends in 503, not in a loop. An instance asked for a key or partitions it does not own (any more) says so with
 * {@link NotOwnerException} (421 Misdirected Request), never with "not found" or a partial list.
 */
public interface LocalStoreAccess {

    /** The media type of the encoded answers. */
    String MEDIA_TYPE = "application/vnd.clusternews.avro-array";

    /** This instance is not the active owner of what it was asked for: the asker's metadata is stale. */
    final class NotOwnerException extends RuntimeException {
        public NotOwnerException(String message) {
            super(message);
        }
    }

    /** Store names peers may ask for. */
    Set<String> servedStores();

    /** The value under {@code key} if this instance owns its partition: an encoded list of 0 or 1 values. */
    QueryResult<byte[]> localGet(String store, String key);

    /** Every value in these partitions of the store, each of which this instance must own, encoded. */
    QueryResult<byte[]> localAll(String store, Set<Integer> partitions);

    /**
     * The top values of a selection described by {@code parameters} over these partitions (owned here), encoded;
     * at most the selection's limit of them.
     */
    QueryResult<byte[]> localSelect(String store, Set<Integer> partitions, Map<String, String> parameters);
}
