package eu.clusternews.pipeline;

import static eu.clusternews.pipeline.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.pipeline.internal.NewsWithoutBody;
import eu.clusternews.registry.ConfluentWireFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
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
    void newsDecodedFromTheirBytesShareOneEnrichmentToo() throws java.io.IOException {
        // decoded lists are Avro's own (GenericData.Array): the remembered key must match them as it matches plain
        // lists
        NewsWithoutBody reader = new NewsWithoutBody();
        Enrichment first = memo.apply(reader.read("cluster-news", wire(Fixtures.seedNews())));
        NewsEvent another =
                NewsEvent.newBuilder(Fixtures.seedNews()).setId("news:another").build();

        assertThat(memo.apply(reader.read("cluster-news", wire(another)))).isSameAs(first);
        assertThat(memo.apply(Fixtures.seedNews())).isSameAs(first);
    }

    private static byte[] wire(NewsEvent news) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(ConfluentWireFormat.header(1));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<NewsEvent>(NewsEvent.getClassSchema(), SpecificData.getForClass(NewsEvent.class))
                .write(news, encoder);
        encoder.flush();
        return out.toByteArray();
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

    @Test
    void atAnUnchangedReferenceVersionTheRememberedEnrichmentIsHandedOutWithoutLookingAnythingUp() {
        VersionedLookup versioned = new VersionedLookup(reference);
        EnrichmentMemo versionedMemo = new EnrichmentMemo(versioned, 16);
        Enrichment first = versionedMemo.apply(Fixtures.seedNews());
        assertThat(versioned.lookups).isPositive();
        versioned.lookups = 0;

        NewsEvent another =
                NewsEvent.newBuilder(Fixtures.seedNews()).setId("news:another").build();
        assertThat(versionedMemo.apply(another)).isSameAs(first);
        assertThat(versioned.lookups).isZero();
    }

    @Test
    void atANewReferenceVersionTheRecordsAreLookedUpAgainAndOnlyAChangedOneGivesANewEnrichment() {
        VersionedLookup versioned = new VersionedLookup(reference);
        EnrichmentMemo versionedMemo = new EnrichmentMemo(versioned, 16);
        Enrichment first = versionedMemo.apply(Fixtures.seedNews());

        // a record the news' enrichment was not made from
        organisations.put("org:elsewhere", Fixtures.seedOrganisations().get("org:bnpt"));
        versioned.version++;
        versioned.lookups = 0;
        assertThat(versionedMemo.apply(Fixtures.seedNews())).isSameAs(first);
        assertThat(versioned.lookups).as("checked once at the new version").isPositive();
        versioned.lookups = 0;
        assertThat(versionedMemo.apply(Fixtures.seedNews())).isSameAs(first);
        assertThat(versioned.lookups).as("and not again at the same version").isZero();

        Organisation member = organisations.get("org:nanoprogress");
        organisations.put(
                "org:nanoprogress",
                Organisation.newBuilder(member).setName("NANOPROGRESS renamed").build());
        versioned.version++;
        Enrichment after = versionedMemo.apply(Fixtures.seedNews());
        assertThat(after).isNotSameAs(first);
        assertThat(after.of(Fixtures.seedNews(), START))
                .isEqualTo(new Enricher(reference).enrich(Fixtures.seedNews(), START));
    }

    /** The test's reference data with a version the test sets, counting the lookups made. */
    private static final class VersionedLookup implements ReferenceLookup {
        private final ReferenceLookup reference;
        long version;
        int lookups;

        VersionedLookup(ReferenceLookup reference) {
            this.reference = reference;
        }

        @Override
        public java.util.Optional<Organisation> organisation(String id) {
            lookups++;
            return reference.organisation(id);
        }

        @Override
        public java.util.Optional<Consortium> consortium(String id) {
            lookups++;
            return reference.consortium(id);
        }

        @Override
        public java.util.Optional<Programme> programme(String id) {
            lookups++;
            return reference.programme(id);
        }

        @Override
        public java.util.OptionalLong version() {
            return java.util.OptionalLong.of(version);
        }
    }
}
