package eu.clusternews.pipeline;

import java.util.List;
import java.util.function.BiFunction;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.aggregate.PartialActivityStore;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Splits an enriched news item into its contributions ({@link FanOut}), with the display fields read from the global
 * reference stores as they are now, and counts them into the partial activities of a {@link PartialActivityStore},
 * which forwards one partial per entity, keyed by entity id, before each commit. A processor rather than
 * {@code flatMap} because only a processor can reach the global stores.
 */
final class FanOutProcessor<A extends SpecificRecordBase> implements Processor<String, EnrichedNews, String, A> {

    private final BiFunction<EnrichedNews, ReferenceLookup, List<ClusterContribution>> split;
    private final ActivityKind<A> kind;
    private final String partialStoreName;
    private final int maxHeadlines;
    private final ReferenceSnapshots lookups;
    private ReferenceLookup reference;
    private PartialActivityStore<A> partials;

    FanOutProcessor(
            BiFunction<EnrichedNews, ReferenceLookup, List<ClusterContribution>> split,
            ActivityKind<A> kind,
            String partialStoreName,
            int maxHeadlines,
            ReferenceSnapshots lookups) {
        this.split = split;
        this.kind = kind;
        this.partialStoreName = partialStoreName;
        this.maxHeadlines = maxHeadlines;
        this.lookups = lookups;
    }

    @Override
    public void init(ProcessorContext<String, A> context) {
        this.reference = new GlobalStoreLookup(context, lookups);
        this.partials = context.getStateStore(partialStoreName);
        partials.attach(context, kind::write);
    }

    @Override
    public void process(Record<String, EnrichedNews> record) {
        if (record.value() == null) {
            return;
        }
        for (ClusterContribution contribution : split.apply(record.value(), reference)) {
            partials.add(contribution, record.timestamp(), maxHeadlines);
        }
    }
}
