package eu.clusternews.serve.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import eu.clusternews.serve.http.LocalStoreAccess;
import eu.clusternews.serve.query.QueryResult;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One key-value store partitioned over the application's instances, queried as a whole: a key is
 * answered by its owner (here or through the peer's HTTP API), a listing gathers every partition from its
 * one active instance. Generic over the store name and the value's Avro class, so the topology can change
 * without this class changing. Keys are strings.
 * <p>
 * Local reads go partition by partition ({@link StoreQueryParameters#withPartition}): a partition whose task is
 * still restoring is missing from Kafka Streams' all-partitions view without an error, so reading that view could
 * answer a listing partially or a key as "not found"; a single partition that is not queryable fails instead.
 *
 * @param <V> the generated Avro class of the values
 */
public final class DistributedStore<V extends SpecificRecord> {

    /** This instance's store of one partition ({@link Route#ANY_PARTITION}: of all it has). */
    @FunctionalInterface
    interface LocalPartitions<V> {
        /** @throws InvalidStateStoreException when the partition is not an active, running task here */
        ReadOnlyKeyValueStore<String, V> partition(int partition);
    }

    /**
     * The top {@code limit} values matching {@code filter} in {@code order}; {@code parameters} describe it to a peer,
     * which rebuilds the same selection from them ({@link LocalStoreAccess#localSelect}).
     */
    public record Selection<V>(Predicate<V> filter, Comparator<V> order, int limit, Map<String, String> parameters) {}

    private final String name;
    private final Class<V> valueType;
    private final AvroListCodec<V> codec;
    private final QueryRouter router;
    private final PeerClient peers;
    private final LocalPartitions<V> localStore;

    /** A store of a running {@link KafkaStreams}, queried through {@link KafkaStreams#store}. */
    public static <V extends SpecificRecord> DistributedStore<V> of(
            KafkaStreams streams, String name, Class<V> valueType, QueryRouter router, PeerClient peers) {
        return new DistributedStore<>(name, valueType, router, peers, partition -> {
            StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore());
            return streams.store(partition == Route.ANY_PARTITION ? parameters : parameters.withPartition(partition));
        });
    }

    DistributedStore(
            String name, Class<V> valueType, QueryRouter router, PeerClient peers, LocalPartitions<V> localStore) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.codec = new AvroListCodec<>(valueType);
        this.router = router;
        this.peers = peers;
        this.localStore = localStore;
    }

    public String name() {
        return name;
    }

    /** The value under {@code key}, asked of whichever instance owns it. */
    public QueryResult<V> get(String key, String description) {
        Route route = router.routeKey(name, key);
        if (route instanceof Route.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        QueryResult<List<V>> values = route instanceof Route.Remote remote
                ? peers.get(remote.host(), name, key).map(codec::decode)
                : localGet(key, ((Route.Local) route).partition());
        return values instanceof QueryResult.Found<List<V>> found
                ? (found.value().isEmpty()
                        ? QueryResult.notFound("no " + description + " with id '" + key + "'")
                        : QueryResult.found(found.value().get(0)))
                : values.map(list -> list.get(0));
    }

    /**
     * Every value of the store from every partition; unavailable when any partition has no active instance, an
     * instance does not answer or no longer owns what it was asked for, or the assignment changed while gathering.
     */
    public QueryResult<List<V>> all() {
        return gather(null);
    }

    /**
     * The top values of {@code selection} over every partition: each instance sends at most {@code limit} values, so
     * a request costs the same whatever the size of the store on the wire (each instance still reads its partitions).
     */
    public QueryResult<List<V>> select(Selection<V> selection) {
        return gather(selection);
    }

    private QueryResult<List<V>> gather(Selection<V> selection) {
        QueryRouter.Plan plan = router.planAll(name);
        if (plan instanceof QueryRouter.Plan.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        QueryRouter.Plan.Gather gather = (QueryRouter.Plan.Gather) plan;
        List<V> values = new ArrayList<>();
        if (gather.includesSelf()) {
            QueryResult<List<V>> local = localRead(gather.localPartitions(), selection);
            if (!(local instanceof QueryResult.Found<List<V>> found)) {
                return local;
            }
            values.addAll(found.value());
        }
        for (Map.Entry<HostInfo, Set<Integer>> peer : gather.peers().entrySet()) {
            QueryResult<byte[]> answer = selection == null
                    ? peers.all(peer.getKey(), name, peer.getValue())
                    : peers.select(peer.getKey(), name, peer.getValue(), selection.parameters());
            QueryResult<List<V>> remote = answer.map(codec::decode);
            if (!(remote instanceof QueryResult.Found<List<V>> found)) {
                return remote;
            }
            values.addAll(found.value());
        }
        if (!plan.equals(router.planAll(name))) {
            return QueryResult.unavailable("the partitions of store '" + name + "' moved while answering (rebalance)");
        }
        return QueryResult.found(selection == null ? values : top(values, selection));
    }

    private static <V> List<V> top(List<V> values, Selection<V> selection) {
        return values.stream()
                .filter(selection.filter())
                .sorted(selection.order())
                .limit(selection.limit())
                .toList();
    }

    /** The value under {@code key} from its partition here: a list of 0 or 1 values. */
    QueryResult<List<V>> localGet(String key, int partition) {
        try {
            V value = localStore.partition(partition).get(key);
            return QueryResult.found(value == null ? List.of() : List.of(value));
        } catch (InvalidStateStoreException e) {
            return QueryResult.unavailable("store '" + name + "' is not queryable here now: " + e.getMessage());
        }
    }

    /** The values of these partitions here, all of them or the top of a selection (bounded while reading). */
    QueryResult<List<V>> localRead(Set<Integer> partitions, Selection<V> selection) {
        // with a selection, keep only the best `limit` values read so far: the worst on top of the queue
        PriorityQueue<V> best =
                selection == null ? null : new PriorityQueue<>(selection.order().reversed());
        List<V> values = new ArrayList<>();
        for (int partition : partitions) {
            try (KeyValueIterator<String, V> iterator =
                    localStore.partition(partition).all()) {
                while (iterator.hasNext()) {
                    KeyValue<String, V> entry = iterator.next();
                    if (entry.value == null) {
                        continue;
                    }
                    if (selection == null) {
                        values.add(entry.value);
                    } else if (selection.filter().test(entry.value)) {
                        best.add(entry.value);
                        if (best.size() > selection.limit()) {
                            best.poll();
                        }
                    }
                }
            } catch (InvalidStateStoreException e) {
                return QueryResult.unavailable("partition " + partition + " of store '" + name
                        + "' is not queryable here now: " + e.getMessage());
            }
        }
        if (selection != null) {
            values.addAll(best);
            values.sort(selection.order());
        }
        return QueryResult.found(values);
    }

    /** {@link #localGet} encoded for a peer; "not the owner" when this instance does not hold the key's partition. */
    QueryResult<byte[]> localGetEncoded(String key) {
        Route route = router.routeKey(name, key);
        if (route instanceof Route.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        if (route instanceof Route.Remote remote) {
            throw new LocalStoreAccess.NotOwnerException("this instance (" + router.self() + ") does not own '" + key
                    + "' in store '" + name + "'; " + remote.host() + " does");
        }
        return localGet(key, ((Route.Local) route).partition()).map(codec::encode);
    }

    /** The partitions a peer asked for, encoded; "not the owner" unless each is active here now. */
    QueryResult<byte[]> localReadEncoded(Set<Integer> partitions, Selection<V> selection) {
        QueryRouter.Plan plan = router.planAll(name);
        if (plan instanceof QueryRouter.Plan.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        Set<Integer> owned = ((QueryRouter.Plan.Gather) plan).localPartitions();
        if (!owned.containsAll(partitions)) {
            throw new LocalStoreAccess.NotOwnerException("this instance (" + router.self() + ") holds partitions "
                    + owned + " of store '" + name + "', not all of " + partitions);
        }
        return localRead(partitions, selection).map(codec::encode);
    }

    Class<V> valueType() {
        return valueType;
    }
}
