package eu.clusternews.ingest.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in news text: numeric ({@code 17.05.2017}, {@code 17/05/2017}, ISO {@code 2017-05-17}),
 * with month names in German, English, Polish (nominative and genitive), French, Spanish, Italian, Czech
 * and Bulgarian ({@code 17. Mai 2017}, {@code May 17, 2017}, {@code 17 de mayo de 2017}), and ranges
 * ({@code vom 25. bis 28. April 2017}, {@code April 25-28}, {@code 6 and 7 November}, {@code du 6 au 7
 * novembre}, {@code 30 April – 2 May 2017}, {@code 25.–28.04.2017}). Nothing is guessed: a date without a
 * year is resolved against the publication date only when there is one, and so are the unambiguous relative
 * phrases ({@link RelativeDates}: "yesterday", "last Monday", "next week").
 */
public final class DateFinder {

    /**
     * A date or date range found in text, with where it was found; {@code yearInferred} when the text did not write
     * the year (it was taken from the publication date).
     */
    public record Span(LocalDate start, LocalDate end, int offset, int endOffset, boolean yearInferred) {
        public Span(LocalDate start, LocalDate end, int offset, int endOffset) {
            this(start, end, offset, endOffset, false);
        }

        Span shiftedYears(int years) {
            return new Span(start.plusYears(years), end.plusYears(years), offset, endOffset, yearInferred);
        }
    }

    private static final Map<String, Integer> MONTHS = months();
    /** A word that may be a month name; checked against {@link #MONTHS} in code (a regex alternation of 150 names is slow). */
    private static final String M = "(?<![\\p{L}])(\\p{L}{3,12})(?:\\.|(?![\\p{L}]))";

