package eu.clusternews.serve.streams;

import eu.clusternews.serve.query.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One key-value store partitioned over the application's instances, queried as a whole: a key is
 * answered by its owner (here or through the peer's HTTP API), a listing gathers every instance's
 * partitions. Generic over the store name and the value's Avro class, so the topology can change
 * without this class changing. Keys are strings.
 *
 * @param <V> the generated Avro class of the values
 */
public final class DistributedStore<V extends SpecificRecord> {

    private final String name;
    private final Class<V> valueType;
    private final AvroListCodec<V> codec;
    private final QueryRouter router;
    private final PeerClient peers;
    private final Supplier<ReadOnlyKeyValueStore<String, V>> localStore;

    /** A store of a running {@link KafkaStreams}, queried through {@link KafkaStreams#store}. */
    public static <V extends SpecificRecord> DistributedStore<V> of(KafkaStreams streams, String name, Class<V> valueType,
                                                                    QueryRouter router, PeerClient peers) {
        return new DistributedStore<>(name, valueType, router, peers,
                () -> streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
    }

    DistributedStore(String name, Class<V> valueType, QueryRouter router, PeerClient peers,
                     Supplier<ReadOnlyKeyValueStore<String, V>> localStore) {
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
                : localGet(key);
        return values instanceof QueryResult.Found<List<V>> found
                ? (found.value().isEmpty() ? QueryResult.notFound("no " + description + " with id '" + key + "'")
                                           : QueryResult.found(found.value().get(0)))
                : values.map(list -> list.get(0));
    }

    /**
     * Every value of the store from every instance; unavailable when any part is missing or the
     * assignment changed while gathering.
     */
    public QueryResult<List<V>> all() {
        QueryRouter.Plan plan = router.planAll(name);
        if (plan instanceof QueryRouter.Plan.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        QueryRouter.Plan.Gather gather = (QueryRouter.Plan.Gather) plan;
        List<V> values = new ArrayList<>();
        if (gather.includesSelf()) {
            QueryResult<List<V>> local = localAll();
            if (!(local instanceof QueryResult.Found<List<V>> found)) {
                return local;
            }
            values.addAll(found.value());
        }
        for (var peer : gather.peers()) {
            QueryResult<List<V>> remote = peers.all(peer, name).map(codec::decode);
            if (!(remote instanceof QueryResult.Found<List<V>> found)) {
                return remote;
            }
            values.addAll(found.value());
        }
        if (!plan.equals(router.planAll(name))) {
            return QueryResult.unavailable("the partitions of store '" + name + "' moved while answering (rebalance)");
        }
        return QueryResult.found(values);
    }

    /** The value under {@code key} if this instance owns its partition: a list of 0 or 1 values. */
    QueryResult<List<V>> localGet(String key) {
        try {
            V value = localStore.get().get(key);
            return QueryResult.found(value == null ? List.of() : List.of(value));
        } catch (InvalidStateStoreException e) {
            return QueryResult.unavailable("store '" + name + "' is not queryable here now: " + e.getMessage());
        }
    }

    /** Every value of this instance's active partitions. */
    QueryResult<List<V>> localAll() {
        try (KeyValueIterator<String, V> iterator = localStore.get().all()) {
            List<V> values = new ArrayList<>();
            while (iterator.hasNext()) {
                KeyValue<String, V> entry = iterator.next();
                if (entry.value != null) {
                    values.add(entry.value);
                }
            }
            return QueryResult.found(values);
        } catch (InvalidStateStoreException e) {
            return QueryResult.unavailable("store '" + name + "' is not queryable here now: " + e.getMessage());
        }
    }

    /** {@link #localGet} encoded for a peer. */
    QueryResult<byte[]> localGetEncoded(String key) {
        if (router.routeKey(name, key) instanceof Route.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        return localGet(key).map(codec::encode);
    }

    /** {@link #localAll} encoded for a peer. */
    QueryResult<byte[]> localAllEncoded() {
        if (router.planAll(name) instanceof QueryRouter.Plan.Unavailable unavailable) {
            return QueryResult.unavailable(unavailable.reason());
        }
        return localAll().map(codec::encode);
    }

    Class<V> valueType() {
        return valueType;
    }
}
