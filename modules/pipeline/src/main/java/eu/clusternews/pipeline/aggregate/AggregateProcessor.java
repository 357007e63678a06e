package eu.clusternews.pipeline.aggregate;

import eu.clusternews.pipeline.commit.CaughtUpCommits;
import eu.clusternews.pipeline.internal.Encoded;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Merges each partial activity (from the fan-out's {@link PartialActivityStore}, through the repartition topic, or an
 * event-count change from event matching in the same task) into its entity's activity in an {@link AggregateStore};
 * the store forwards the changed activities downstream when it
 * writes them down (before each commit, or on eviction), with the bytes it wrote them as ({@link Encoded}).
 */
public final class AggregateProcessor<A extends SpecificRecordBase>
        implements Processor<String, A, String, Encoded<A>> {

    private final String storeName;
    private final ActivityKind<A> kind;
    private final int maxHeadlines;
    private CaughtUpCommits commits;
    private AggregateStore<A> store;

    public AggregateProcessor(String storeName, ActivityKind<A> kind, int maxHeadlines) {
        if (maxHeadlines < 1) {
            throw new IllegalArgumentException("maxHeadlines must be at least 1, was " + maxHeadlines);
        }
        this.storeName = storeName;
        this.kind = kind;
        this.maxHeadlines = maxHeadlines;
    }

    @Override
    public void init(ProcessorContext<String, Encoded<A>> context) {
        store = context.getStateStore(storeName);
        store.attach(context);
        commits = CaughtUpCommits.of(context);
    }

    @Override
    public void process(Record<String, A> record) {
        commits.processed();
        if (record.key() == null || record.value() == null) {
            return;
        }
        Activity activity = store.forUpdate(record.key());
        activity.merge(kind.read(record.value()), maxHeadlines);
        store.updated(record.key(), activity, record.timestamp());
    }
}