    private static final String D = "(?<![\\d.])(\\d{1,2})(?:\\.|er|st|nd|rd|th|º)?";
    private static final String Y = "(\\d{4})(?!\\d)";
    private static final String DASH =
            "\\s*(?:-|–|—|bis(?:\\s+zum)?|to|until|till|au|al|do|a|and|und|i|et|y|e|&|és|až|и|до)\\s*";
    private static final String OF = "\\s+(?:de\\s+|del\\s+)?";
    private static final String YEAR_TAIL = "(?:,?\\s*(?:de\\s+|del\\s+)?" + Y + ")?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** 30 April – 2 May 2017 */
    private static final Pattern CROSS_MONTH =
            Pattern.compile(D + OF + M + YEAR_TAIL + DASH + D + OF + M + YEAR_TAIL, FLAGS);
    /** 25.-28. April 2017, 6 and 7 November, del 25 al 28 de abril de 2017 */
    private static final Pattern DAY_RANGE = Pattern.compile(D + DASH + D + OF + M + YEAR_TAIL, FLAGS);
    /** April 25-28, 2017; November 6 and 7 */
    private static final Pattern MONTH_FIRST_RANGE =
            Pattern.compile(M + "\\s+" + D + DASH + D + "(?!\\s*\\.?\\d)" + YEAR_TAIL, FLAGS);
    /** 25.04.2017 - 28.04.2017, 25.04.-28.04.2017, 25.-28.04.2017 */
    private static final Pattern NUMERIC_RANGE = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(?:(\\d{1,2})\\.)?(?:(\\d{4}))?" + DASH
                    + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)",
            FLAGS);
    /** 17. Mai 2017, 17 May 2017, 17 de mayo de 2017, 17 May */
    private static final Pattern DAY_MONTH = Pattern.compile(D + OF + M + YEAR_TAIL, FLAGS);
    /** May 17, 2017 */
    private static final Pattern MONTH_DAY = Pattern.compile(M + "\\s+" + D + "(?!\\s*\\.?\\d)" + YEAR_TAIL, FLAGS);
    /** 17.05.2017, 17/05/2017 */
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?![\\d])");
    /** 2017-05-17 */
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    /** A phrase that states publication: the date after it is the publication date. */
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?<![\\p{L}])(?:submitted|published|posted|veröffentlicht|erschienen|publié|mis en ligne|publicado|pubblicato|opublikowano|"
                    + "data publikacji|datum|stand|date)(?:\\s+(?:on|am|le|el|il|dnia))?\\s*:?\\s*",
            FLAGS);

    /** The publication date stated in a header (date lines, bylines) or by a phrase in the body; else null. */
    public LocalDate publicationDate(String header, String body) {
        if (header != null && !header.isBlank()) {
            Optional<Span> d = firstSingle(header, new Starts(header), null, 0);
            if (d.isPresent()) {
                return d.get().start();
            }
        }
        // publication statements stand at the top or the bottom of a text
        String searched =
                body.length() <= 3000 ? body : body.substring(0, 2000) + "\n" + body.substring(body.length() - 1000);
        Scan p = new Scan(PUBLISHED, searched, Starts.wordStarts(searched));
        while (p.find()) {
            String after = searched.substring(p.m.end(), Math.min(searched.length(), p.m.end() + 40));
            Optional<Span> d = firstSingle(after, new Starts(after), null, 0);
            if (d.isPresent() && d.get().offset() == 0) {
                return d.get().start();
            }
        }
        return null;
    }

    /** Parses text that should be one date ("17. Mai 2017", "May 17, 2017"); null when it is not one. */
    public LocalDate parse(String text) {
        return firstSingle(text, new Starts(text), null, 0).map(Span::start).orElse(null);
    }

    /**
     * The event the text reports: the first date range, else the first day-and-month date outside a
     * publication phrase. A date without a year is the most recent occurrence on or before {@code published}
     * ("25 to 28 April" in a June 2017 report is April 2017), or the next one on or after it when its sentence
     * speaks of the future ("will take place", "findet statt", "se celebrará", ...: {@link FutureCues});
     * without a publication date it is skipped.
     */
    public Optional<Span> eventDates(String text, LocalDate published) {
        return eventDates(text, published, null);
    }

    /** As {@link #eventDates(String, LocalDate)}, with the text's language for its future tense (may be null). */
    public Optional<Span> eventDates(String text, LocalDate published, String language) {
        return absoluteEventDates(text, published).map(s -> resolveYear(text, s, published, language));
    }

    /** Moves a date whose year was taken from the publication date to its most recent past or next occurrence. */
    private static Span resolveYear(String text, Span s, LocalDate published, String language) {
        if (!s.yearInferred() || published == null) {
            return s;
        }
        boolean future = FutureCues.inSentence(text, s.offset(), s.endOffset(), language);
        if (future) {
            return s.end().isBefore(published) ? s.shiftedYears(1) : s;
        }
        return s.start().isAfter(published) ? s.shiftedYears(-1) : s;
    }

    private Optional<Span> absoluteEventDates(String text, LocalDate published) {
        Starts starts = new Starts(text);
        Span best = null;
        for (Pattern range : RANGES) {
            Scan scan = starts.scan(range, text);
            Matcher m = scan.m;
            while (scan.find()) {
                if (best != null && m.start() >= best.offset()) {
                    break;
                }
                Span s = range(range, m, published);
                if (s != null) {
                    best = s;
                    break;
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        Matcher p = PUBLISHED.matcher(text);
        int skipUntil = -1;
        int from = 0;
        while (true) {
            Optional<Span> s = firstSingle(text, starts, published, from);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            int at = s.get().offset();
            // a date right after "Submitted on" is the publication date, not the event
            p.region(Math.max(0, at - 40), at);
            boolean isPublication = false;
            while (p.find()) {
                if (p.end() == at) {
                    isPublication = true;
                }
            }
            if (!isPublication || at <= skipUntil) {
                return s;
            }
            from = s.get().endOffset();
        }
    }

    private Optional<Span> firstSingle(String text, Starts starts, LocalDate published, int from) {
        Span best = null;
        for (Pattern single : SINGLES) {
            Scan scan = starts.scan(single, text);
            Matcher m = scan.m;
            if (!scan.find(from)) {
                continue;
            }
            do {
                if (best != null && m.start() >= best.offset()) {
                    break;
                }
                LocalDate d = single(single, m, published);
                if (d != null) {
                    best = new Span(d, d, m.start(), m.end(), yearless(single, m));
                    break;
                }
            } while (scan.find());
        }
        return Optional.ofNullable(best);
    }

    private static final Pattern[] RANGES = {CROSS_MONTH, NUMERIC_RANGE, DAY_RANGE, MONTH_FIRST_RANGE};
    private static final Pattern[] SINGLES = {ISO, NUMERIC, DAY_MONTH, MONTH_DAY};

    /**
     * Where the date patterns can start in a text, found by a cheap scan so that the patterns are tried only
     * there: a digit after a non-digit for the patterns that start with a day or year, a word followed by
     * spaces and a digit for those that start with a month name. Trying a pattern at these positions in order
     * finds what {@link Matcher#find()} finds (every other position cannot start a match), without running
     * lookbehinds and alternations at every character.
     */
    private static final class Starts {
        final int[] digits;
        final int[] monthWords;

        Starts(String text) {
            int n = text.length();
            int[] d = new int[8];
            int nd = 0;
            boolean surrogates = false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (i == 0 || !isDigit(text.charAt(i - 1))) {
                        d = grow(d, nd);
                        d[nd++] = i;
                    }
                } else if (Character.isSurrogate(c)) {
                    surrogates = true;
                }
            }
            digits = java.util.Arrays.copyOf(d, nd);
            monthWords = surrogates ? monthWordsByLetters(text) : monthWordsBeforeDigits(text, digits);
        }

        /**
         * A month name must be followed by [.] spaces and a digit, so it ends just before a run of spaces that
         * ends at the start of a number: found by looking back from the numbers, which are few. In text without
         * surrogate pairs every letter is one char, so the letters before the spaces are the whole word.
         */
        private static int[] monthWordsBeforeDigits(String text, int[] digits) {
            int[] w = new int[Math.max(1, digits.length)];
            int nw = 0;
            for (int d : digits) {
                int s = d;
                while (s > 0 && isSpace(text.charAt(s - 1))) {
                    s--;
                }
                if (s == d) {
                    continue;
                }
                int e = s > 0 && text.charAt(s - 1) == '.' ? s - 1 : s;
                int b = e;
                while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
                    b--;
                }
                if (b < e) {
                    w[nw++] = b;
                }
            }
            return java.util.Arrays.copyOf(w, nw);
        }

        /** The month-name starts by a scan of every word start, code point by code point. */
        private static int[] monthWordsByLetters(String text) {
            int n = text.length();
            int[] w = new int[8];
            int nw = 0;
            for (int i = 0; i < n; ) {
                int cp = text.codePointAt(i);
                // a word start as the lookbehind sees it: the char before (the low half of a surrogate pair is no
                // letter)
                if (Character.isLetter(cp) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                    // a month name must be followed by [.] spaces and a digit
                    int j = i;
                    while (j < n && Character.isLetter(text.codePointAt(j))) {
                        j += Character.charCount(text.codePointAt(j));
                    }
                    int k = j < n && text.charAt(j) == '.' ? j + 1 : j;
                    int spaces = k;
                    while (spaces < n && isSpace(text.charAt(spaces))) {
                        spaces++;
                    }
                    if (spaces > k && spaces < n && isDigit(text.charAt(spaces))) {
                        w = grow(w, nw);
                        w[nw++] = i;
                    }
                }
                i += Character.charCount(cp);
            }
            return java.util.Arrays.copyOf(w, nw);
        }

        /** Positions where a word starts: a letter after a non-letter char. */
        static int[] wordStarts(String text) {
            int[] w = new int[8];
            int nw = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (Character.isLetter(cp) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                    w = grow(w, nw);
                    w[nw++] = i;
                }
                i += Character.charCount(cp);
            }
            return java.util.Arrays.copyOf(w, nw);
        }

        Scan scan(Pattern p, String text) {
            return new Scan(p, text, p == MONTH_FIRST_RANGE || p == MONTH_DAY ? monthWords : digits);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** What \s matches without UNICODE_CHARACTER_CLASS. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static int[] grow(int[] a, int used) {
            return used < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
        }
    }

    /** A pattern tried at candidate start positions only; after a match the search goes on at its end, as find() does. */
    private static final class Scan {
        final Matcher m;
        private final int[] starts;
        private final int length;
        private int next;
        private int resumeAt;

        Scan(Pattern p, String text, int[] starts) {
            this.m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            this.starts = starts;
            this.length = text.length();
        }

        /** The first match starting at or after {@code from}. */
        boolean find(int from) {
            next = 0;
            resumeAt = from;
            return find();
        }

        /** The next match, starting at or after the end of the previous one. */
        boolean find() {
            while (next < starts.length) {
                int at = starts[next++];
                if (at < resumeAt) {
                    continue;
                }
                m.region(at, length);
                if (m.lookingAt()) {
                    resumeAt = m.end();
                    return true;
                }
            }
            return false;
        }
    }

    private static LocalDate single(Pattern p, Matcher m, LocalDate published) {
        if (p == ISO) {
            return date(num(m.group(1)), num(m.group(2)), num(m.group(3)));
        }
        if (p == NUMERIC) {
            return date(num(m.group(3)), num(m.group(2)), num(m.group(1)));
        }
        if (p == DAY_MONTH) {
            return date(year(m.group(3), published), month(m.group(2)), num(m.group(1)));
        }
        return date(year(m.group(3), published), month(m.group(1)), num(m.group(2)));
    }

    private static Span range(Pattern p, Matcher m, LocalDate published) {
        LocalDate start;
        LocalDate end;
        if (p == CROSS_MONTH) {
            Integer endYear = year(m.group(6), published);
            Integer startYear = m.group(3) != null ? num(m.group(3)) : endYear;
            start = date(startYear, month(m.group(2)), num(m.group(1)));
            end = date(endYear, month(m.group(5)), num(m.group(4)));
        } else if (p == NUMERIC_RANGE) {
            int year = num(m.group(6));
            int endMonth = num(m.group(5));
            start = date(
                    m.group(3) != null ? num(m.group(3)) : year,
                    m.group(2) != null ? num(m.group(2)) : endMonth,
                    num(m.group(1)));
            end = date(year, endMonth, num(m.group(4)));
        } else if (p == DAY_RANGE) {
            Integer year = year(m.group(4), published);
            start = date(year, month(m.group(3)), num(m.group(1)));
            end = date(year, month(m.group(3)), num(m.group(2)));
        } else {
            Integer year = year(m.group(4), published);
            start = date(year, month(m.group(1)), num(m.group(2)));
            end = date(year, month(m.group(1)), num(m.group(3)));
        }
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            if (start.getYear() == end.getYear() && start.getMonthValue() > end.getMonthValue()) {
                end = end.plusYears(1); // 30 December – 2 January
            } else {
                return null;
            }
        }
        if (end.toEpochDay() - start.toEpochDay() > 366) {
            return null;
        }
        return new Span(start, end, m.start(), m.end(), yearless(p, m));
    }

    /** True when the match did not write the year. */
    private static boolean yearless(Pattern p, Matcher m) {
        if (p == DAY_RANGE || p == MONTH_FIRST_RANGE) {
            return m.group(4) == null;
        }
        if (p == CROSS_MONTH) {
            return m.group(6) == null;
        }
        if (p == DAY_MONTH || p == MONTH_DAY) {
            return m.group(3) == null;
        }
        return false;
    }

    private static Integer year(String group, LocalDate published) {
        if (group != null) {
            return num(group);
        }
        return published == null ? null : published.getYear();
    }

    private static Integer month(String name) {
        if (name == null) {
            return null;
        }
        String key = Fold.fold(name);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        return MONTHS.get(key);
    }

    private static Integer num(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static LocalDate date(Integer year, Integer month, Integer day) {
        if (year == null || month == null || day == null || year < 1900 || year > 2100) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            // German, English, Polish (nominative, genitive), French, Spanish, Italian, Czech (genitive), Bulgarian
            {
                "januar",
                "jänner",
                "jan",
                "january",
                "styczeń",
                "stycznia",
                "janvier",
                "enero",
                "gennaio",
                "ledna",
                "leden",
                "януари"
            },
            {
                "februar",
                "feb",
                "february",
                "luty",
                "lutego",
                "février",
                "fevr",
                "févr",
                "febrero",
                "febbraio",
                "února",
                "únor",
                "февруари"
            },
            {"märz", "mär", "mar", "march", "marzec", "marca", "mars", "marzo", "března", "březen", "март"},
            {"april", "apr", "kwiecień", "kwietnia", "avril", "abril", "aprile", "dubna", "duben", "април"},
            {"mai", "may", "maj", "maja", "mayo", "maggio", "května", "květen", "май"},
            {"juni", "jun", "june", "czerwiec", "czerwca", "juin", "junio", "giugno", "června", "červen", "юни"},
            {
                "juli",
                "jul",
                "july",
                "lipiec",
                "lipca",
                "juillet",
                "juil",
                "julio",
                "luglio",
                "července",
                "červenec",
                "юли"
            },
            {"august", "aug", "sierpień", "sierpnia", "août", "agosto", "srpna", "srpen", "август"},
            {
                "september",
                "sep",
                "sept",
                "wrzesień",
                "września",
                "septembre",
                "septiembre",
                "setiembre",
                "settembre",
                "září",
                "септември"
            },
            {
                "oktober",
                "okt",
                "oct",
                "october",
                "październik",
                "października",
                "octobre",
                "octubre",
                "ottobre",
                "října",
                "říjen",
                "октомври"
            },
            {"november", "nov", "listopad", "listopada", "novembre", "noviembre", "listopadu", "ноември"},
            {
                "dezember",
                "dez",
                "dec",
                "december",
                "grudzień",
                "grudnia",
                "décembre",
                "déc",
                "diciembre",
                "dicembre",
                "prosince",
                "prosinec",
                "декември"
            },
        };
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                out.put(n, i + 1);
                folded.put(Fold.fold(n), i + 1);
            }
        }
        out.putAll(folded);
        return out;
    }
}
