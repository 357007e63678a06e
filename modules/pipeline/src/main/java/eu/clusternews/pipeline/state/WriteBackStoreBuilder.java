package eu.clusternews.pipeline.state;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link WriteBackStore} over a persistent (RocksDB), logged key-value store of bytes. The decoded cache is
 * the store's own; Kafka Streams' record cache is never added beneath it (it would only hold bytes again).
 */
public final class WriteBackStoreBuilder<S extends WriteBackStore<?, ?>> implements StoreBuilder<S> {

    private final String name;
    private final BiFunction<String, KeyValueStore<Bytes, byte[]>, S> factory;
    private final Map<String, String> logConfig = new HashMap<>();
    private boolean logged = true;

    /** {@code factory} makes the store from its name and the inner store of bytes. */
    public WriteBackStoreBuilder(String name, BiFunction<String, KeyValueStore<Bytes, byte[]>, S> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public WriteBackStoreBuilder<S> withCachingEnabled() {
        return this; // the decoded cache is always on; statestore.cache.max.bytes=0 turns it into write-through
    }

    @Override
    public WriteBackStoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public WriteBackStoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        logged = true;
        logConfig.clear();
        logConfig.putAll(config);
        return this;
    }

    @Override
    public WriteBackStoreBuilder<S> withLoggingDisabled() {
        logged = false;
        logConfig.clear();
        return this;
    }

    @Override
    public S build() {
        StoreBuilder<KeyValueStore<Bytes, byte[]>> bytes = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled();
        bytes = logged ? bytes.withLoggingEnabled(logConfig) : bytes.withLoggingDisabled();
        return factory.apply(name, bytes.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return logConfig;
    }

    @Override
    public boolean loggingEnabled() {
        return logged;
    }

    @Override
    public String name() {
        return name;
    }
}
