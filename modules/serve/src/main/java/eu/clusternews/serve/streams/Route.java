package eu.clusternews.serve.streams;

import org.apache.kafka.streams.state.HostInfo;

/** Where a key's query must be answered: here, at a peer, or nowhere right now. */
public sealed interface Route {

    /** The partition of a single instance that does not know its partitions: read them all. */
    int ANY_PARTITION = -1;

    /** This instance owns the key's active partition {@code partition}. */
    record Local(int partition) implements Route {}

    /** The peer at {@code host} (its {@code application.server}) owns it. */
    record Remote(HostInfo host) implements Route {}

    /** No instance can answer now (rebalancing, metadata not yet known); the reason is for the 503 body. */
    record Unavailable(String reason) implements Route {}
}
