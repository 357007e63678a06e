package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDatesTest {

    /** A Wednesday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2017, 5, 17);

    private static DateFinder.Span find(String text, String language) {
        return RelativeDates.find(Tokens.of(text), PUBLISHED, language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Yesterday the partners met in Berlin.|en|2017-05-16|2017-05-16",
                "Gestern trafen sich die Partner.|de|2017-05-16|2017-05-16",
                "Hier, les partenaires se sont réunis.|fr|2017-05-16|2017-05-16",
                "Tomorrow the training starts.|en|2017-05-18|2017-05-18",
                "Last week the consortium met in Prague.|en|2017-05-08|2017-05-14",
                "In der vergangenen Woche trafen sich die Partner.|de|2017-05-08|2017-05-14",
                "La semaine prochaine, le pôle accueille ses partenaires.|fr|2017-05-22|2017-05-28",
                "w przyszłym tygodniu odbędzie się spotkanie|pl|2017-05-22|2017-05-28",
                "Last Monday the cluster signed the agreement.|en|2017-05-15|2017-05-15",
                "el lunes pasado se firmó el acuerdo|es|2017-05-15|2017-05-15",
                "lunedì scorso i partner si sono incontrati|it|2017-05-15|2017-05-15",
                "Am kommenden Freitag lädt der Cluster ein.|de|2017-05-19|2017-05-19",
                "příští pondělí začíná školení|cs|2017-05-22|2017-05-22",
                "миналата седмица партньорите се срещнаха|bg|2017-05-08|2017-05-14"
            })
    void resolvesUnambiguousRelativePhrasesAgainstThePublicationDate(
            String text, String language, String start, String end) {
        DateFinderTest.assertSpan(find(text, language), start, end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Today we announce a new partnership.|en",
                "On Monday the partners met.|en",
                "Hier im Norden arbeiten die Cluster zusammen.|de",
                "Am Morgen begann die Schulung.|de",
                "Por la mañana empezó la formación.|es",
                "The last day was devoted to the ESCA certification.|en"
            })
    void leavesAmbiguousPhrasesAlone(String text, String language) {
        assertThat(find(text, language)).isNull();
    }
}
