package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** validate: a news over {@link NewsValidator#MAX_VALUE_BYTES} is dead-lettered, one under it is processed. */
class NewsSizeLimitTest {

    private final PipelineHarness pipeline = new PipelineHarness().withSeedReference();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void deadLettersANewsWhoseValueIsOverTheLimitWithItsSizeAsTheReason() {
        NewsEvent huge = withBodyOf(NewsValidator.MAX_VALUE_BYTES);
        byte[] bytes = pipeline.topics
                .news()
                .valueSerializer()
                .serialize(pipeline.topics.news().name(), huge);

        pipeline.rawNews.pipeInput(huge.getId(), bytes);

        List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(new String(
                        letters.get(0)
                                .headers()
                                .lastHeader(DeadLetterHandler.HEADER_MESSAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("value of " + bytes.length + " bytes is over the limit of " + NewsValidator.MAX_VALUE_BYTES);
        assertThat(pipeline.enriched.readKeyValuesToList()).isEmpty();
    }

    @Test
    void processesALongNewsUnderTheLimit() {
        pipeline.publish(withBodyOf(NewsValidator.MAX_VALUE_BYTES - 4096));

        assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        assertThat(pipeline.enriched.readKeyValuesToList()).hasSize(1);
    }

    private static NewsEvent withBodyOf(int length) {
        return NewsEvent.newBuilder(Fixtures.seedNews())
                .setBody("x".repeat(length))
                .build();
    }
}
