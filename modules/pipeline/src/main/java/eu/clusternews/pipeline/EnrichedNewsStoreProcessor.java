package eu.clusternews.pipeline;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.pipeline.internal.EnrichedCopies;
import eu.clusternews.pipeline.internal.ListedNews;
import eu.clusternews.pipeline.internal.ListedNewsSerde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each enriched news as the news lists show it ({@link ListedNews}) in {@link ClusterNewsTopology#ENRICHED_NEWS_STORE}:
 * the news lists of the HTTP API read it, and the dedupe looks every arriving news id up in it, so it is written before
 * the task processes its next record. The full news stays in the topics; keeping it here would double the state for no
 * reader.
 */
final class EnrichedNewsStoreProcessor implements Processor<String, EnrichedCopies, Void, Void> {

    private KeyValueStore<String, EnrichedNews> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ClusterNewsTopology.ENRICHED_NEWS_STORE);
    }

    @Override
    public void process(Record<String, EnrichedCopies> record) {
        EnrichedCopies enriched = record.value();
        if (record.key() != null && enriched != null && enriched.value() != null) {
            // assembled from copies when it could be (the store's serde writes those bytes), else encoded on put
            store.put(
                    record.key(),
                    enriched.listed() != null
                            ? new ListedNewsSerde.Encoded(enriched.listed())
                            : ListedNews.of(enriched.value()));
        }
    }
}
