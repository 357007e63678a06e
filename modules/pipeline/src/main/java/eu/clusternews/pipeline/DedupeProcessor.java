package eu.clusternews.pipeline;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets the first arrival of each news id through and drops the rest. The store maps news id to the
 * record timestamp of its first arrival; it grows with the number of distinct news, which is small.
 */
final class DedupeProcessor<V> extends ContextualFixedKeyProcessor<String, V, V> {

    private final String storeName;
    private KeyValueStore<String, Long> seen;

    DedupeProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        super.init(context);
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (seen.putIfAbsent(record.key(), record.timestamp()) == null) {
            context().forward(record);
        }
    }
}
