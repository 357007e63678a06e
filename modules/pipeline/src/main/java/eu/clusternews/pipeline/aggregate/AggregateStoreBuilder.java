package eu.clusternews.pipeline.aggregate;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds an {@link AggregateStore} over a persistent (RocksDB), logged key-value store of bytes. The decoded cache is
 * the store's own; Kafka Streams' record cache is never added beneath it (it would only hold bytes again).
 */
public final class AggregateStoreBuilder<A extends SpecificRecordBase> implements StoreBuilder<AggregateStore<A>> {

    private final String name;
    private final ActivityKind<A> kind;
    private final Map<String, String> logConfig = new HashMap<>();
    private boolean logged = true;

    public AggregateStoreBuilder(String name, ActivityKind<A> kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public AggregateStoreBuilder<A> withCachingEnabled() {
        return this; // the decoded cache is always on; statestore.cache.max.bytes=0 turns it into write-through
    }

    @Override
    public AggregateStoreBuilder<A> withCachingDisabled() {
        return this;
    }

    @Override
    public AggregateStoreBuilder<A> withLoggingEnabled(Map<String, String> config) {
        logged = true;
        logConfig.clear();
        logConfig.putAll(config);
        return this;
    }

    @Override
    public AggregateStoreBuilder<A> withLoggingDisabled() {
        logged = false;
        logConfig.clear();
        return this;
    }

    @Override
    public AggregateStore<A> build() {
        StoreBuilder<KeyValueStore<Bytes, byte[]>> bytes = Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled();
        bytes = logged ? bytes.withLoggingEnabled(logConfig) : bytes.withLoggingDisabled();
        return new AggregateStore<>(name, kind, bytes.build());
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
