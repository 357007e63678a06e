package eu.clusternews.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.Organisation;
import eu.clusternews.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed topics: string keys, Confluent Avro values through the configured registry, raw bytes for dead letters. */
class ClusterNewsTopicsTest {

    private static final String SCOPE = "cluster-news-topics-test";
    private final ClusterNewsTopics topics = ClusterNewsTopics.from(Map.of("schema.registry.url", "mock://" + SCOPE));

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void hasOneTypedTopicPerCatalogueEntryInTheSameOrder() {
        assertThat(topics.all())
                .extracting(Topic::name)
                .containsExactlyElementsOf(Arrays.stream(TopicSpec.values())
                        .map(TopicSpec::topicName)
                        .toList());
    }

    @Test
    void writesNewsAsConfluentAvroUnderTheTopicSubjectAndReadsItBack() {
        NewsEvent news = NewsEvent.newBuilder()
                .setId("n-1")
                .setSource("seeds/news/x.txt")
                .setTitle("Cluster Excellence training in Berlin")
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setIngestedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .setKind(NewsKind.TRAINING)
                .build();
        Topic<String, NewsEvent> topic = topics.news();

        byte[] key = topic.keySerializer().serialize(topic.name(), "n-1");
        byte[] value = topic.valueSerializer().serialize(topic.name(), news);

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("n-1");
        assertThat(value[0]).isZero();
        assertThat(topic.valueDeserializer().deserialize(topic.name(), value)).isEqualTo(news);
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("cluster-news-value");
    }

    @Test
    void allValueSerdesShareOneRegistry() {
        Organisation organisation = Organisation.newBuilder()
                .setId("org:bnpt")
                .setName("BalticNet-PlasmaTec")
                .build();

        byte[] bytes = topics.organisations().valueSerializer().serialize("ref-organisations", organisation);

        assertThat(topics.organisations().valueDeserializer().deserialize("ref-organisations", bytes))
                .isEqualTo(organisation);
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("ref-organisations-value");
    }

    @Test
    void deadLettersKeepTheOriginalBytes() {
        byte[] poison = {'{', 0, (byte) 0xFF};
        Topic<byte[], byte[]> dlq = topics.deadLetters();

        assertThat(dlq.name()).isEqualTo("cluster-news-dlq");
        assertThat(dlq.valueDeserializer()
                        .deserialize(dlq.name(), dlq.valueSerializer().serialize(dlq.name(), poison)))
                .containsExactly(poison);
    }
}
