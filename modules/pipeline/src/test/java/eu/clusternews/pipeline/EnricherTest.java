package eu.clusternews.pipeline;

import static eu.clusternews.pipeline.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    /** The seed news as the enricher publishes it. */
    private final EnrichedNews seed = enricher.enrich(Fixtures.seedNews(), START);

    @Test
    void attachesEachMentionedConsortiumWithItsProgrammeChainPeriodBudgetAndMembers() {
        assertThat(seed.getConsortia())
                .extracting(EnrichedConsortium::getId)
                .containsExactly("cons:inno-drop", "cons:clusgrid");
        EnrichedConsortium innoDrop = seed.getConsortia().get(0);
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
        assertThat(seed.getEnrichedAt()).isEqualTo(START);
        assertThat(seed.getNews()).isEqualTo(Fixtures.seedNews());
    }

    @Test
    void listsTheProgrammesInvolvedOnceEachWithTheFundingProgrammeBeforeItsParent() {
        assertThat(seed.getProgrammes())
                .extracting(ProgrammeRef::getId)
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
    }

    @Test
    void attachesThePublisherAndMentionedOrganisationsWithTypeCountryAndCity() {
        assertThat(seed.getOrganisations())
                .extracting(
                        OrganisationRef::getId,
                        OrganisationRef::getType,
                        OrganisationRef::getCountry,
                        OrganisationRef::getCity)
                .containsExactly(
                        tuple("org:bnpt", "cluster_organisation", "DE", "Greifswald"),
                        tuple("org:esca", "label_body", "DE", null),
                        tuple("org:vdivde-it", "consultancy", "DE", null));
    }

    @Test
    void involvesTheTenClustersOfTheSeedWithBalticNetAlsoAsPublisherAndMentioned() {
        assertThat(seed.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .containsExactlyElementsOf(Fixtures.TEN_CLUSTERS);
        Map<String, ClusterInvolvement> byId = new HashMap<>();
        seed.getClusters().forEach(c -> byId.put(c.getClusterId(), c));
        assertThat(byId.get("org:bnpt").getRoles())
                .containsExactly(ClusterRole.PUBLISHER, ClusterRole.MENTIONED, ClusterRole.CONSORTIUM_MEMBER);
        assertThat(byId.get("org:bnpt").getViaConsortiumIds()).containsExactly("cons:inno-drop");
        assertThat(byId.get("org:pole-scs").getRoles()).containsExactly(ClusterRole.CONSORTIUM_MEMBER);
        assertThat(byId.get("org:pole-scs").getViaConsortiumIds()).containsExactly("cons:clusgrid");
    }

    @Test
    void doesNotTreatOrganisationsThatAreNotClustersAsClusters() {
        assertThat(seed.getClusters())
                .extracting(ClusterInvolvement::getClusterId)
                .doesNotContain("org:esca", "org:vdivde-it");
        assertThat(seed.getUnresolvedIds()).isEmpty();
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
