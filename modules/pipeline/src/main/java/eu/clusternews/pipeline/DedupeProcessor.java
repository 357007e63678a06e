package eu.clusternews.pipeline;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets the first arrival of each news id through and drops the rest. It looks the id up in the store of the news
 * that passed ({@link ClusterNewsTopology#ENRICHED_NEWS_STORE}, written downstream in the same task while the record
 * is still being processed), so a news costs one lookup and no write of its own here.
 */
final class DedupeProcessor<V> extends ContextualFixedKeyProcessor<String, V, V> {

    private final String passedNewsStore;
    private KeyValueStore<String, ?> passed;

    DedupeProcessor(String passedNewsStore) {
        this.passedNewsStore = passedNewsStore;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        super.init(context);
        this.passed = context.getStateStore(passedNewsStore);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (passed.get(record.key()) == null) {
            context().forward(record);
        }
    }
}
