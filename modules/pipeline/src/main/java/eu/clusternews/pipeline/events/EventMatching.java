package eu.clusternews.pipeline.events;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;

/**
 * When two reports are of the same event, and the blocking keys that find every such pair without a scan.
 *
 * <p>The rule compares linked ids, dates and places, never words, so reports in different languages match:
 * <ul>
 *   <li>both reports give the event's dates: the date ranges overlap, and the reports share the city or a
 *       consortium;</li>
 *   <li>one gives no date: its publication window ({@value #WINDOW_BEFORE_DAYS} days before to
 *       {@value #WINDOW_AFTER_DAYS} days after publishing) overlaps the other's dates or window, the reports share a
 *       consortium, and their cities do not differ;</li>
 *   <li>in both cases the kinds are equal, or one is OTHER.</li>
 * </ul>
 * The rule is symmetric and looks at the two reports only (never at an event built so far), so the events — the
 * groups of reports linked by it — do not depend on the order the reports arrive in.
 */
public final class EventMatching {

    /** A report without dates tells of an event up to two months before it was published... */
    static final int WINDOW_BEFORE_DAYS = 60;
    /** ...or announces one up to a month ahead. */
    static final int WINDOW_AFTER_DAYS = 30;
    /** Longer stated ranges are matched and blocked on their first 92 days, which keeps the keys per report bounded. */
    static final int MAX_RANGE_DAYS = 92;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private EventMatching() {}

    /** Whether the two reports tell of the same event. */
    public static boolean sameEvent(EventReport a, EventReport b) {
        if (!compatibleKinds(a.getKind(), b.getKind())) {
            return false;
        }
        LocalDate[] ra = window(a);
        LocalDate[] rb = window(b);
        if (ra == null || rb == null || ra[0].isAfter(rb[1]) || rb[0].isAfter(ra[1])) {
            return false;
        }
        String cityA = city(a.getLocation());
        String cityB = city(b.getLocation());
        boolean shareConsortium = intersects(a.getConsortiumIds(), b.getConsortiumIds());
        if (a.getEventStart() != null && b.getEventStart() != null) {
            return shareConsortium || (cityA != null && cityA.equals(cityB));
        }
        return shareConsortium && (cityA == null || cityB == null || cityA.equals(cityB));
    }

    /**
     * The keys under which a report is filed and looked up: month × (city or consortium), for every month of its
     * window. Two reports that {@link #sameEvent match} overlap in time, so they share a month, and share the city or
     * a consortium: they always share a key.
     */
    public static List<String> blockKeys(EventReport report) {
        LocalDate[] window = window(report);
        List<String> keys = new ArrayList<>();
        if (window == null) {
            return keys;
        }
        String city = city(report.getLocation());
        YearMonth last = YearMonth.from(window[1]);
        for (YearMonth m = YearMonth.from(window[0]); !m.isAfter(last); m = m.plusMonths(1)) {
            if (city != null) {
                keys.add(m + "|city:" + city);
            }
            for (String consortium : report.getConsortiumIds()) {
                keys.add(m + "|" + consortium);
            }
        }
        return keys;
    }

    /** The days the report can be about: its stated dates, else its publication window; null when it has neither. */
    static LocalDate[] window(EventReport r) {
        if (r.getEventStart() != null) {
            LocalDate start = r.getEventStart();
            LocalDate end = r.getEventEnd() == null || r.getEventEnd().isBefore(start) ? start : r.getEventEnd();
            LocalDate cap = start.plusDays(MAX_RANGE_DAYS - 1);
            return new LocalDate[] {start, end.isAfter(cap) ? cap : end};
        }
        if (r.getPublishedAt() != null) {
            return new LocalDate[] {
                r.getPublishedAt().minusDays(WINDOW_BEFORE_DAYS),
                r.getPublishedAt().plusDays(WINDOW_AFTER_DAYS)
            };
        }
        return null;
    }

    /** A city compared across languages and spellings: case and accents folded ("Múnich" = "munich"). */
    static String city(Location location) {
        if (location == null || location.getCity() == null || location.getCity().isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(location.getCity().strip(), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean compatibleKinds(NewsKind a, NewsKind b) {
        return a == b || a == NewsKind.OTHER || b == NewsKind.OTHER;
    }

    private static boolean intersects(List<String> a, List<String> b) {
        for (String id : a) {
            if (b.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
