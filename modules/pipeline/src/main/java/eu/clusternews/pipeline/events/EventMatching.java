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
 * The rule is symmetric and looks at the two reports' {@link Facts} only (never at an event built so far), so the
 * events — the groups of reports linked by it — do not depend on the order the reports arrive in.
 */
public final class EventMatching {

    /** A report without dates tells of an event up to two months before it was published... */
    static final int WINDOW_BEFORE_DAYS = 60;
    /** ...or announces one up to a month ahead. */
    static final int WINDOW_AFTER_DAYS = 30;
    /** Longer stated ranges are matched and blocked on their first 92 days, which keeps the keys per report bounded. */
    static final int MAX_RANGE_DAYS = 92;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\t\\n,]");

    private EventMatching() {}

    /**
     * All that the rule looks at in a report: reports with equal facts match the same reports, so the blocking
     * index keeps each distinct fact set once per event.
     *
     * @param first first day the report can be about (its stated start, else its publication window's start)
     * @param last last day it can be about
     * @param dated whether the report states the event's dates
     * @param city the folded city, or null
     * @param consortia the consortium ids, sorted
     */
    public record Facts(
            NewsKind kind, LocalDate first, LocalDate last, boolean dated, String city, List<String> consortia) {

        /** The facts of a report; null when it gives neither event dates nor a publication date. */
        public static Facts of(EventReport r) {
            LocalDate[] window = window(r);
            if (window == null) {
                return null;
            }
            return new Facts(
                    r.getKind(),
                    window[0],
                    window[1],
                    r.getEventStart() != null,
                    EventMatching.city(r.getLocation()),
                    List.copyOf(r.getConsortiumIds()));
        }

        /** One line without tabs or newlines inside its fields: kind, first, last, dated, city, consortia. */
        String encode() {
            return kind + "\t" + first + "\t" + last + "\t" + (dated ? "d" : "u") + "\t" + (city == null ? "" : city)
                    + "\t" + String.join(",", consortia);
        }

        static Facts decode(String[] fields, int from) {
            String city = fields[from + 4];
            String consortia = fields.length > from + 5 ? fields[from + 5] : "";
            return new Facts(
                    NewsKind.valueOf(fields[from]),
                    LocalDate.parse(fields[from + 1]),
                    LocalDate.parse(fields[from + 2]),
                    fields[from + 3].equals("d"),
                    city.isEmpty() ? null : city,
                    consortia.isEmpty() ? List.of() : List.of(consortia.split(",")));
        }
    }

    /** Whether the two reports tell of the same event. */
    public static boolean sameEvent(EventReport a, EventReport b) {
        Facts fa = Facts.of(a);
        Facts fb = Facts.of(b);
        return fa != null && fb != null && sameEvent(fa, fb);
    }

    /** Whether reports with these facts tell of the same event. */
    public static boolean sameEvent(Facts a, Facts b) {
        if (!compatibleKinds(a.kind(), b.kind())) {
            return false;
        }
        if (a.first().isAfter(b.last()) || b.first().isAfter(a.last())) {
            return false;
        }
        boolean shareConsortium = intersects(a.consortia(), b.consortia());
        if (a.dated() && b.dated()) {
            return shareConsortium || (a.city() != null && a.city().equals(b.city()));
        }
        return shareConsortium
                && (a.city() == null || b.city() == null || a.city().equals(b.city()));
    }

    /**
     * The keys under which a report is filed and looked up: month × (city or consortium), for every month of its
     * window. Two reports that {@link #sameEvent match} overlap in time, so they share a month, and share the city or
     * a consortium: they always share a key.
     */
    public static List<String> blockKeys(Facts facts) {
        List<String> keys = new ArrayList<>();
        YearMonth last = YearMonth.from(facts.last());
        for (YearMonth m = YearMonth.from(facts.first()); !m.isAfter(last); m = m.plusMonths(1)) {
            if (facts.city() != null) {
                keys.add(m + "|city:" + facts.city());
            }
            for (String consortium : facts.consortia()) {
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
        return location == null ? null : city(location.getCity());
    }

    /** A city's spelling folded as {@link #city(Location)} folds it; null when null or blank. */
    static String city(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return null;
        }
        String city = spelling.strip();
        if (isPlainAscii(city)) { // most cities: nothing to decompose, no mark or separator to remove
            return city.toLowerCase(Locale.ROOT);
        }
        return foldedFully(city);
    }

    /** Accents removed (decomposed, marks dropped), lower case, separators as spaces. */
    static String foldedFully(String city) {
        String decomposed = Normalizer.normalize(city, Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(folded).replaceAll(" ");
    }

    /** ASCII without the separators {@link #city} replaces: folding it is lower-casing it. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\t' || c == '\n' || c == ',') {
                return false;
            }
        }
        return true;
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
