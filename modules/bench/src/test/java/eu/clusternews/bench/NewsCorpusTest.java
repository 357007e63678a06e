package eu.clusternews.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.ReferenceLookup;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerde;
import org.junit.jupiter.api.Test;

class NewsCorpusTest {

    private final SpecificAvroSerde<NewsEvent> serde =
            new SpecificAvroSerde<>(NewsEvent.class, new InMemorySchemaRegistryClient());

    NewsCorpusTest() {
        serde.configure(Map.of(), false);
    }

    @Test
    void laterRoundsCarryNewIdsInKeyAndValueAndKeepEverythingElse() {
        NewsCorpus corpus = NewsCorpus.of(
                List.of(news("news:aaa"), news("news:bbb")), emptyReference(), serde.serializer(), "cluster-news");

        NewsEvent secondRound = serde.deserializer().deserialize("cluster-news", corpus.value(3));

        assertThat(corpus.key(3)).isEqualTo("news:bbb~1");
        assertThat(secondRound.getId()).isEqualTo("news:bbb~1");
        assertThat(secondRound.getTitle()).isEqualTo("Title of news:bbb");
        assertThat(secondRound.getBody()).isEqualTo(news("news:bbb").getBody());
        assertThat(serde.deserializer()
                        .deserialize("cluster-news", corpus.value(1))
                        .getId())
                .isEqualTo("news:bbb");
    }

    @Test
    void aRepeatedIdCausesNoAggregateUpdateAndTheExpectedContributionCountSaysSo() {
        ReferenceLookup reference = emptyReference();
        NewsCorpus corpus = NewsCorpus.of(
                List.of(news("news:aaa"), news("news:aaa")), reference, serde.serializer(), "cluster-news");

        // unknown consortium and programme ids still get their contributions, one each; the news is a training, so
        // it is also one report in the events
        assertThat(corpus.updates(0)).isEqualTo(2 + 1);
        assertThat(corpus.updates(1)).isZero();
        assertThat(corpus.distinctNews()).isEqualTo(1);
        assertThat(corpus.contributions(3)).isEqualTo(3 + 0 + 3);
    }

    private static ReferenceLookup emptyReference() {
        return ReferenceLookup.of(Map.of(), Map.of(), Map.of());
    }

    private static NewsEvent news(String id) {
        return NewsEvent.newBuilder()
                .setId(id)
                .setSource("test")
                .setTitle("Title of " + id)
                .setBody("Body ".repeat(200))
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setIngestedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .setKind(NewsKind.values()[0])
                .setOrganisationIds(List.of())
                .setConsortiumIds(List.of("cons:unknown"))
                .setProgrammeIds(List.of("prog:unknown"))
                .setUnresolved(List.of())
                .setPersons(List.of())
                .build();
    }
}
