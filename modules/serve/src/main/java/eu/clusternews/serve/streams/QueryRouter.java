package eu.clusternews.serve.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Decides where a store query is answered. Only a RUNNING instance answers: while Kafka Streams is
 * REBALANCING (or starting, or failed) ownership is in flux and any answer might be stale or partial.
 * <p>
 * {@code self} is this instance's {@code application.server}; {@link HostInfo#unavailable()} means a single
 * instance without one, which owns everything it has (Kafka Streams then reports no other hosts).
 */
public final class QueryRouter {

    /** The instances to ask for a whole store. */
    public sealed interface Plan {
        /** Ask this instance ({@code includesSelf}) and these peers, and merge. */
        record Gather(boolean includesSelf, List<HostInfo> peers) implements Plan {
        }

        /** Cannot gather a complete answer now. */
        record Unavailable(String reason) implements Plan {
        }
    }

    private final StreamsMetadataSource metadata;
    private final HostInfo self;

    public QueryRouter(StreamsMetadataSource metadata, HostInfo self) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.self = Objects.requireNonNull(self, "self");
    }

    public HostInfo self() {
        return self;
    }

    /** Where the query for {@code key} in {@code store} is answered. */
    public Route routeKey(String store, String key) {
        KafkaStreams.State state = metadata.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Route.Unavailable("Kafka Streams is " + state + "; stores are not queryable now");
        }
        if (isSingleInstance()) {
            return new Route.Local();
        }
        KeyQueryMetadata owner = metadata.queryMetadataForKey(store, key);
        if (owner == null) {
            return new Route.Unavailable("store '" + store + "' is not known to this instance's topology");
        }
        if (owner == KeyQueryMetadata.NOT_AVAILABLE || owner.activeHost() == null
                || owner.activeHost().equals(HostInfo.unavailable())) {
            return new Route.Unavailable("the owner of '" + key + "' in store '" + store + "' is not known yet (rebalancing)");
        }
        return owner.activeHost().equals(self) ? new Route.Local() : new Route.Remote(owner.activeHost());
    }

    /** The instances that together hold every partition of {@code store}. */
    public Plan planAll(String store) {
        KafkaStreams.State state = metadata.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Plan.Unavailable("Kafka Streams is " + state + "; stores are not queryable now");
        }
        if (isSingleInstance()) {
            return new Plan.Gather(true, List.of());
        }
        Collection<HostInfo> hosts = metadata.hostsForStore(store);
        if (hosts.isEmpty()) {
            return new Plan.Unavailable("no instance reports partitions of store '" + store + "' yet (rebalancing)");
        }
        Set<HostInfo> distinct = new LinkedHashSet<>(hosts);
        boolean includesSelf = distinct.remove(self);
        return new Plan.Gather(includesSelf, new ArrayList<>(distinct));
    }

    private boolean isSingleInstance() {
        return self.equals(HostInfo.unavailable());
    }
}
