package eu.clusternews.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.extract.Extraction;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.ReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewsGeneratorTest {

    private static final int COUNT = 150;
    private static String output;
    private static List<Extraction> extractions;

    @BeforeAll
    static void generate() {
        StringWriter out = new StringWriter();
        new NewsGenerator(TestData.reference()).write(COUNT, 7L, out);
        output = out.toString();
        ReadResult read = new DocumentReaders().read("-", output);
        assertThat(read.rejections()).isEmpty();
        extractions =
                read.documents().stream().map(TestData.extractor()::extract).toList();
    }

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
        NewsGenerator generator = new NewsGenerator(TestData.reference());
        assertThat(generator.jsonLines(20, 7L).toList())
                .isEqualTo(output.lines().limit(20).toList());
        assertThat(generator.jsonLines(20, 8L).toList())
                .isNotEqualTo(output.lines().limit(20).toList());
    }

    @Test
    void theJsonLinesReaderReadsEveryLineBackWithBodiesOfRealReleaseSize() {
        assertThat(extractions).hasSize(COUNT);
        assertThat(extractions).allSatisfy(e -> assertThat(e.body().length()).isBetween(2000, 3300));
    }

    @Test
    void newsSpreadOverLanguagesYearsAndTheReferenceEntities() {
        assertThat(extractions.stream().map(Extraction::language).collect(Collectors.toSet()))
                .containsAll(Set.of("de", "en", "pl", "fr", "es", "it"));
        Set<Integer> years = extractions.stream()
                .filter(e -> e.publishedAt() != null)
                .map(e -> e.publishedAt().getYear())
                .collect(Collectors.toSet());
        assertThat(years).allMatch(y -> y >= 2014 && y <= 2026).hasSizeGreaterThan(8);
        assertThat(distinct(e -> e.consortiumIds().stream())).isGreaterThanOrEqualTo(6);
        assertThat(distinct(e -> Stream.of(e.publisherId()))).isGreaterThan(10);
        assertThat(distinct(e -> e.programmeIds().stream())).isGreaterThanOrEqualTo(2);
        assertThat(distinct(e -> Stream.of(e.kind()))).isGreaterThanOrEqualTo(7);
    }

    /** How many different values the news have between them. */
    private static long distinct(Function<Extraction, Stream<?>> values) {
        return extractions.stream().flatMap(values).distinct().count();
    }

    @Test
    void someNewsNameUnknownClustersSomeHaveNoDateAndDuplicatesShareTheirId() {
        assertThat(extractions).anyMatch(e -> !e.unresolved().isEmpty());
        assertThat(extractions).anyMatch(e -> e.publishedAt() == null);
        long distinctLines = output.lines().distinct().count();
        long distinctIds = extractions.stream().map(Extraction::id).distinct().count();
        assertThat(distinctLines).isLessThan(COUNT);
        assertThat(distinctIds).isEqualTo(distinctLines);
    }
}
