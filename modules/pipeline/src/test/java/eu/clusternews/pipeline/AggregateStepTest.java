package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.ProgrammeActivity;
import org.junit.jupiter.api.Test;

/** fan-out and aggregate: the seed's activity per cluster, consortium and programme, independent of arrival order. */
class AggregateStepTest {

    @Test
    void putsTheTenClustersOfTheSeedInClusterActivityWithOneNewsEach() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            pipeline.publish(Fixtures.seedNews());

            Map<String, ClusterActivity> activity = pipeline.latestOutput(pipeline.topics.clusterActivity());
            assertThat(activity.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
            assertThat(activity.values()).allSatisfy(a -> {
                assertThat(a.getNewsCount()).isEqualTo(1);
                assertThat(a.getCountsByKind()).containsExactly(Map.entry("TRAINING", 1L));
                assertThat(a.getCountsByMonth()).containsExactly(Map.entry("2017-05", 1L));
                assertThat(a.getFirstPublishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
                assertThat(a.getLastPublishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
                assertThat(a.getConsortiumIds()).containsExactly("cons:clusgrid", "cons:inno-drop");
                assertThat(a.getProgrammeIds()).containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
                assertThat(a.getCountsByRole()).containsEntry("CONSORTIUM_MEMBER", 1L);
                assertThat(a.getRecentHeadlines())
                        .extracting(Headline::getNewsId)
                        .containsExactly("news:seed-2017-05-17");
            });
            ClusterActivity bnpt = activity.get("org:bnpt");
            assertThat(bnpt.getName()).isEqualTo("BalticNet-PlasmaTec");
            assertThat(bnpt.getCountry()).isEqualTo("DE");
            assertThat(bnpt.getCountsByRole())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("PUBLISHER", 1L, "MENTIONED", 1L, "CONSORTIUM_MEMBER", 1L));
            assertThat(activity.get("org:secpho").getCountsByRole()).containsOnlyKeys("CONSORTIUM_MEMBER");
        }
    }

    @Test
    void putsBothConsortiaAndCosmeWithItsClusterExcellenceProgrammeInTheirActivityTopics() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            pipeline.publish(Fixtures.seedNews());

            Map<String, ConsortiumActivity> consortia = pipeline.latestOutput(pipeline.topics.consortiumActivity());
            Map<String, ProgrammeActivity> programmes = pipeline.latestOutput(pipeline.topics.programmeActivity());
            assertThat(consortia.keySet()).containsExactlyInAnyOrder("cons:inno-drop", "cons:clusgrid");
            assertThat(consortia.get("cons:clusgrid").getName()).isEqualTo("CLUSGRID");
            assertThat(consortia.get("cons:clusgrid").getProgrammeId()).isEqualTo("prog:cosme-cluster-excellence");
            assertThat(consortia.get("cons:clusgrid").getClusterIds()).containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
            assertThat(programmes.keySet()).containsExactlyInAnyOrder("prog:cosme", "prog:cosme-cluster-excellence");
            assertThat(programmes.get("prog:cosme-cluster-excellence").getParentId())
                    .isEqualTo("prog:cosme");
            assertThat(programmes.values())
                    .allSatisfy(p -> assertThat(p.getNewsCount()).isEqualTo(1));
        }
    }

    @Test
    void findsTheTenClustersWithTheReferenceDataOfTheSeedFiles() {
        try (PipelineHarness pipeline = new PipelineHarness()) {
            SeedReference reference = SeedReference.load();
            reference.organisations().forEach(o -> pipeline.organisations.pipeInput(o.getId(), o));
            reference.consortia().forEach(c -> pipeline.consortia.pipeInput(c.getId(), c));
            reference.programmes().forEach(p -> pipeline.programmes.pipeInput(p.getId(), p));

            pipeline.publish(Fixtures.seedNews());

            assertThat(pipeline.clusterActivities().keySet()).containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
            assertThat(pipeline.programmeActivities().keySet())
                    .containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
            assertThat(pipeline.enriched.readValue().getUnresolvedIds()).isEmpty();
        }
    }

    @Test
    void writesTheSameAggregatesToTheOutputTopicsAsToTheQueryableStores() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            history(7).forEach(pipeline::publish);

            assertThat(pipeline.latestOutput(pipeline.topics.clusterActivity()))
                    .isEqualTo(pipeline.clusterActivities());
            assertThat(pipeline.latestOutput(pipeline.topics.consortiumActivity()))
                    .isEqualTo(pipeline.consortiumActivities());
            assertThat(pipeline.latestOutput(pipeline.topics.programmeActivity()))
                    .isEqualTo(pipeline.programmeActivities());
        }
    }

    @Test
    void givesEqualAggregatesForTheSameHistoryInShuffledOrdersWithResends() {
        List<NewsEvent> history = history(30);
        Aggregates inOrder = aggregatesOf(history);

        for (long seed : new long[] {1, 2, 3}) {
            List<NewsEvent> shuffled = new ArrayList<>(history);
            shuffled.addAll(history.subList(0, 5)); // re-sent news must not change anything
            Collections.shuffle(shuffled, new Random(seed));

            assertThat(aggregatesOf(shuffled)).as("shuffle with seed %d", seed).isEqualTo(inOrder);
        }
        assertThat(inOrder.consortia().values().stream()
                        .mapToLong(ConsortiumActivity::getNewsCount)
                        .sum())
                .isEqualTo(30);
        assertThat(inOrder.programmes().get("prog:cosme").getNewsCount()).isEqualTo(30);
    }

    record Aggregates(
            Map<String, ClusterActivity> clusters,
            Map<String, ConsortiumActivity> consortia,
            Map<String, ProgrammeActivity> programmes) {}

    private static Aggregates aggregatesOf(List<NewsEvent> news) {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            news.forEach(pipeline::publish);
            return new Aggregates(
                    pipeline.clusterActivities(), pipeline.consortiumActivities(), pipeline.programmeActivities());
        }
    }

    /** News over fifteen years, some undated, some on the same day, mentioning the seed's consortia and clusters. */
    private static List<NewsEvent> history(int size) {
        Random random = new Random(42);
        NewsKind[] kinds = NewsKind.values();
        List<NewsEvent> news = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LocalDate published =
                    i % 7 == 3 ? null : LocalDate.of(2010, 1, 1).plusDays(random.nextInt(15 * 365) / 3 * 3);
            news.add(Fixtures.news(String.format("news-%03d", i))
                    .setPublishedAt(published)
                    .setKind(kinds[random.nextInt(kinds.length)])
                    .setPublisherId(i % 2 == 0 ? "org:bnpt" : "org:ecict")
                    .setOrganisationIds(List.of(Fixtures.TEN_CLUSTERS.get(random.nextInt(10))))
                    .setConsortiumIds(i % 3 == 0 ? List.of("cons:clusgrid") : List.of("cons:inno-drop"))
                    .build());
        }
        return news;
    }
}
