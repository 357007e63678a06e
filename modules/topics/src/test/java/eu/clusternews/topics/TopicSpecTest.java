package eu.clusternews.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The catalogue says what DESIGN.md §3 says about each topic. */
class TopicSpecTest {

    private static final String THIRTY_DAYS = Long.toString(Duration.ofDays(30).toMillis());

    @Test
    void cataloguesTheTopicsOfTheDesignInOrder() {
        assertThat(Arrays.stream(TopicSpec.values()).map(TopicSpec::topicName))
                .containsExactly(
                        "cluster-news",
                        "ref-organisations",
                        "ref-consortia",
                        "ref-programmes",
                        "cluster-news-enriched",
                        "cluster-activity",
                        "consortium-activity",
                        "programme-activity",
                        "cluster-events",
                        "cluster-news-dlq");
    }

    @Test
    void keepsTheNewsHistoryForeverAndTheEnrichedNewsAndDeadLettersThirtyDays() {
        assertThat(TopicSpec.NEWS.configs()).isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
        // event-time records of past years: time retention would delete them at once, so the enriched history is
        // kept forever and the dead letters age by their append time
        assertThat(TopicSpec.ENRICHED.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1");
        assertThat(TopicSpec.DEAD_LETTERS.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", THIRTY_DAYS)
                .containsEntry("message.timestamp.type", "LogAppendTime");
    }

    @Test
    void compactsTheReferenceAndActivityTopicsWithoutARetentionLimit() {
        for (TopicSpec spec : List.of(
                TopicSpec.ORGANISATIONS,
                TopicSpec.CONSORTIA,
                TopicSpec.PROGRAMMES,
                TopicSpec.CLUSTER_ACTIVITY,
                TopicSpec.CONSORTIUM_ACTIVITY,
                TopicSpec.PROGRAMME_ACTIVITY)) {
            assertThat(spec.configs()).as(spec.topicName()).isEqualTo(Map.of("cleanup.policy", "compact"));
            assertThat(spec.retentionMs()).as(spec.topicName()).isEmpty();
        }
    }

    @Test
    void givesDataTopicsThreePartitionsAndReferenceTopicsOne() {
        for (TopicSpec spec : TopicSpec.values()) {
            assertThat(spec.defaultPartitions()).as(spec.topicName()).isEqualTo(spec.isReference() ? 1 : 3);
        }
        assertThat(Arrays.stream(TopicSpec.values()).filter(TopicSpec::isReference))
                .containsExactly(TopicSpec.ORGANISATIONS, TopicSpec.CONSORTIA, TopicSpec.PROGRAMMES);
    }

    @Test
    void turnsASpecIntoAnAdminRequestWithItsSettings() {
        NewTopic request = TopicSpec.NEWS.newTopic((short) 3);

        assertThat(request.name()).isEqualTo("cluster-news");
        assertThat(request.numPartitions()).isEqualTo(3);
        assertThat(request.replicationFactor()).isEqualTo((short) 3);
        assertThat(request.configs()).containsEntry("retention.ms", "-1");
        assertThat(TopicSpec.NEWS.newTopic(12, (short) 1).numPartitions()).isEqualTo(12);
        assertThatThrownBy(() -> TopicSpec.NEWS.newTopic(0, (short) 1)).hasMessageContaining("cluster-news");
    }

    @Test
    void overridesThePartitionsOfDataTopicsOnlyWhenCreatingThemAll() {
        List<NewTopic> requests = TopicSpec.newTopics(6, (short) 1);

        assertThat(requests)
                .extracting(NewTopic::name, NewTopic::numPartitions)
                .containsExactly(
                        tuple("cluster-news", 6),
                        tuple("ref-organisations", 1),
                        tuple("ref-consortia", 1),
                        tuple("ref-programmes", 1),
                        tuple("cluster-news-enriched", 6),
                        tuple("cluster-activity", 6),
                        tuple("consortium-activity", 6),
                        tuple("programme-activity", 6),
                        tuple("cluster-events", 6),
                        tuple("cluster-news-dlq", 6));
        assertThat(TopicSpec.newTopics(null, (short) 1))
                .extracting(NewTopic::numPartitions)
                .containsExactly(3, 1, 1, 1, 3, 3, 3, 3, 3, 3);
    }

    @Test
    void knowsTheValueTypeOfEveryTopicButTheDeadLetters() {
        assertThat(TopicSpec.NEWS.valueType()).isEqualTo(NewsEvent.class);
        assertThat(TopicSpec.NEWS.valueSubject()).isEqualTo("cluster-news-value");
        assertThat(TopicSpec.DEAD_LETTERS.valueType()).isNull();
        assertThat(TopicSpec.DEAD_LETTERS.valueSchema()).isNull();
        assertThat(Arrays.stream(TopicSpec.values()).filter(spec -> spec != TopicSpec.DEAD_LETTERS))
                .allSatisfy(spec -> assertThat(spec.valueType()).isNotNull());
        assertThat(Arrays.stream(TopicSpec.values()))
                .allSatisfy(spec -> assertThat(spec.doc()).endsWith("."));
    }

    @Test
    void findsASpecByTopicNameOrListsTheKnownNames() {
        assertThat(TopicSpec.named("cluster-activity")).isEqualTo(TopicSpec.CLUSTER_ACTIVITY);
        assertThat(TopicSpec.byName("nope")).isEmpty();
        assertThatThrownBy(() -> TopicSpec.named("nope"))
                .hasMessageContaining("nope")
                .hasMessageContaining("cluster-news-dlq");
    }
}
