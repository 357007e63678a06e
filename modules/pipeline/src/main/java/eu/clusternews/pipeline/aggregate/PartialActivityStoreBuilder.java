package eu.clusternews.pipeline.aggregate;

import java.util.Map;

import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a {@link PartialActivityStore}: in memory, never logged (it is empty at every commit). */
public final class PartialActivityStoreBuilder<V> implements StoreBuilder<PartialActivityStore<V>> {

    private final String name;

    public PartialActivityStoreBuilder(String name) {
        this.name = name;
    }

    @Override
    public PartialActivityStoreBuilder<V> withCachingEnabled() {
        return this;
    }

    @Override
    public PartialActivityStoreBuilder<V> withCachingDisabled() {
        return this;
    }

    @Override
    public PartialActivityStoreBuilder<V> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("a partial activity store is empty at every commit: nothing to log");
    }

    @Override
    public PartialActivityStoreBuilder<V> withLoggingDisabled() {
        return this;
    }

    @Override
    public PartialActivityStore<V> build() {
        return new PartialActivityStore<>(name);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
