package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.ProgrammeActivity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ActivityAggregatorTest {

    private final ActivityAggregator aggregator = new ActivityAggregator(3);

    static ClusterContribution contribution(
            String entityId, String newsId, LocalDate published, NewsKind kind, List<ClusterRole> roles) {
        return ClusterContribution.newBuilder()
                .setEntityId(entityId)
                .setNewsId(newsId)
                .setTitle("Title " + newsId)
                .setPublishedAt(published)
                .setKind(kind)
                .setRoles(roles)
                .setConsortiumIds(List.of("cons:" + newsId.hashCode() % 3))
                .setProgrammeIds(List.of("prog:cosme"))
                .setClusterIds(List.of(entityId, "org:other-" + Math.abs(newsId.hashCode() % 4)))
                .build();
    }

    private ClusterActivity clusterActivityOf(List<ClusterContribution> contributions) {
        ClusterActivity activity = null;
        for (ClusterContribution c : contributions) {
            // the display fields as the fan-out takes them from the reference data
            activity = aggregator.addToCluster(
                    activity,
                    ClusterContribution.newBuilder(c)
                            .setEntityName("BalticNet-PlasmaTec")
                            .setEntityCountry("DE")
                            .build());
        }
        return activity;
    }

    @Test
    void countsNewsDatesKindsRolesAndMonths() {
        ClusterActivity activity = clusterActivityOf(List.of(
                contribution(
                        "org:bnpt",
                        "n1",
                        LocalDate.of(2017, 5, 17),
                        NewsKind.TRAINING,
                        List.of(ClusterRole.PUBLISHER, ClusterRole.MENTIONED)),
                contribution(
                        "org:bnpt", "n2", LocalDate.of(2015, 5, 2), NewsKind.MEETING, List.of(ClusterRole.MENTIONED)),
                contribution(
                        "org:bnpt",
                        "n3",
                        LocalDate.of(2017, 5, 1),
                        NewsKind.TRAINING,
                        List.of(ClusterRole.CONSORTIUM_MEMBER)),
                contribution("org:bnpt", "n4", null, NewsKind.OTHER, List.of(ClusterRole.MENTIONED))));

        assertThat(activity.getClusterId()).isEqualTo("org:bnpt");
        assertThat(activity.getName()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(activity.getCountry()).isEqualTo("DE");
        assertThat(activity.getNewsCount()).isEqualTo(4);
        assertThat(activity.getFirstPublishedAt()).isEqualTo(LocalDate.of(2015, 5, 2));
        assertThat(activity.getLastPublishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
        assertThat(activity.getUndatedCount()).isEqualTo(1);
        assertThat(activity.getCountsByKind())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("TRAINING", 2L, "MEETING", 1L, "OTHER", 1L));
        assertThat(activity.getCountsByMonth())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("2017-05", 2L, "2015-05", 1L));
        assertThat(activity.getCountsByRole())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("PUBLISHER", 1L, "MENTIONED", 3L, "CONSORTIUM_MEMBER", 1L));
        assertThat(activity.getProgrammeIds()).containsExactly("prog:cosme");
        assertThat(activity.getClusterIds()).isSorted().contains("org:bnpt");
    }

    @Test
    void keepsTheNewestHeadlinesUpToTheBoundWithUndatedNewsLastAndTiesByNewsId() {
        ClusterActivity activity = clusterActivityOf(List.of(
                contribution("org:bnpt", "b", LocalDate.of(2020, 1, 1), NewsKind.OTHER, List.of()),
                contribution("org:bnpt", "undated", null, NewsKind.OTHER, List.of()),
                contribution("org:bnpt", "old", LocalDate.of(2001, 1, 1), NewsKind.OTHER, List.of()),
                contribution("org:bnpt", "a", LocalDate.of(2020, 1, 1), NewsKind.OTHER, List.of()),
                contribution("org:bnpt", "newest", LocalDate.of(2024, 1, 1), NewsKind.OTHER, List.of())));

        assertThat(activity.getRecentHeadlines())
                .extracting(Headline::getNewsId)
                .containsExactly("newest", "a", "b");
        assertThat(activity.getNewsCount()).isEqualTo(5);
    }

    @Test
    void keepsTheLastKnownNameWhenTheReferenceDataNoLongerKnowsTheEntity() {
        ClusterActivity first = aggregator.addToCluster(
                null,
                ClusterContribution.newBuilder(contribution("org:bnpt", "n1", null, NewsKind.OTHER, List.of()))
                        .setEntityName("BalticNet-PlasmaTec")
                        .setEntityCountry("DE")
                        .build());

        // a contribution made when the reference data no longer knew the cluster carries no display fields
        ClusterActivity second =
                aggregator.addToCluster(first, contribution("org:bnpt", "n2", null, NewsKind.OTHER, List.of()));

        assertThat(second.getName()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(second.getCountry()).isEqualTo("DE");
        assertThat(second.getNewsCount()).isEqualTo(2);
    }

    @Test
    void takesTheDisplayFieldsTheContributionCarriesAndKeepsThemWhenALaterOneCarriesNone() {
        ClusterContribution named = ClusterContribution.newBuilder(
                        contribution("org:bnpt", "n1", null, NewsKind.OTHER, List.of()))
                .setEntityName("BalticNet-PlasmaTec")
                .setEntityCountry("DE")
                .build();
        ClusterContribution anonymous = contribution("org:bnpt", "n2", null, NewsKind.OTHER, List.of());
        ClusterContribution consortium = ClusterContribution.newBuilder(
                        contribution("cons:x", "n1", null, NewsKind.OTHER, List.of()))
                .setEntityName("X")
                .setEntityParentId("prog:p")
                .build();

        ClusterActivity cluster = aggregator.addToCluster(aggregator.addToCluster(null, named), anonymous);
        ConsortiumActivity consortiumActivity = aggregator.addToConsortium(null, consortium);
        ProgrammeActivity programme = aggregator.addToProgramme(
                null,
                ClusterContribution.newBuilder(consortium).setEntityId("prog:x").build());

        assertThat(cluster.getName()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(cluster.getCountry()).isEqualTo("DE");
        assertThat(cluster.getNewsCount()).isEqualTo(2);
        assertThat(consortiumActivity.getName()).isEqualTo("X");
        assertThat(consortiumActivity.getProgrammeId()).isEqualTo("prog:p");
        assertThat(programme.getName()).isEqualTo("X");
        assertThat(programme.getParentId()).isEqualTo("prog:p");
    }

    @Test
    void takesAConsortiumsAcronymAndProgrammeAndAProgrammesNameAndParentFromTheContribution() {
        ClusterContribution c =
                contribution("cons:inno-drop", "n1", LocalDate.of(2017, 5, 17), NewsKind.TRAINING, List.of());

        // the display fields as FanOut takes them from the reference data (FanOutTest)
        ConsortiumActivity consortium = aggregator.addToConsortium(
                null,
                ClusterContribution.newBuilder(c)
                        .setEntityName("INNO-DROP")
                        .setEntityParentId("prog:cosme-cluster-excellence")
                        .build());
        ProgrammeActivity cosme = aggregator.addToProgramme(
                null,
                ClusterContribution.newBuilder(c)
                        .setEntityId("prog:cosme")
                        .setEntityName("COSME")
                        .build());
        ProgrammeActivity excellence = aggregator.addToProgramme(
                null,
                ClusterContribution.newBuilder(c)
                        .setEntityId("prog:cosme-cluster-excellence")
                        .setEntityName("Cluster Excellence Programme")
                        .setEntityParentId("prog:cosme")
                        .build());

        assertThat(consortium.getName()).isEqualTo("INNO-DROP");
        assertThat(consortium.getProgrammeId()).isEqualTo("prog:cosme-cluster-excellence");
        assertThat(consortium.getCountsByMonth()).containsEntry("2017-05", 1L);
        assertThat(cosme.getName()).isEqualTo("COSME");
        assertThat(cosme.getParentId()).isNull();
        assertThat(excellence.getName()).isEqualTo("Cluster Excellence Programme");
        assertThat(excellence.getParentId()).isEqualTo("prog:cosme");
    }

    @Test
    void refusesABoundBelowOneHeadline() {
        assertThatThrownBy(() -> new ActivityAggregator(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Property(tries = 200)
    void givesTheSameActivityWhateverOrderTheNewsArriveIn(
            @ForAll("histories") List<ClusterContribution> history, @ForAll java.util.Random random) {
        List<ClusterContribution> shuffled = new ArrayList<>(history);
        java.util.Collections.shuffle(shuffled, random);

        assertThat(clusterActivityOf(shuffled)).isEqualTo(clusterActivityOf(history));
    }

    @Provide
    Arbitrary<List<ClusterContribution>> histories() {
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(0, 3000)
                .map(d -> LocalDate.of(2010, 1, 1).plusDays(d))
                .injectNull(0.1);
        Arbitrary<NewsKind> kinds = Arbitraries.of(NewsKind.class);
        Arbitrary<List<ClusterRole>> roles = Arbitraries.of(ClusterRole.class)
                .set()
                .map(s -> s.stream().sorted().toList());
        return Combinators.combine(dates, kinds, roles)
                .as((d, k, r) -> new Object[] {d, k, r})
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(items -> {
                    List<ClusterContribution> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object[] it = items.get(i);
                        @SuppressWarnings("unchecked")
                        List<ClusterRole> r = (List<ClusterRole>) it[2];
                        out.add(contribution("org:bnpt", "news-" + i, (LocalDate) it[0], (NewsKind) it[1], r));
                    }
                    return out;
                });
    }
}
