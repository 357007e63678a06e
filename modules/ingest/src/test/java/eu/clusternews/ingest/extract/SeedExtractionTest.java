package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed press releases against what seeds/news/*.expected.json states about each: the German original (17 May
 * 2017) in detail, and every seed, among them the two other reports of its Berlin training (English without a date,
 * Spanish without the year), for the facts event matching relies on.
 */
class SeedExtractionTest {

    private static final String ORIGINAL = "2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt";

    private static Extraction extraction;
    private static JsonNode expected;

    @BeforeAll
    static void extractTheSeed() throws IOException {
        Path seed = TestData.seeds().resolve("news").resolve(ORIGINAL);
        expected = expectation(seed);
        extraction = extract(seed);
    }

    static Stream<Path> seedsWithExpectations() throws IOException {
        try (Stream<Path> s = Files.list(TestData.seeds().resolve("news"))) {
            return s
                    .filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> Files.exists(expectationPath(p)))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path expectationPath(Path seed) {
        return Path.of(seed.toString().replace(".txt", ".expected.json"));
    }

    private static JsonNode expectation(Path seed) throws IOException {
        return new ObjectMapper().readTree(Files.readString(expectationPath(seed)));
    }

    private static Extraction extract(Path seed) {
        return TestData.extractor()
                .extract(new DocumentReaders().read(seed).documents().get(0));
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedsWithExpectations")
    void everySeedGivesTheDocumentEventPlaceConsortiaAndOrganiserItsExpectationStates(Path seed) throws IOException {
        JsonNode want = expectation(seed);
        Extraction got = extract(seed);
        JsonNode doc = want.get("document");
        assertThat(got.title()).isEqualTo(doc.get("title").asText());
        assertThat(got.language()).isEqualTo(doc.get("language").asText());
        assertThat(got.publishedAt()).isEqualTo(date(doc.get("published")));
        JsonNode event = want.get("event");
        assertThat(got.kind().name().toLowerCase(Locale.ROOT))
                .isEqualTo(event.get("type").asText());
        assertThat(got.eventStart()).as("event start").isEqualTo(date(event.get("start_date")));
        assertThat(got.eventEnd()).as("event end").isEqualTo(date(event.get("end_date")));
        assertThat(got.city()).isEqualTo(event.get("city").asText());
        assertThat(got.country()).isEqualTo(event.get("country").asText());
        List<String> consortia = new ArrayList<>();
        event.get("participants").get("consortia").forEach(c -> consortia.add(c.asText()));
        assertThat(got.consortiumIds()).containsExactlyInAnyOrderElementsOf(consortia);
        assertThat(got.organiserId()).isEqualTo(event.get("organiser").asText());
        for (JsonNode m : want.get("mentions")) {
            String id = m.get("entity_id").isNull() ? null : m.get("entity_id").asText();
            if (id == null || id.startsWith("per:")) {
                continue;
            }
            String surface = m.get("surface").asText();
            assertThat(got.mentions())
                    .as("a mention of %s written as %s", id, surface)
                    .anyMatch(found ->
                            found.entityId().equals(id) && found.surface().startsWith(surface));
        }
        assertThat(got.unresolved())
                .as("names the reference data does not know")
                .isEmpty();
    }

    @Test
    void theThreeReportsOfTheBerlinTrainingAgreeOnKindDaysPlaceAndConsortiaInThreeLanguages() throws IOException {
        List<Extraction> reports = new ArrayList<>();
        try (Stream<Path> seeds = seedsWithExpectations()) {
            for (Path seed : seeds.toList()) {
                if (expectation(seed).get("event").get("event_id").asText().equals("evt:2017-04-berlin-cemt")) {
                    reports.add(extract(seed));
                }
            }
        }
        assertThat(reports).extracting(Extraction::language).containsExactlyInAnyOrder("de", "en", "es");
        assertThat(reports).extracting(Extraction::kind).containsOnly(NewsKind.TRAINING);
        assertThat(reports).extracting(Extraction::city).containsOnly("Berlin");
        assertThat(reports).extracting(Extraction::country).containsOnly("DE");
        assertThat(reports)
                .allSatisfy(r ->
                        assertThat(r.consortiumIds()).containsExactlyInAnyOrder("cons:inno-drop", "cons:clusgrid"));
        assertThat(reports)
                .filteredOn(r -> r.eventStart() != null)
                .extracting(Extraction::eventStart, Extraction::eventEnd)
                .hasSize(2)
                .containsOnly(tuple(LocalDate.of(2017, 4, 25), LocalDate.of(2017, 4, 28)));
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
    void namesTheConsortiumResponsibleForTheOrganisationAsOrganiser() {
        assertThat(extraction.organiserId()).isEqualTo("cons:inno-drop");
        assertThat(extraction.toNewsEvent(Clock.systemUTC()).getOrganiserId()).isEqualTo("cons:inno-drop");
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
