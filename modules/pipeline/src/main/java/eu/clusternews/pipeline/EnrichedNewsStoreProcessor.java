package eu.clusternews.pipeline;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.internal.EnrichedCopies;
import eu.clusternews.pipeline.internal.ListedNewsSerde;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each enriched news, without its body, in {@link ClusterNewsTopology#ENRICHED_NEWS_STORE}: the news lists of the
 * HTTP API read it, and the dedupe looks every arriving news id up in it, so it is written before the task processes
 * its next record. The full text stays in the topics; keeping it here would double the state for no reader.
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
                            : withoutBody(enriched.value()));
        }
    }

    /** A shallow copy (the parts are never changed) with an empty body: no deep copy of the rest per news. */
    static EnrichedNews withoutBody(EnrichedNews enriched) {
        NewsEvent news = shallowCopy(enriched.getNews(), new NewsEvent());
        news.setBody("");
        EnrichedNews copy = shallowCopy(enriched, new EnrichedNews());
        copy.setNews(news);
        return copy;
    }

    private static <R extends SpecificRecordBase> R shallowCopy(R from, R to) {
        for (int i = 0; i < from.getSchema().getFields().size(); i++) {
            to.put(i, from.get(i));
        }
        return to;
    }
}
