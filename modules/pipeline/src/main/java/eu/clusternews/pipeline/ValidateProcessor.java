package eu.clusternews.pipeline;

import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes cluster-news bytes; an {@link InvalidNewsException} goes to the dead-letter topic through
 * {@link DeadLetterHandler}, a registry outage fails the task (the record is processed again later).
 */
final class ValidateProcessor implements FixedKeyProcessor<String, byte[], NewsEvent> {

    private final NewsValidator validator;
    private FixedKeyProcessorContext<String, NewsEvent> context;

    ValidateProcessor(NewsValidator validator) {
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, NewsEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("cluster-news");
        context.forward(record.withValue(validator.validate(topic, record.key(), record.value())));
    }
}
