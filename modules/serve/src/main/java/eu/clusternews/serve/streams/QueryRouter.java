package eu.clusternews.serve.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Decides where a store query is answered. Only a RUNNING instance answers: while Kafka Streams is
 * REBALANCING (or starting, or failed) ownership is in flux and any answer might be stale or partial.
 * Only active tasks answer, never standby replicas: a standby lags its active task, and an answer is either the
 * current one or a 503 (standbys are there to make a failover fast, see the README).
 * <p>
 * A listing is planned partition by partition: every partition of the store must have exactly one active instance,
 * and each instance is asked for exactly its partitions, which it checks it still owns when it answers.
 * <p>
 * {@code self} is this instance's {@code application.server}; {@link HostInfo#unavailable()} means a single
 * instance without one, which owns everything it has (Kafka Streams then reports no other hosts).
 */
public final class QueryRouter {

    /** The instances to ask for a whole store. */
    public sealed interface Plan {
        /** Read these partitions here and ask each peer for its partitions, and merge. */
        record Gather(Set<Integer> localPartitions, Map<HostInfo, Set<Integer>> peers) implements Plan {
            public boolean includesSelf() {
                return !localPartitions.isEmpty();
            }
        }

        /** Cannot gather a complete answer now. */
        record Unavailable(String reason) implements Plan {}
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
        KeyQueryMetadata owner = metadata.queryMetadataForKey(store, key);
        if (isSingleInstance()) {
            return new Route.Local(owner == null || owner.partition() < 0 ? Route.ANY_PARTITION : owner.partition());
        }
        if (owner == null) {
            return new Route.Unavailable("store '" + store + "' is not known to this instance's topology");
        }
        if (owner == KeyQueryMetadata.NOT_AVAILABLE
                || owner.activeHost() == null
                || owner.activeHost().equals(HostInfo.unavailable())) {
            return new Route.Unavailable(
                    "the owner of '" + key + "' in store '" + store + "' is not known yet (rebalancing)");
        }
        return owner.activeHost().equals(self)
                ? new Route.Local(owner.partition())
                : new Route.Remote(owner.activeHost());
    }

    /** The instances that together hold every partition of {@code store}, each exactly once. */
    public Plan planAll(String store) {
        KafkaStreams.State state = metadata.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Plan.Unavailable("Kafka Streams is " + state + "; stores are not queryable now");
        }
        StreamsMetadataSource.StoreLayout layout = metadata.layout(store);
        if (isSingleInstance()) {
            Set<Integer> all = layout == null ? Set.of(Route.ANY_PARTITION) : range(layout.partitionCount());
            return new Plan.Gather(all, Map.of());
        }
        if (layout == null || layout.activeByHost().isEmpty()) {
            return new Plan.Unavailable("no instance reports partitions of store '" + store + "' yet (rebalancing)");
        }
        Map<Integer, HostInfo> ownerOf = new TreeMap<>();
        for (Map.Entry<HostInfo, Set<Integer>> host : layout.activeByHost().entrySet()) {
            for (int partition : host.getValue()) {
                HostInfo other = ownerOf.put(partition, host.getKey());
                if (other != null && !other.equals(host.getKey())) {
                    return new Plan.Unavailable("partition " + partition + " of store '" + store
                            + "' is reported active on " + other + " and " + host.getKey() + " (rebalancing)");
                }
            }
        }
        Set<Integer> missing = new TreeSet<>(range(layout.partitionCount()));
        missing.removeAll(ownerOf.keySet());
        if (!missing.isEmpty()) {
            return new Plan.Unavailable("partitions " + missing + " of store '" + store
                    + "' have no active instance now" + " (an instance left or the group is rebalancing)");
        }
        Set<Integer> local = new TreeSet<>();
        Map<HostInfo, Set<Integer>> peers = new LinkedHashMap<>();
        ownerOf.forEach((partition, host) -> {
            if (host.equals(self)) {
                local.add(partition);
            } else {
                peers.computeIfAbsent(host, h -> new TreeSet<>()).add(partition);
            }
        });
        return new Plan.Gather(local, peers);
    }

    private static Set<Integer> range(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean isSingleInstance() {
        return self.equals(HostInfo.unavailable());
    }
}
