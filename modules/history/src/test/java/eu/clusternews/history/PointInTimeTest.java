package eu.clusternews.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointInTimeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a date is that day at midnight UTC                | 2017-05-17                | 2017-05-17T00:00:00Z",
                "an instant is itself                              | 2017-05-17T08:30:00Z      | 2017-05-17T08:30:00Z",
                "an instant is itself, in any case                 | 2017-05-17t08:30:00.250z  | 2017-05-17T08:30:00.250Z",
                "a date-time with an offset is converted to UTC    | 2017-05-17T10:30+02:00    | 2017-05-17T08:30:00Z",
                "a date-time with an offset is converted to UTC    | 2017-05-17T03:30:00-05:00 | 2017-05-17T08:30:00Z",
                "a date-time without offset is read as UTC         | 2017-05-17T08:30          | 2017-05-17T08:30:00Z",
                "a duration counts back from now                   | P30D                      | 2026-10-29T12:00:00Z",
                "a duration counts back from now                   | PT12H                     | 2026-11-28T00:00:00Z",
                "a duration counts back from now, in any case      | p2dt3h                    | 2026-11-26T09:00:00Z",
                "years and months count on the calendar            | P1Y2M                     | 2025-09-28T12:00:00Z",
                "now is the clock's now (spaces around it ignored) | ' now '                   | 2026-11-28T12:00:00Z"
            })
    void eachAcceptedFormIsTheInstantItDenotes(String rule, String text, Instant expected) {
        assertThat(PointInTime.parse(text, NOW)).isEqualTo(expected);
    }

    @Test
    void somethingElseIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> PointInTime.parse("yesterday", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("2017-05-17")
                .hasMessageContaining("P30D");
        assertThatThrownBy(() -> PointInTime.parse("2017-13-01", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PointInTime.parse("P-3D", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PointInTime.parse("", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
