package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterContribution;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one activity record per entity id in a key-value store, adds each contribution to it and
 * forwards the new value. A processor rather than the DSL's {@code aggregate} because the display
 * fields come from the global reference stores, which an {@code Aggregator} cannot reach.
 */
final class ActivityProcessor<A> implements FixedKeyProcessor<String, ClusterContribution, A> {

    /** How a contribution changes an entity's activity ({@code current} null: none yet). */
    @FunctionalInterface
    interface Merge<A> {
        A apply(A current, ClusterContribution contribution, ReferenceLookup reference);
    }

    private final String storeName;
    private final Merge<A> merge;
    private FixedKeyProcessorContext<String, A> context;
    private KeyValueStore<String, A> store;
    private ReferenceLookup reference;

    ActivityProcessor(String storeName, Merge<A> merge) {
        this.storeName = storeName;
        this.merge = merge;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, A> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.reference = new GlobalStoreLookup(context);
    }

    @Override
    public void process(FixedKeyRecord<String, ClusterContribution> record) {
        A updated = merge.apply(store.get(record.key()), record.value(), reference);
        store.put(record.key(), updated);
        context.forward(record.withValue(updated));
    }
}
