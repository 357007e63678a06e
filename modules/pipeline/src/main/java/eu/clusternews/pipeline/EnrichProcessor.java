package eu.clusternews.pipeline;

import java.time.Instant;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Runs the {@link Enricher} against the global reference stores as they are when the news passes. */
final class EnrichProcessor implements FixedKeyProcessor<String, NewsEvent, EnrichedNews> {

    private FixedKeyProcessorContext<String, EnrichedNews> context;
    private Enricher enricher;

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedNews> context) {
        this.context = context;
        this.enricher = new Enricher(new GlobalStoreLookup(context));
    }

    @Override
    public void process(FixedKeyRecord<String, NewsEvent> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.forward(record.withValue(enricher.enrich(record.value(), now)));
    }
}
