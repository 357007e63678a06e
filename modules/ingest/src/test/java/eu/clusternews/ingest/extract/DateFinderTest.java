package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFinderTest {

    private final DateFinder dates = new DateFinder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "17.05.2017|2017-05-17",
                "17. Mai 2017|2017-05-17",
                "May 17, 2017|2017-05-17",
                "17 May 2017|2017-05-17",
                "Submitted on 23 June 2017|2017-06-23",
                "2017-05-17|2017-05-17",
                "17 maja 2017|2017-05-17",
                "17 mai 2017|2017-05-17",
                "17 de mayo de 2017|2017-05-17",
                "17 maggio 2017|2017-05-17",
                "1er juin 2017|2017-06-01",
                "3 października 2018|2018-10-03",
                "12 marzec 2019|2019-03-12",
                "5. června 2018|2018-06-05",
                "10 май 2018|2018-05-10",
                "17/05/2017|2017-05-17",
                "Veröffentlicht am 2. März 2020|2020-03-02",
                "Publié le 3 octobre 2018|2018-10-03"
            })
    void parsesPublicationDatesInEveryListedFormat(String text, String iso) {
        assertThat(dates.parse(text)).isEqualTo(LocalDate.parse(iso));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Vom 25. bis 28. April 2017 trafen sich|2017-04-25|2017-04-28",
                "April 25-28 in Berlin|2017-04-25|2017-04-28",
                "will meet on 6 and 7 November|2017-11-06|2017-11-07",
                "met on 6 and 7 November|2016-11-06|2016-11-07",
                "du 25 au 28 avril 2017|2017-04-25|2017-04-28",
                "del 25 al 28 de abril de 2017|2017-04-25|2017-04-28",
                "dal 25 al 28 aprile|2017-04-25|2017-04-28",
                "w dniach 25-28 kwietnia 2017|2017-04-25|2017-04-28",
                "30 April – 2 May 2017|2017-04-30|2017-05-02",
                "vom 25.04.2017 bis 28.04.2017|2017-04-25|2017-04-28",
                "am 12. März in Rostock|2017-03-12|2017-03-12"
            })
    void findsEventRangesAndResolvesAMissingYearToTheLastOccurrenceBeforePublicationUnlessFuture(
            String text, String start, String end) {
        assertSpan(dates.eventDates(text, LocalDate.of(2017, 5, 17)).orElseThrow(), start, end);
    }

    @ParameterizedTest(name = "{0} (published {1})")
    @CsvSource(
            delimiter = '|',
            value = {
                // the seed's training reported two months later without the year
                "del 25 al 28 de abril en Berlín|2017-06-28|es|2017-04-25|2017-04-28",
                // published in January: last April, not the coming one
                "Del 25 al 28 de abril los socios se reunieron en Berlín.|2018-01-15|es|2017-04-25|2017-04-28",
                "The training will take place from 25 to 28 April in Berlin.|2017-12-01|en|2018-04-25|2018-04-28",
                "Die Schulung findet vom 25. bis 28. April in Berlin statt.|2017-12-01|de|2018-04-25|2018-04-28",
                "Les 6 et 7 novembre, le pôle accueillera les partenaires.|2018-10-03|fr|2018-11-06|2018-11-07",
                "Los días 6 y 7 de marzo se celebrará la reunión en Madrid.|2018-12-10|es|2019-03-06|2019-03-07",
                "Dal 6 al 7 marzo i partner si incontreranno a Milano.|2018-12-10|it|2019-03-06|2019-03-07",
                "W dniach 6-7 marca odbędzie się spotkanie w Lublinie.|2018-12-10|pl|2019-03-06|2019-03-07",
                "Ve dnech 6. až 7. března se uskuteční školení.|2018-12-10|cs|2019-03-06|2019-03-07",
                // Italian "sera" is the evening, not French "sera": no future
                "La sera del 6 dicembre i partner si sono incontrati a Milano.|2019-01-10|it|2018-12-06|2018-12-06",
                // Spanish "primera" ends like a French future: no future
                "El 6 de diciembre tuvo lugar la primera reunión.|2019-01-10|es|2018-12-06|2018-12-06"
            })
    void resolvesAMissingYearAgainstThePublicationDateAndTheTenseOfItsSentence(
            String text, String published, String language, String start, String end) {
        DateFinder.Span span =
                dates.eventDates(text, LocalDate.parse(published), language).orElseThrow();
        assertSpan(span, start, end);
        assertThat(span.yearInferred()).isTrue();
    }

    @Test
    void aWrittenYearIsNeverMoved() {
        DateFinder.Span span = dates.eventDates(
                        "The training will take place from 25 to 28 April 2017.", LocalDate.of(2017, 12, 1), "en")
                .orElseThrow();
        assertThat(span.start()).isEqualTo(LocalDate.of(2017, 4, 25));
        assertThat(span.yearInferred()).isFalse();
    }

    @Test
    void neverGuessesAYear() {
        assertThat(dates.eventDates("on 6 and 7 November", null)).isEmpty();
        assertThat(dates.publicationDate("", "Ein Text ohne Datum, aber mit 2014 bis 2020."))
                .isNull();
        assertThat(dates.parse("31.02.2017")).isNull();
    }

    @Test
    void aSubmittedOnDateIsNotTheEvent() {
        DateFinder.Span span = dates.eventDates(
                        "Submitted on 23 June 2017. The meeting took place on 12 June 2017.", null)
                .orElseThrow();
        assertThat(span.start()).isEqualTo(LocalDate.of(2017, 6, 12));
    }

    /** The span found runs from {@code start} to {@code end} (ISO dates). */
    static void assertSpan(DateFinder.Span span, String start, String end) {
        assertThat(span).as("a span").isNotNull();
        assertThat(span.start()).as("start").isEqualTo(LocalDate.parse(start));
        assertThat(span.end()).as("end").isEqualTo(LocalDate.parse(end));
    }
}
