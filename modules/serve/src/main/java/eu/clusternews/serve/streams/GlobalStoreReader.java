package eu.clusternews.serve.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import eu.clusternews.serve.query.QueryResult;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a global store (reference data): every instance holds all of it, so no routing; it is
 * unavailable only while Kafka Streams is not RUNNING (global stores restore before RUNNING).
 *
 * @param <V> the value type
 */
public final class GlobalStoreReader<V> {

    private final String name;
    private final Supplier<KafkaStreams.State> state;
    private final Supplier<ReadOnlyKeyValueStore<String, V>> store;

    public static <V> GlobalStoreReader<V> of(KafkaStreams streams, String name) {
        return new GlobalStoreReader<>(
                name,
                streams::state,
                () -> streams.store(
                        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
    }

    GlobalStoreReader(
            String name, Supplier<KafkaStreams.State> state, Supplier<ReadOnlyKeyValueStore<String, V>> store) {
        this.name = name;
        this.state = state;
        this.store = store;
    }

    public QueryResult<V> get(String key, String description) {
        if (state.get() != KafkaStreams.State.RUNNING) {
            return QueryResult.unavailable(
                    "Kafka Streams is " + state.get() + "; reference store '" + name + "' is not ready");
        }
        try {
            V value = store.get().get(key);
            return value == null
                    ? QueryResult.notFound("no " + description + " with id '" + key + "'")
                    : QueryResult.found(value);
        } catch (InvalidStateStoreException e) {
            return QueryResult.unavailable("reference store '" + name + "' is not queryable now: " + e.getMessage());
        }
    }

    public QueryResult<List<V>> all() {
        if (state.get() != KafkaStreams.State.RUNNING) {
            return QueryResult.unavailable(
                    "Kafka Streams is " + state.get() + "; reference store '" + name + "' is not ready");
        }
        try (KeyValueIterator<String, V> iterator = store.get().all()) {
            List<V> values = new ArrayList<>();
            iterator.forEachRemaining(entry -> {
                if (entry.value != null) {
                    values.add(entry.value);
                }
            });
            return QueryResult.found(values);
        } catch (InvalidStateStoreException e) {
            return QueryResult.unavailable("reference store '" + name + "' is not queryable now: " + e.getMessage());
        }
    }
}
