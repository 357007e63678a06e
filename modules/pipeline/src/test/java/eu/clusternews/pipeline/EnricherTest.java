package eu.clusternews.pipeline;

import static eu.clusternews.pipeline.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.OrganisationRef;
import eu.clusternews.avro.ProgrammeRef;
import org.junit.jupiter.api.Test;

class EnricherTest {

    private final Enricher enricher = new Enricher(Fixtures.seedReference());

    @Test
    void attachesEachMentionedConsortiumWithItsProgrammeChainPeriodBudgetAndMembers() {
        EnrichedNews enriched = enricher.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop", "cons:clusgrid");
        EnrichedConsortium innoDrop = enriched.getConsortia().get(0);
        assertThat(innoDrop.getAcronym()).isEqualTo("INNO-DROP");
        assertThat(innoDrop.getProgrammeChain())
                .extracting(ProgrammeRef::getId)
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
        assertThat(innoDrop.getProgrammeChain().get(1).getBudgetEur()).isEqualTo(2.3e9);
        assertThat(innoDrop.getStartMonth()).isEqualTo("2016-11");
        assertThat(innoDrop.getEndMonth()).isEqualTo("2018-11");
        assertThat(innoDrop.getTotalBudgetEur()).isEqualTo(500_000.0);
        assertThat(innoDrop.getMembers())
                .extracting(Member::getOrganisationId)
                .containsExactlyElementsOf(Fixtures.INNO_DROP_MEMBERS);
        assertThat(enriched.getEnrichedAt()).isEqualTo(START);
        assertThat(enriched.getNews()).isEqualTo(Fixtures.seedNews());
    }

    @Test
    void listsTheProgrammesInvolvedOnceEachWithTheFundingProgrammeBeforeItsParent() {
        EnrichedNews enriched = enricher.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getProgrammes())
                .extracting(ProgrammeRef::getId)
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
    }

    @Test
    void attachesThePublisherAndMentionedOrganisationsWithTypeCountryAndCity() {
        EnrichedNews enriched = enricher.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getOrganisations())
                .extracting(OrganisationRef::getId)
                .containsExactly("org:bnpt", "org:esca", "org:vdivde-it");
        OrganisationRef bnpt = enriched.getOrganisations().get(0);
        assertThat(bnpt.getType()).isEqualTo("cluster_organisation");
        assertThat(bnpt.getCountry()).isEqualTo("DE");
        assertThat(bnpt.getCity()).isEqualTo("Greifswald");
    }

    @Test
    void involvesTheTenClustersOfTheSeedWithBalticNetAlsoAsPublisherAndMentioned() {
        EnrichedNews enriched = enricher.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
        Map<String, ClusterInvolvement> byId = new HashMap<>();
        enriched.getClusters().forEach(c -> byId.put(c.getClusterId(), c));
        assertThat(byId.get("org:bnpt").getRoles())
                .containsExactly(ClusterRole.PUBLISHER, ClusterRole.MENTIONED, ClusterRole.CONSORTIUM_MEMBER);
        assertThat(byId.get("org:bnpt").getViaConsortiumIds()).containsExactly("cons:inno-drop");
        assertThat(byId.get("org:pole-scs").getRoles()).containsExactly(ClusterRole.CONSORTIUM_MEMBER);
        assertThat(byId.get("org:pole-scs").getViaConsortiumIds()).containsExactly("cons:clusgrid");
    }

    @Test
    void doesNotTreatOrganisationsThatAreNotClustersAsClusters() {
        EnrichedNews enriched = enricher.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .doesNotContain("org:esca", "org:vdivde-it");
        assertThat(enriched.getUnresolvedIds()).isEmpty();
    }

    @Test
    void keepsUnknownIdsAsUnresolvedAndStillEnrichesTheKnownOnes() {
        NewsEvent news = Fixtures.news("n1")
                .setPublisherId("org:unknown-publisher")
                .setOrganisationIds(List.of("org:zinnae", "org:nobody"))
                .setConsortiumIds(List.of("cons:inno-drop", "cons:ghost"))
                .setProgrammeIds(List.of("prog:nowhere"))
                .build();

        EnrichedNews enriched = enricher.enrich(news, START);

        assertThat(enriched.getUnresolvedIds())
                .containsExactly("org:unknown-publisher", "org:nobody", "cons:ghost", "prog:nowhere");
        assertThat(enriched.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop");
        assertThat(enriched.getNews().getConsortiumIds()).containsExactly("cons:inno-drop", "cons:ghost");
        assertThat(enriched.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactlyElementsOf(
                        Fixtures.INNO_DROP_MEMBERS.stream().sorted().toList());
    }

    @Test
    void keepsAConsortiumWhoseProgrammeIsUnknownWithAnEmptyChain() {
        Enricher withoutProgrammes =
                new Enricher(ReferenceLookup.of(Fixtures.seedOrganisations(), Fixtures.seedConsortia(), Map.of()));

        EnrichedNews enriched = withoutProgrammes.enrich(Fixtures.seedNews(), START);

        assertThat(enriched.getConsortia())
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.getProgrammeChain()).isEmpty());
        assertThat(enriched.getUnresolvedIds()).containsExactly("prog:cosme", "prog:cosme-cluster-excellence");
    }

    @Test
    void stopsFollowingAProgrammeChainThatLoops() {
        Map<String, eu.clusternews.avro.Programme> loop = Fixtures.byId(
                eu.clusternews.avro.Programme::getId,
                Fixtures.programme("prog:a", "A", null, "prog:b"),
                Fixtures.programme("prog:b", "B", null, "prog:a"));
        Enricher looping = new Enricher(ReferenceLookup.of(Map.of(), Map.of(), loop));

        EnrichedNews enriched = looping.enrich(
                Fixtures.news("n").setProgrammeIds(List.of("prog:a")).build(), START);

        assertThat(enriched.getProgrammes()).extracting(ProgrammeRef::getId).containsExactly("prog:a", "prog:b");
    }

    @Test
    void listsEachClusterOnceEvenWhenItIsAMemberOfTwoMentionedConsortia() {
        Map<String, eu.clusternews.avro.Consortium> consortia = new HashMap<>(Fixtures.seedConsortia());
        consortia.put(
                "cons:adpack",
                Fixtures.consortium("cons:adpack", "ADPACK", null, List.of("org:bnpt", "org:nanoprogress")));
        Enricher enricherWithAdpack =
                new Enricher(ReferenceLookup.of(Fixtures.seedOrganisations(), consortia, Map.of()));

        EnrichedNews enriched = enricherWithAdpack.enrich(
                Fixtures.news("n")
                        .setConsortiumIds(List.of("cons:inno-drop", "cons:adpack", "cons:inno-drop"))
                        .build(),
                START);

        assertThat(enriched.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop", "cons:adpack");
        ClusterInvolvement bnpt = enriched.getClusters().stream()
                .filter(c -> c.getClusterId().equals("org:bnpt"))
                .findFirst()
                .orElseThrow();
        assertThat(bnpt.getRoles()).containsExactly(ClusterRole.CONSORTIUM_MEMBER);
        assertThat(bnpt.getViaConsortiumIds()).containsExactly("cons:adpack", "cons:inno-drop");
    }
}
