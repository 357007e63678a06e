package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.EnrichedNews;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Splits an enriched news item into its contributions ({@link FanOut}), re-keyed by entity id, with the display
 * fields read from the global reference stores as they are now. A processor rather than {@code flatMap} because
 * only a processor can reach the global stores.
 */
final class FanOutProcessor implements Processor<String, EnrichedNews, String, ClusterContribution> {

    private final BiFunction<EnrichedNews, ReferenceLookup, List<ClusterContribution>> split;
    private ProcessorContext<String, ClusterContribution> context;
    private ReferenceLookup reference;

    FanOutProcessor(BiFunction<EnrichedNews, ReferenceLookup, List<ClusterContribution>> split) {
        this.split = split;
    }

    @Override
    public void init(ProcessorContext<String, ClusterContribution> context) {
        this.context = context;
        this.reference = new GlobalStoreLookup(context);
    }

    @Override
    public void process(Record<String, EnrichedNews> record) {
        if (record.value() == null) {
            return;
        }
        for (ClusterContribution contribution : split.apply(record.value(), reference)) {
            // the record's headers (e.g. a sequence header) travel with every contribution, as with flatMap
            context.forward(record.withKey(contribution.getEntityId()).withValue(contribution));
        }
    }
}
