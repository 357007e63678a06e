package eu.clusternews.pipeline.aggregate;

import eu.clusternews.avro.ClusterContribution;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Counts each contribution into its entity's activity in an {@link AggregateStore}; the store forwards the changed
 * activities downstream when it writes them down (before each commit, or on eviction).
 */
public final class AggregateProcessor<A extends SpecificRecordBase> implements Processor<String, ClusterContribution, String, A> {

    private final String storeName;
    private final int maxHeadlines;
    private AggregateStore<A> store;

    public AggregateProcessor(String storeName, int maxHeadlines) {
        if (maxHeadlines < 1) {
            throw new IllegalArgumentException("maxHeadlines must be at least 1, was " + maxHeadlines);
        }
        this.storeName = storeName;
        this.maxHeadlines = maxHeadlines;
    }

    @Override
    public void init(ProcessorContext<String, A> context) {
        store = context.getStateStore(storeName);
        store.forwardTo(new FlushForwarder<>(context));
    }

    @Override
    public void process(Record<String, ClusterContribution> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        store.forUpdate(record.key()).add(record.value(), maxHeadlines);
        store.updated(record.key(), record.timestamp());
    }
}
