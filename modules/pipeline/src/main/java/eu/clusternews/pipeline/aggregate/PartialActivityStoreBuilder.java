package eu.clusternews.pipeline.aggregate;

import java.util.Map;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a {@link PartialActivityStore}: in memory, never logged (it is empty at every commit). */
public final class PartialActivityStoreBuilder<A extends SpecificRecordBase>
        implements StoreBuilder<PartialActivityStore<A>> {

    private final String name;
    private final ActivityKind<A> kind;

    public PartialActivityStoreBuilder(String name, ActivityKind<A> kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public PartialActivityStoreBuilder<A> withCachingEnabled() {
        return this;
    }

    @Override
    public PartialActivityStoreBuilder<A> withCachingDisabled() {
        return this;
    }

    @Override
    public PartialActivityStoreBuilder<A> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("a partial activity store is empty at every commit: nothing to log");
    }

    @Override
    public PartialActivityStoreBuilder<A> withLoggingDisabled() {
        return this;
    }

    @Override
    public PartialActivityStore<A> build() {
        return new PartialActivityStore<>(name, kind);
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
