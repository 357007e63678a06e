package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.read.DocumentReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed press release against what seeds/news/*.expected.json states about it. */
class SeedExtractionTest {

    private static Extraction extraction;
    private static JsonNode expected;

    @BeforeAll
    static void extractTheSeed() throws IOException {
        Path seed;
        try (Stream<Path> s = Files.list(TestData.seeds().resolve("news"))) {
            seed = s.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        expected = new ObjectMapper()
                .readTree(Files.readString(Path.of(seed.toString().replace(".txt", ".expected.json"))));
        extraction = TestData.extractor()
                .extract(new DocumentReaders().read(seed).documents().get(0));
    }

    @Test
    void statesTheDocumentFactsOfTheExpectation() {
        JsonNode doc = expected.get("document");
        assertThat(extraction.title()).isEqualTo(doc.get("title").asText());
        assertThat(extraction.language()).isEqualTo(doc.get("language").asText());
        assertThat(extraction.publishedAt())
                .isEqualTo(LocalDate.parse(doc.get("published").asText()));
        assertThat(extraction.format()).isEqualTo("text");
    }

    @Test
    void statesTheEventOfTheExpectation() {
        JsonNode event = expected.get("event");
        assertThat(extraction.kind().name().toLowerCase(Locale.ROOT))
                .isEqualTo(event.get("type").asText());
        assertThat(extraction.eventStart())
                .isEqualTo(LocalDate.parse(event.get("start_date").asText()));
        assertThat(extraction.eventEnd())
                .isEqualTo(LocalDate.parse(event.get("end_date").asText()));
        assertThat(extraction.city()).isEqualTo(event.get("city").asText());
        assertThat(extraction.country()).isEqualTo(event.get("country").asText());
    }

    @Test
    void linksEveryExpectedMentionWithItsSurface() {
        List<String> ids = new ArrayList<>(extraction.organisationIds());
        ids.addAll(extraction.consortiumIds());
        ids.addAll(extraction.programmeIds());
        for (JsonNode m : expected.get("mentions")) {
            String id = m.get("entity_id").isNull() ? null : m.get("entity_id").asText();
            String surface = m.get("surface").asText();
            if (id == null || id.startsWith("per:")) {
                continue;
            }
            assertThat(ids).as("ids linked for %s", surface).contains(id);
            assertThat(extraction.mentions())
                    .as("a mention of %s written as %s", id, surface)
                    .anyMatch(found ->
                            found.entityId().equals(id) && found.surface().startsWith(surface));
        }
        assertThat(extraction.organisationIds()).containsExactlyInAnyOrder("org:bnpt", "org:esca", "org:vdivde-it");
        assertThat(extraction.consortiumIds()).containsExactlyInAnyOrder("cons:inno-drop", "cons:clusgrid");
        assertThat(extraction.programmeIds()).containsExactlyInAnyOrder("prog:cosme", "prog:cosme-cluster-excellence");
    }

    @Test
    void namesThePersonsWithoutTheirTitles() {
        List<String> persons = new ArrayList<>();
        for (JsonNode m : expected.get("mentions")) {
            if (m.get("entity_id").asText("").startsWith("per:")) {
                persons.add(m.get("surface").asText().replaceFirst("^Dr\\.\\s+", ""));
            }
        }
        assertThat(extraction.persons()).containsExactlyInAnyOrderElementsOf(persons);
    }

    @Test
    void knowsThePublisherFromTheTitlePrefixAndFindsNoFalseOrganisations() {
        assertThat(extraction.publisherId()).isEqualTo("org:bnpt");
        assertThat(extraction.unresolved()).isEmpty();
    }

    @Test
    void becomesANewsEventStampedByTheClock() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        NewsEvent event = extraction.toNewsEvent(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(event.getId()).isEqualTo(extraction.id()).startsWith("news:");
        assertThat(event.getIngestedAt()).isEqualTo(now);
        assertThat(event.getKind()).isEqualTo(NewsKind.TRAINING);
        assertThat(event.getLocation().getCity()).isEqualTo("Berlin");
        assertThat(event.getPublisherId()).isEqualTo("org:bnpt");
        assertThat(event.getPublishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
        assertThat(event.getBody()).contains("Kinga Kristó").doesNotStartWith("BalticNet-PlasmaTec: Treffen");
    }
}
