package eu.clusternews.history;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Parses the TIME arguments of {@code tail --from}, {@code replay --from/--until}. Accepted, all in UTC unless the
 * text says otherwise:
 * <ul>
 *   <li>an ISO date, {@code 2017-05-17}: that day at 00:00 UTC (record timestamps of news are their publication
 *       date at 00:00 UTC, so a date selects the news published from that day on);</li>
 *   <li>an ISO instant or date-time, {@code 2017-05-17T08:30:00Z}, {@code 2017-05-17T10:30+02:00}, or without an
 *       offset {@code 2017-05-17T08:30} (read as UTC);</li>
 *   <li>an ISO duration before now, {@code P30D}, {@code P1Y2M}, {@code PT12H}, {@code P2DT3H}: now minus it
 *       (years and months counted on the UTC calendar);</li>
 *   <li>{@code now}.</li>
 * </ul>
 */
public final class PointInTime {

    private PointInTime() {}

    /** The instant this text stands for, durations counted back from the clock's now. */
    public static Instant parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty time: give a date (2017-05-17), an instant (2017-05-17T08:30:00Z)"
                    + " or a duration before now (P30D)");
        }
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        try {
            if (upper.equals("NOW")) {
                return clock.instant();
            }
            if (upper.startsWith("P")) {
                return beforeNow(upper, clock);
            }
            if (!t.contains("T") && !t.contains("t")) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (upper.endsWith("Z")) {
                return Instant.parse(upper);
            }
            if (hasOffset(t)) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "Cannot read '" + text + "' as a time: give a date (2017-05-17), an instant"
                            + " (2017-05-17T08:30:00Z, 2017-05-17T10:30+02:00) or a duration before now (P30D, PT12H)",
                    e);
        }
    }

    /** The instant, durations counted back from the system clock. */
    public static Instant parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    private static boolean hasOffset(String t) {
        int timeStart = t.toUpperCase(Locale.ROOT).indexOf('T');
        String time = t.substring(timeStart + 1);
        return time.contains("+") || time.contains("-");
    }

    /** P[n]Y[n]M[n]W[n]D and/or T[n]H[n]M[n]S: the date part on the calendar, the time part as a duration. */
    private static Instant beforeNow(String iso, Clock clock) {
        int t = iso.indexOf('T');
        Period period = t == 1 ? Period.ZERO : Period.parse(t < 0 ? iso : iso.substring(0, t));
        Duration duration = t < 0 ? Duration.ZERO : Duration.parse("P" + iso.substring(t));
        if (period.isNegative() || duration.isNegative()) {
            throw new DateTimeException("a duration before now must not be negative");
        }
        return clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minus(period)
                .minus(duration)
                .toInstant();
    }
}
