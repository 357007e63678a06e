package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.MockSchemaRegistry;
import eu.clusternews.registry.RegistryUnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema registry outage while the pipeline decodes a record is not bad input: the task fails (nothing is
 * committed past the record, Kafka Streams reads it again after the thread is replaced or the process restarted),
 * nothing is dead-lettered or skipped, and the same record goes through once the registry answers.
 *
 * <p>The reference topics' global thread is not covered here: TopologyTestDriver always gives it
 * LogAndContinueExceptionHandler, whatever the configuration (Kafka Streams itself uses
 * {@code deserialization.exception.handler}); {@link DeadLetterHandlerTest} covers the answer for it.
 */
class RegistryOutageStepTest {

    private PipelineHarness pipeline;

    @AfterEach
    void close() {
        pipeline.close();
    }

    private InMemorySchemaRegistryClient registry() {
        return MockSchemaRegistry.forScope(pipeline.scope);
    }

    /** -1: nothing answers; 503: the registry is starting or overloaded; 401: it refuses the credentials. */
    @ParameterizedTest(name = "registry status {0}")
    @ValueSource(ints = {-1, 503, 401})
    void anOutageWhileDecodingNewsFailsTheTaskAndDeadLettersNothing(int status) {
        pipeline = new PipelineHarness().withSeedReference();
        NewsEvent news = Fixtures.seedNews();
        byte[] bytes = pipeline.topics
                .news()
                .valueSerializer()
                .serialize(pipeline.topics.news().name(), news);
        Instant timestamp = Instant.parse("2017-05-17T00:00:00Z");

        registry().simulateOutage(status);
        assertThatThrownBy(() -> pipeline.rawNews.pipeInput(news.getId(), bytes, timestamp))
                .satisfies(failure -> assertThat(RegistryUnreachableException.foundIn(failure))
                        .as("the task failed on the outage itself: %s", failure)
                        .isTrue());

        assertThat(pipeline.deadLetters.readRecordsToList()).as("dead letters").isEmpty();
        assertThat(pipeline.enriched.readRecordsToList()).isEmpty();

        // the registry answers again; Kafka Streams hands the task the same record, from the last commit
        registry().endOutage();
        pipeline.rawNews.pipeInput(news.getId(), bytes, timestamp);

        assertThat(pipeline.enriched.readKeyValuesToList())
                .extracting(kv -> kv.key)
                .containsExactly(news.getId());
        assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        assertThat(pipeline.clusterActivities()).hasSize(10);
    }
}
