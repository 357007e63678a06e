package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.read.DocumentReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Optimaize on short texts (one or two sentences) in the languages the project needs. */
class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "de|Zehn europäische Cluster trafen sich in Berlin zu einem Training.",
                "en|Ten European clusters met in Berlin for a management training.",
                "pl|Dziesięć europejskich klastrów spotkało się w Berlinie na szkoleniu.",
                "fr|Dix clusters européens se sont réunis à Berlin pour une formation.",
                "es|Diez clústeres europeos se reunieron en Berlín para una formación.",
                "it|Dieci cluster europei si sono incontrati a Berlino per una formazione.",
                "cs|Deset evropských klastrů se sešlo v Berlíně na školení.",
                "bg|Десет европейски клъстера се срещнаха в Берлин за обучение."
            })
    void detectsTheProjectLanguagesOnOneSentence(String language, String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(language);
    }

    @Test
    void saysNothingWhenThereIsTooLittleText() {
        assertThat(DETECTOR.detect("COSME")).isNull();
        assertThat(DETECTOR.detect("")).isNull();
    }

    @Test
    void theSamplerGivesTheLibrarysProbabilitiesToTheLastBitOnGeneratedNewsAndTheTestDocuments() throws IOException {
        DocumentReaders readers = new DocumentReaders();
        List<String> texts = new ArrayList<>();
        String generated = String.join(
                "\n", new NewsGenerator(TestData.reference()).jsonLines(300, 3L).toList());
        readers.read("generator", generated).documents().forEach(d -> texts.add(d.title() + "\n" + d.body()));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/documents"))) {
            for (Path f : files.sorted().toList()) {
                readers.read(f).documents().forEach(d -> texts.add(d.title() + "\n" + d.body()));
            }
        }
        texts.add(
                "Ten European clusters met in Berlin for a management training in the spring of 2017, said the organisers.");
        texts.add(
                "Contact: info@cluster.example, https://cluster.example/news — Десет европейски клъстера се срещнаха в Берлин.");
        int compared = 0;
        for (String text : texts) {
            for (int length : new int[] {300, 1500}) {
                String sample = text.substring(0, Math.min(length, text.length()));
                assertThat(describe(DETECTOR.probabilities(sample)))
                        .as(sample)
                        .isEqualTo(describe(DETECTOR.libraryProbabilities(sample)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(600);
    }

    @Test
    void theUnfilteredTextIsTheLibrarysTextObjectCharForChar() {
        TextObjectFactory library =
                new TextObjectFactoryBuilder().maxTextLength(10_000).build();
        List<String> texts = List.of(
                "",
                " ",
                "   Zehn  Cluster\t\ttrafen sich \n\n in Berlin.  ",
                "Łódź, Kraków; „Zitat“ — «citation» ½ ² € ß æ ñ ÿ",
                "Десет европейски клъстера – ΕΛΛΑΔΑ, عربي, 日本語のテキスト, 한국어, ｆｕｌｌ ｗｉｄｔｈ",
                "emoji \uD83D\uDE00 and a lone surrogate \uD800 end",
                "x".repeat(10_050) + " tail");
        for (String text : texts) {
            assertThat(new String(LanguageDetector.unfilteredText(text)))
                    .as(text.length() > 80 ? text.substring(0, 80) : text)
                    .isEqualTo(library.forText(text).toString());
        }
    }

    private static List<String> describe(List<DetectedLanguage> languages) {
        // the exact double, not a rounded one: the same arithmetic must give the same bits
        return languages.stream()
                .map(l -> l.getLocale().getLanguage() + "=" + Double.doubleToLongBits(l.getProbability()))
                .toList();
    }
}
