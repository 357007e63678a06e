package eu.clusternews.ingest.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimaize on short texts (one or two sentences) in the languages the project needs. */
class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "de|Zehn europäische Cluster trafen sich in Berlin zu einem Training.",
        "en|Ten European clusters met in Berlin for a management training.",
        "pl|Dziesięć europejskich klastrów spotkało się w Berlinie na szkoleniu.",
        "fr|Dix clusters européens se sont réunis à Berlin pour une formation.",
        "es|Diez clústeres europeos se reunieron en Berlín para una formación.",
        "it|Dieci cluster europei si sono incontrati a Berlino per una formazione.",
        "cs|Deset evropských klastrů se sešlo v Berlíně na školení.",
        "bg|Десет европейски клъстера се срещнаха в Берлин за обучение."})
    void detectsTheProjectLanguagesOnOneSentence(String language, String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(language);
    }

    @Test
    void saysNothingWhenThereIsTooLittleText() {
        assertThat(DETECTOR.detect("COSME")).isNull();
        assertThat(DETECTOR.detect("")).isNull();
    }
}
