package eu.clusternews.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class PointInTimeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDateIsThatDayAtMidnightUtc() {
        assertThat(PointInTime.parse("2017-05-17", NOW)).isEqualTo(Instant.parse("2017-05-17T00:00:00Z"));
    }

    @Test
    void anInstantIsItself() {
        assertThat(PointInTime.parse("2017-05-17T08:30:00Z", NOW)).isEqualTo(Instant.parse("2017-05-17T08:30:00Z"));
        assertThat(PointInTime.parse("2017-05-17t08:30:00.250z", NOW))
                .isEqualTo(Instant.parse("2017-05-17T08:30:00.250Z"));
    }

    @Test
    void aDateTimeWithAnOffsetIsConvertedToUtc() {
        assertThat(PointInTime.parse("2017-05-17T10:30+02:00", NOW)).isEqualTo(Instant.parse("2017-05-17T08:30:00Z"));
        assertThat(PointInTime.parse("2017-05-17T03:30:00-05:00", NOW))
                .isEqualTo(Instant.parse("2017-05-17T08:30:00Z"));
    }

    @Test
    void aDateTimeWithoutOffsetIsReadAsUtc() {
        assertThat(PointInTime.parse("2017-05-17T08:30", NOW)).isEqualTo(Instant.parse("2017-05-17T08:30:00Z"));
    }

    @Test
    void aDurationCountsBackFromNow() {
        assertThat(PointInTime.parse("P30D", NOW)).isEqualTo(Instant.parse("2026-10-29T12:00:00Z"));
        assertThat(PointInTime.parse("PT12H", NOW)).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(PointInTime.parse("p2dt3h", NOW)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @Test
    void yearsAndMonthsCountOnTheCalendar() {
        assertThat(PointInTime.parse("P1Y2M", NOW)).isEqualTo(Instant.parse("2025-09-28T12:00:00Z"));
    }

    @Test
    void nowIsTheClocksNow() {
        assertThat(PointInTime.parse(" now ", NOW)).isEqualTo(NOW.instant());
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
