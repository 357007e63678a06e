package eu.clusternews.pipeline;

import static eu.clusternews.pipeline.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private final Enricher enricher = new Enricher(Fixtures.seedReference());
    private final EnrichedNews seed = enricher.enrich(Fixtures.seedNews(), START);

    @Test
    void givesEachClusterOneContributionWithItsRoles() {
        Map<String, ClusterContribution> byCluster = FanOut.perCluster(seed).stream()
                .collect(Collectors.toMap(ClusterContribution::getEntityId, Function.identity()));

        assertThat(byCluster.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
        assertThat(byCluster.get("org:bnpt").getRoles())
                .containsExactly(ClusterRole.PUBLISHER, ClusterRole.MENTIONED, ClusterRole.CONSORTIUM_MEMBER);
        assertThat(byCluster.get("org:secpho").getRoles()).containsExactly(ClusterRole.CONSORTIUM_MEMBER);
    }

    @Test
    void carriesTheNewsFieldsAndTheSortedIdsOfEverythingInvolved() {
        ClusterContribution c = FanOut.perCluster(seed).get(0);

        assertThat(c.getNewsId()).isEqualTo("news:seed-2017-05-17");
        assertThat(c.getTitle()).startsWith("BalticNet-PlasmaTec");
        assertThat(c.getPublishedAt()).isEqualTo(seed.getNews().getPublishedAt());
        assertThat(c.getKind()).isEqualTo(seed.getNews().getKind());
        assertThat(c.getConsortiumIds()).containsExactly("cons:clusgrid", "cons:inno-drop");
        assertThat(c.getProgrammeIds()).containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
        assertThat(c.getClusterIds()).containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
    }

    /** What lets an entity's activity skip the ids of a list it has added before (Activity.add). */
    @Test
    void twoNewsInvolvingTheSameEntitiesShareOneInstanceOfEachIdList() {
        EnrichedNews other = enricher.enrich(
                NewsEvent.newBuilder(Fixtures.seedNews()).setId("news:another").build(), START);
        ClusterContribution first = FanOut.perCluster(seed).get(0);
        ClusterContribution second = FanOut.perCluster(other).get(0);

        assertThat(second.getNewsId()).isEqualTo("news:another");
        assertThat(second.getClusterIds()).isSameAs(first.getClusterIds());
        assertThat(second.getConsortiumIds()).isSameAs(first.getConsortiumIds());
        assertThat(second.getProgrammeIds()).isSameAs(first.getProgrammeIds());
        assertThat(second.getEntityId()).isSameAs(first.getEntityId());
    }

    @Test
    void carriesTheDisplayFieldsOfTheReferenceDataOnlyWhenGivenALookupThatKnowsTheEntity() {
        ReferenceLookup reference = Fixtures.seedReference();
        Map<String, ClusterContribution> clusters = FanOut.perCluster(seed, reference).stream()
                .collect(Collectors.toMap(ClusterContribution::getEntityId, Function.identity()));
        Map<String, ClusterContribution> consortia = FanOut.perConsortium(seed, reference).stream()
                .collect(Collectors.toMap(ClusterContribution::getEntityId, Function.identity()));
        Map<String, ClusterContribution> programmes = FanOut.perProgramme(seed, reference).stream()
                .collect(Collectors.toMap(ClusterContribution::getEntityId, Function.identity()));

        assertThat(clusters.get("org:bnpt").getEntityName()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(clusters.get("org:bnpt").getEntityCountry()).isEqualTo("DE");
        assertThat(consortia.get("cons:clusgrid").getEntityName()).isEqualTo("CLUSGRID");
        assertThat(consortia.get("cons:clusgrid").getEntityParentId()).isEqualTo("prog:cosme-cluster-excellence");
        assertThat(programmes.get("prog:cosme-cluster-excellence").getEntityParentId())
                .isEqualTo("prog:cosme");
        assertThat(programmes.get("prog:cosme").getEntityName()).isEqualTo("COSME");
        assertThat(FanOut.perCluster(seed))
                .allSatisfy(c -> assertThat(c.getEntityName()).isNull());
        assertThat(FanOut.perConsortium(seed, ReferenceLookup.of(Map.of(), Map.of(), Map.of())))
                .allSatisfy(c -> assertThat(c.getEntityName()).isNull());
    }

    @Test
    void givesEachMentionedConsortiumAndEachProgrammeInvolvedOneContributionWithoutRoles() {
        assertThat(FanOut.perConsortium(seed))
                .extracting(ClusterContribution::getEntityId)
                .containsExactly("cons:clusgrid", "cons:inno-drop");
        assertThat(FanOut.perProgramme(seed))
                .extracting(ClusterContribution::getEntityId)
                .containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
        assertThat(FanOut.perConsortium(seed))
                .allSatisfy(c -> assertThat(c.getRoles()).isEmpty());
    }

    @Test
    void countsAParentProgrammeForNewsThatOnlyMentionAConsortiumItFunds() {
        EnrichedNews news = enricher.enrich(
                Fixtures.news("n").setConsortiumIds(List.of("cons:clusgrid")).build(), START);

        assertThat(FanOut.perProgramme(news))
                .extracting(ClusterContribution::getEntityId)
                .containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
    }

    @Test
    void givesUnknownConsortiaAndProgrammesAContributionButUnknownOrganisationsNone() {
        EnrichedNews news = enricher.enrich(
                Fixtures.news("n")
                        .setOrganisationIds(List.of("org:nobody"))
                        .setConsortiumIds(List.of("cons:ghost"))
                        .setProgrammeIds(List.of("prog:nowhere"))
                        .build(),
                START);

        assertThat(FanOut.perCluster(news)).isEmpty();
        assertThat(FanOut.perConsortium(news))
                .extracting(ClusterContribution::getEntityId)
                .containsExactly("cons:ghost");
        assertThat(FanOut.perProgramme(news))
                .extracting(ClusterContribution::getEntityId)
                .containsExactly("prog:nowhere");
    }

    @Test
    void boundsTheTitleAndLeavesOutAnOverlongUrlSoThatAHugeNewsCannotInflateEveryHeadline() {
        EnrichedNews huge = EnrichedNews.newBuilder(seed)
                .setNews(eu.clusternews.avro.NewsEvent.newBuilder(seed.getNews())
                        .setTitle("T".repeat(300_000))
                        .setUrl("https://example.org/" + "p".repeat(100_000))
                        .build())
                .build();

        assertThat(FanOut.perConsortium(huge)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.getTitle()).hasSize(FanOut.MAX_HEADLINE_TITLE_CHARS).endsWith("…");
            assertThat(c.getUrl()).isNull();
        });
        assertThat(FanOut.perConsortium(seed)).allSatisfy(c -> {
            assertThat(c.getTitle()).isEqualTo(seed.getNews().getTitle());
            assertThat(c.getUrl()).isEqualTo(seed.getNews().getUrl());
        });
    }
}
