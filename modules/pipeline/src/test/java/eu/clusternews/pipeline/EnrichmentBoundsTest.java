package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The bounds as a pure function: the cut clusters, the last resort (dead-letter) and the configuration check. */
class EnrichmentBoundsTest {

    private final EnrichmentBounds bounds = new EnrichmentBounds();

    @Test
    void aNewsWhoseReferenceDataAloneIsOverTheByteBoundIsBadInputNamingTheSetting() {
        // 100 known consortia with 10 000-character titles: 1 MB of enrichment, whatever the body
        Map<String, Consortium> consortia = new java.util.LinkedHashMap<>();
        IntStream.range(0, 100)
                .forEach(i -> consortia.put(
                        "cons:big-" + i,
                        Consortium.newBuilder(Fixtures.consortium(
                                        "cons:big-" + i, "BIG" + i, "prog:cosme", Fixtures.INNO_DROP_MEMBERS))
                                .setFullTitle("F".repeat(10_000))
                                .build()));
        Enricher enricher =
                new Enricher(ReferenceLookup.of(Fixtures.seedOrganisations(), consortia, Fixtures.seedProgrammes()));
        NewsEvent news = NewsEvent.newBuilder(Fixtures.seedNews())
                .setConsortiumIds(List.copyOf(consortia.keySet()))
                .setBody("body")
                .build();

        assertThatThrownBy(() -> bounds.enrich(enricher, news, Instant.EPOCH))
                .isInstanceOf(InvalidNewsException.class)
                .hasMessageContaining("even with its body cut to 0 bytes, over the limit of 524288 bytes")
                .hasMessageContaining(EnrichmentBounds.MAX_BYTES_CONFIG);
    }

    @Test
    void aNewsWithItsBodyLeftInItsBytesIsEnrichedAsItIsOnlyWhenItsBinaryShowsItWithinTheBound() {
        Enricher enricher = new Enricher(Fixtures.seedReference());
        NewsEvent bodyless = NewsEvent.newBuilder(Fixtures.seedNews()).build();
        bodyless.setBody(null); // as NewsWithoutBody reads it

        EnrichmentBounds.Bounded small = bounds.enrichAsItIs(enricher::enrichment, bodyless, Instant.EPOCH, 3_000);
        assertThat(small.isCut()).isFalse();
        assertThat(small.enriched().getNews()).isSameAs(bodyless);
        assertThat(small.enrichment().isIn(small.enriched())).isTrue();

        // a binary near the bound leaves no room for the enrichment: decode the body and cut it (enrich)
        assertThat(bounds.enrichAsItIs(enricher::enrichment, bodyless, Instant.EPOCH, bounds.maxBytes() - 100))
                .isNull();
        // ids over the bounds are cut from the news itself
        NewsEvent manyIds = NewsEvent.newBuilder(Fixtures.seedNews())
                .setOrganisationIds(IntStream.range(0, EnrichmentBounds.MAX_IDS + 1)
                        .mapToObj(i -> "org:x" + i)
                        .toList())
                .build();
        manyIds.setBody(null);
        assertThat(bounds.enrichAsItIs(enricher::enrichment, manyIds, Instant.EPOCH, 3_000))
                .isNull();
    }

    @Test
    void aNewsInvolvingMoreClustersThanTheBoundKeepsThePublisherAndTheMentionedOnesFirst() {
        Map<String, eu.clusternews.avro.Organisation> organisations =
                new java.util.LinkedHashMap<>(Fixtures.seedOrganisations());
        List<String> members = IntStream.range(0, 300)
                .mapToObj(i -> String.format("org:member-%03d", i))
                .toList();
        members.forEach(id -> organisations.put(id, Fixtures.cluster(id, id, "DE")));
        Consortium big = Fixtures.consortium("cons:big", "BIG", "prog:cosme", members);
        Enricher enricher =
                new Enricher(ReferenceLookup.of(organisations, Map.of("cons:big", big), Fixtures.seedProgrammes()));
        NewsEvent news = NewsEvent.newBuilder(Fixtures.seedNews())
                .setPublisherId("org:zinnae")
                .setOrganisationIds(List.of("org:srednogorie"))
                .setConsortiumIds(List.of("cons:big"))
                .build();

        EnrichmentBounds.Bounded bounded = bounds.enrich(enricher, news, Instant.EPOCH);

        EnrichedNews enriched = bounded.enriched();
        assertThat(enriched.getClusters()).hasSize(EnrichmentBounds.MAX_IDS);
        assertThat(enriched.getClusters().stream().map(c -> c.getClusterId()))
                .contains("org:zinnae", "org:srednogorie", "org:member-000", "org:member-097")
                .doesNotContain("org:member-098")
                .isSorted();
        assertThat(bounded.cuts()).containsExactly("clusters: 100 of 302 involved kept");
        assertThat(FanOut.perCluster(enriched)).hasSize(EnrichmentBounds.MAX_IDS);
    }

    @Test
    void theByteBoundMustLeaveRoomUnderTheProducersMaxRequestSize() {
        assertThat(EnrichmentBounds.from(Map.of()).maxBytes()).isEqualTo(EnrichmentBounds.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> EnrichmentBounds.from(Map.of(EnrichmentBounds.MAX_BYTES_CONFIG, "1000000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be at most max.request.size (1048576) less 131072 bytes");
        assertThat(EnrichmentBounds.from(Map.of(
                                EnrichmentBounds.MAX_BYTES_CONFIG, "3000000", "producer.max.request.size", "4194304"))
                        .maxBytes())
                .isEqualTo(3_000_000);
        assertThatThrownBy(() -> EnrichmentBounds.from(Map.of(EnrichmentBounds.MAX_BYTES_CONFIG, "1000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 65536");
    }

    @Test
    void aUtf8PrefixNeverSplitsACharacterOrASurrogatePair() {
        String text = "aé😀b";

        assertThat(EnrichmentBounds.utf8Prefix(text, 1)).isEqualTo("a");
        assertThat(EnrichmentBounds.utf8Prefix(text, 2)).isEqualTo("a");
        assertThat(EnrichmentBounds.utf8Prefix(text, 3)).isEqualTo("aé");
        assertThat(EnrichmentBounds.utf8Prefix(text, 6)).isEqualTo("aé");
        assertThat(EnrichmentBounds.utf8Prefix(text, 7)).isEqualTo("aé😀");
        assertThat(EnrichmentBounds.utf8Prefix(text, 100)).isEqualTo(text);
    }
}
