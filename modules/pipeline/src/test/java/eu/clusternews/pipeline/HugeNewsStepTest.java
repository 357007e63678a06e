package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Valid but huge news through the topology: each is counted, and what the pipeline writes for it is bounded
 * ({@link EnrichmentBounds}); only a news id over the limit is bad input.
 */
class HugeNewsStepTest {

    private final PipelineHarness pipeline = new PipelineHarness().withSeedReference();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void countsANewsNearOneMegabyteAndCutsTheBodyOfItsEnrichedCopyToTheBound() {
        NewsEvent huge = NewsEvent.newBuilder(Fixtures.seedNews())
                .setBody("é".repeat(300_000) + "x".repeat(400_000))
                .build();

        pipeline.publish(huge);

        assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        TestRecord<String, EnrichedNews> enriched = pipeline.enriched.readRecord();
        assertThat(encodedSize(enriched.value())).isLessThanOrEqualTo(EnrichmentBounds.DEFAULT_MAX_BYTES);
        String body = enriched.value().getNews().getBody();
        assertThat(huge.getBody()).startsWith(body);
        assertThat(body.length()).isGreaterThan(200_000);
        assertThat(cut(enriched)).contains("body: ").contains(" of 1000000 bytes kept");
        assertThat(pipeline.clusterActivities().keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(pipeline.clusterActivities().values())
                .extracting(ClusterActivity::getNewsCount)
                .containsOnly(1L);
    }

    @Test
    void thePipelineCutsToTheBoundItsConfigurationSets() {
        try (PipelineHarness small =
                new PipelineHarness(Map.of(EnrichmentBounds.MAX_BYTES_CONFIG, Integer.toString(64 * 1024)))) {
            small.withSeedReference();
            small.publish(NewsEvent.newBuilder(Fixtures.seedNews())
                    .setBody("x".repeat(100_000))
                    .build());

            EnrichedNews enriched = small.enriched.readValue();
            assertThat(small.topics
                            .enriched()
                            .valueSerializer()
                            .serialize(small.topics.enriched().name(), enriched)
                            .length)
                    .isLessThanOrEqualTo(64 * 1024)
                    .isGreaterThan(60 * 1024);
        }
    }

    @Test
    void aNewsListingThousandsOfIdsCountsForAtMostTheBoundOfEachKind() {
        NewsEvent news = NewsEvent.newBuilder(Fixtures.seedNews())
                .setOrganisationIds(withFakes(Fixtures.seedNews().getOrganisationIds(), "org:fake-", 5_000))
                .setConsortiumIds(withFakes(Fixtures.seedNews().getConsortiumIds(), "cons:fake-", 5_000))
                .setProgrammeIds(withFakes(Fixtures.seedNews().getProgrammeIds(), "prog:fake-", 5_000))
                .build();

        pipeline.publish(news);

        assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        TestRecord<String, EnrichedNews> enriched = pipeline.enriched.readRecord();
        assertThat(cut(enriched))
                .contains("organisationIds: first 100 of 5003 ids kept")
                .contains("consortiumIds: first 100 of 5002 ids kept")
                .contains("programmeIds: first 100 of 5002 ids kept");
        // the ids listed first (the text's own order) are the ones counted: the seed's, then the first fakes
        assertThat(pipeline.consortiumActivities())
                .hasSize(EnrichmentBounds.MAX_IDS)
                .containsKeys("cons:inno-drop", "cons:clusgrid", "cons:fake-00000", "cons:fake-00097")
                .doesNotContainKey("cons:fake-00098");
        assertThat(pipeline.programmeActivities()).hasSize(EnrichmentBounds.MAX_IDS);
        assertThat(pipeline.clusterActivities().keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(enriched.value().getUnresolvedIds()).hasSize(3 * EnrichmentBounds.MAX_IDS - 4 - 3);
    }

    @Test
    void aHugeTitleUrlAndListOfNamesAreCutInTheEnrichedCopyAndTheNewsIsCounted() {
        NewsEvent news = NewsEvent.newBuilder(Fixtures.seedNews())
                .setTitle("T".repeat(300_000))
                .setUrl("u".repeat(300_000))
                .setPersons(
                        IntStream.range(0, 10_000).mapToObj(i -> "Person " + i).toList())
                .build();

        pipeline.publish(news);

        assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        TestRecord<String, EnrichedNews> enriched = pipeline.enriched.readRecord();
        NewsEvent copy = enriched.value().getNews();
        assertThat(copy.getTitle()).hasSize(EnrichmentBounds.MAX_TITLE_CHARS).endsWith("…");
        assertThat(copy.getUrl()).isNull();
        assertThat(copy.getPersons()).hasSize(EnrichmentBounds.MAX_NAMES);
        assertThat(cut(enriched))
                .contains("title: 2000 of 300000 characters kept")
                .contains("url of 300000 characters left out")
                .contains("persons: first 100 of 10000 kept");
        assertThat(pipeline.clusterActivities().get("org:bnpt").getNewsCount()).isEqualTo(1);
        assertThat(pipeline.clusterActivities().get("org:bnpt").getRecentHeadlines())
                .singleElement()
                .satisfies(h -> assertThat(h.getTitle()).hasSize(FanOut.MAX_HEADLINE_TITLE_CHARS));
    }

    @Test
    void aNewsUnderEveryBoundIsWrittenWholeWithoutACutHeader() {
        pipeline.publish(Fixtures.seedNews());

        TestRecord<String, EnrichedNews> enriched = pipeline.enriched.readRecord();
        assertThat(enriched.value().getNews()).isEqualTo(Fixtures.seedNews());
        assertThat(enriched.headers().lastHeader(EnrichmentBounds.HEADER_CUT)).isNull();
    }

    @Test
    void deadLettersANewsWhoseIdIsOverTheLimitWithTheReason() {
        String id = "news:" + "x".repeat(NewsValidator.MAX_ID_CHARS);
        pipeline.publish(NewsEvent.newBuilder(Fixtures.seedNews()).setId(id).build());

        List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters.readRecordsToList();
        assertThat(letters)
                .singleElement()
                .satisfies(letter -> assertThat(new String(
                                letter.headers()
                                        .lastHeader(DeadLetterHandler.HEADER_MESSAGE)
                                        .value(),
                                StandardCharsets.UTF_8))
                        .contains("id of " + id.length() + " characters is over the limit of "
                                + NewsValidator.MAX_ID_CHARS));
        assertThat(pipeline.enriched.readRecordsToList()).isEmpty();
    }

    private int encodedSize(EnrichedNews enriched) {
        return pipeline.topics
                .enriched()
                .valueSerializer()
                .serialize(pipeline.topics.enriched().name(), enriched)
                .length;
    }

    private static String cut(TestRecord<?, ?> record) {
        assertThat(record.headers().lastHeader(EnrichmentBounds.HEADER_CUT))
                .as("the cut header")
                .isNotNull();
        return new String(
                record.headers().lastHeader(EnrichmentBounds.HEADER_CUT).value(), StandardCharsets.UTF_8);
    }

    /** The ids, then {@code count} more that no reference data knows. */
    static List<String> withFakes(List<String> first, String prefix, int count) {
        List<String> ids = new ArrayList<>(first);
        IntStream.range(0, count)
                .mapToObj(i -> String.format("%s%05d", prefix, i))
                .forEach(ids::add);
        return ids;
    }
}
