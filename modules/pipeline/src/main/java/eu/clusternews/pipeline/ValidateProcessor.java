package eu.clusternews.pipeline;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.commit.CaughtUpCommits;
import eu.clusternews.pipeline.internal.WithNewsBytes;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes cluster-news bytes, keeping them when the enriched copy can copy the news' binary from them (the body is then
 * left in them, not decoded). An
 * {@link InvalidNewsException} goes to the dead-letter topic through {@link DeadLetterHandler}; a registry outage fails
 * the task (the record is processed again later).
 */
final class ValidateProcessor extends ContextualFixedKeyProcessor<String, byte[], WithNewsBytes<NewsEvent>> {

    private final NewsValidator validator;
    private CaughtUpCommits commits;

    ValidateProcessor(NewsValidator validator) {
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, WithNewsBytes<NewsEvent>> context) {
        super.init(context);
        commits = CaughtUpCommits.of(context); // for the news sub-topology
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        commits.processed();
        String topic = context().recordMetadata().map(m -> m.topic()).orElse("cluster-news");
        context().forward(record.withValue(validator.validate(topic, record.key(), record.value())));
    }
}
