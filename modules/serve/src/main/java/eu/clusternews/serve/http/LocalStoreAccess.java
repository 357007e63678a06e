package eu.clusternews.serve.http;

import eu.clusternews.serve.query.QueryResult;
import java.util.Set;

/**
 * What an instance serves to its peers on {@code /internal/v1/stores/...}: values of the store partitions
 * it owns, encoded by the implementation (Avro binary for the Kafka Streams one). The answers are local
 * only — an instance never forwards a peer's request again, so a routing disagreement during a rebalance
 * ends in 503, not in a loop.
 */
public interface LocalStoreAccess {

    /** The media type of the encoded answers. */
    String MEDIA_TYPE = "application/vnd.clusternews.avro-array";

    /** Store names peers may ask for. */
    Set<String> servedStores();

    /** The value under {@code key} if this instance owns its partition: an encoded list of 0 or 1 values. */
    QueryResult<byte[]> localGet(String store, String key);

    /** Every value in this instance's active partitions of the store, encoded. */
    QueryResult<byte[]> localAll(String store);
}
