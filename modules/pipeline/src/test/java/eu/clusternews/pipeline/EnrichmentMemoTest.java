package eu.clusternews.pipeline;

import static eu.clusternews.pipeline.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import org.junit.jupiter.api.Test;

class EnrichmentMemoTest {

    // live maps: a change shows in the next lookup, as the global stores' do
    private final Map<String, Organisation> organisations = Fixtures.seedOrganisations();
    private final Map<String, Consortium> consortia = Fixtures.seedConsortia();
    private final Map<String, Programme> programmes = Fixtures.seedProgrammes();
    private final ReferenceLookup reference = ReferenceLookup.of(organisations, consortia, programmes);
    private final EnrichmentMemo memo = new EnrichmentMemo(reference, 16);

    @Test
    void newsMentioningTheSameEntitiesShareOneEnrichmentWhileTheReferenceRecordsStayTheSame() {
        Enrichment first = memo.apply(Fixtures.seedNews());
        NewsEvent another = NewsEvent.newBuilder(Fixtures.seedNews())
                .setId("news:another")
                .setTitle("Another title")
                .build();

        assertThat(memo.apply(another)).isSameAs(first);
        assertThat(first.of(another, START)).isEqualTo(new Enricher(reference).enrich(another, START));
    }

    @Test
    void aChangedMemberOfAMentionedConsortiumGivesANewEnrichment() {
        Enrichment before = memo.apply(Fixtures.seedNews());
        // org:nanoprogress is a member of cons:inno-drop, not mentioned by the news itself
        Organisation member = organisations.get("org:nanoprogress");
        organisations.put(
                "org:nanoprogress",
                Organisation.newBuilder(member).setName("NANOPROGRESS renamed").build());

        Enrichment after = memo.apply(Fixtures.seedNews());

        assertThat(after).isNotSameAs(before);
        assertThat(after.of(Fixtures.seedNews(), START))
                .isEqualTo(new Enricher(reference).enrich(Fixtures.seedNews(), START));
    }

    @Test
    void aParentProgrammeChangedRemovedOrAnUnknownIdAddedGivesANewEnrichment() {
        NewsEvent news = NewsEvent.newBuilder(Fixtures.seedNews())
                .setConsortiumIds(List.of("cons:inno-drop", "cons:ghost"))
                .build();
        Enrichment first = memo.apply(news);
        assertThat(first.of(news, START).getUnresolvedIds()).contains("cons:ghost");

        consortia.put("cons:ghost", Fixtures.consortium("cons:ghost", "GHOST", "prog:cosme", List.of("org:bnpt")));
        Enrichment added = memo.apply(news);
        assertThat(added).isNotSameAs(first);
        assertThat(added.of(news, START).getUnresolvedIds()).doesNotContain("cons:ghost");

        programmes.put(
                "prog:cosme",
                Programme.newBuilder(programmes.get("prog:cosme"))
                        .setBudgetEur(1.0)
                        .build());
        Enrichment changedParent = memo.apply(news);
        assertThat(changedParent).isNotSameAs(added);

        programmes.remove("prog:cosme");
        Enrichment removed = memo.apply(news);
        assertThat(removed).isNotSameAs(changedParent);
        assertThat(removed.of(news, START)).isEqualTo(new Enricher(reference).enrich(news, START));
    }

    @Test
    void newsMentioningOtherEntitiesGetTheirOwnEnrichment() {
        Enrichment seed = memo.apply(Fixtures.seedNews());
        NewsEvent fewer = NewsEvent.newBuilder(Fixtures.seedNews())
                .setConsortiumIds(List.of("cons:clusgrid"))
                .build();

        Enrichment other = memo.apply(fewer);

        assertThat(other).isNotSameAs(seed);
        assertThat(other.of(fewer, START)).isEqualTo(new Enricher(reference).enrich(fewer, START));
        assertThat(memo.apply(Fixtures.seedNews())).isSameAs(seed);
    }
}
