package eu.clusternews.ingest.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Relative date phrases that name one day or one week without doubt, resolved against the publication date:
 * "yesterday", "tomorrow", "last week", "next week", "last Monday", "next Friday", in the project's eight languages
 * ("gestern", "la semaine dernière", "el próximo lunes", "lunedì scorso", "w przyszłym tygodniu", "minulé pondělí",
 * "миналата седмица"). "Today", "this week" and a bare weekday are left alone: a release says "today" of its own
 * publication as often as of an event, and "on Monday" may be either side of it. Matched on folded tokens, so the
 * cost is one set lookup per token, paid only by documents without a written date.
 */
final class RelativeDates {

    private static final Words YESTERDAY =
            Words.of("yesterday", "gestern", "ayer", "ieri", "wczoraj", "včera", "вчера");
    /** Without German "morgen" (also "morning") and Spanish "mañana" (also "morning"). */
    private static final Words TOMORROW = Words.of("tomorrow", "demain", "domani", "jutro", "zítra", "утре");

    private static final Words LAST = Words.of(
            "last",
            "letzte",
            "letzten",
            "vergangene",
            "vergangenen",
            "dernière",
            "dernier",
            "pasada",
            "pasado",
            "scorsa",
            "scorso",
            "zeszłym",
            "zeszły",
            "ubiegłym",
            "ubiegły",
            "minulý",
            "minulém",
            "minulé",
            "minulou",
            "миналата",
            "миналия");
    private static final Words NEXT = Words.of(
            "next",
            "nächste",
            "nächsten",
            "kommende",
            "kommenden",
            "prochaine",
            "prochain",
            "próxima",
            "próximo",
            "prossima",
            "prossimo",
            "przyszłym",
            "przyszły",
            "příští",
            "příštím",
            "следващата",
            "следващия");
    private static final Words WEEK =
            Words.of("week", "woche", "semaine", "semana", "settimana", "tygodniu", "týden", "týdnu", "седмица");
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    /** Every word that can start a phrase: one lookup rules out the other tokens. */
    private static final Words TRIGGERS = Words.union(
            YESTERDAY,
            TOMORROW,
            LAST,
            NEXT,
            WEEK,
            Words.of("hier"),
            Words.of(WEEKDAYS.keySet().toArray(String[]::new)));

    private RelativeDates() {}

    /** The first unambiguous relative phrase in the tokens, resolved against {@code published}; null when none. */
    static DateFinder.Span find(List<Tokens.Token> tokens, LocalDate published, String language) {
        if (published == null) {
            return null;
        }
        for (int i = TRIGGERS.next(tokens, 0); i >= 0; i = TRIGGERS.next(tokens, i + 1)) {
            Tokens.Token t = tokens.get(i);
            String w = t.folded();
            if (YESTERDAY.contains(w) || ("fr".equals(language) && w.equals("hier"))) {
                LocalDate d = published.minusDays(1);
                return new DateFinder.Span(d, d, t.start(), t.end(), true);
            }
            if (TOMORROW.contains(w)) {
                LocalDate d = published.plusDays(1);
                return new DateFinder.Span(d, d, t.start(), t.end(), true);
            }
            if (i + 1 < tokens.size()) {
                Tokens.Token u = tokens.get(i + 1);
                // "last week", "la semaine dernière": the direction word before or after the unit
                int direction = direction(w) != 0 ? direction(w) : direction(u.folded());
                String unit = direction(w) != 0 ? u.folded() : w;
                if (direction != 0) {
                    DateFinder.Span s = resolve(direction, unit, published, t.start(), u.end());
                    if (s != null) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    private static int direction(String w) {
        return LAST.contains(w) ? -1 : NEXT.contains(w) ? 1 : 0;
    }

    private static DateFinder.Span resolve(int direction, String unit, LocalDate published, int from, int to) {
        if (WEEK.contains(unit)) {
            LocalDate monday = published
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusWeeks(direction);
            return new DateFinder.Span(monday, monday.plusDays(6), from, to, true);
        }
        DayOfWeek day = WEEKDAYS.get(unit);
        if (day == null) {
            return null;
        }
        LocalDate d = published.with(direction < 0 ? TemporalAdjusters.previous(day) : TemporalAdjusters.next(day));
        return new DateFinder.Span(d, d, from, to, true);
    }

    private static Map<String, DayOfWeek> weekdays() {
        String[][] names = {
            {"monday", "montag", "lundi", "lunes", "lunedì", "poniedziałek", "pondělí", "понеделник"},
            {"tuesday", "dienstag", "mardi", "martes", "martedì", "wtorek", "úterý", "вторник"},
            {
                "wednesday",
                "mittwoch",
                "mercredi",
                "miércoles",
                "mercoledì",
                "środę",
                "środa",
                "středu",
                "středa",
                "сряда"
            },
            {"thursday", "donnerstag", "jeudi", "jueves", "giovedì", "czwartek", "čtvrtek", "четвъртък"},
            {"friday", "freitag", "vendredi", "viernes", "venerdì", "piątek", "pátek", "петък"},
            {"saturday", "samstag", "samedi", "sábado", "sabato", "sobotę", "sobota", "sobotu", "събота"},
            {"sunday", "sonntag", "dimanche", "domingo", "domenica", "niedzielę", "niedziela", "neděli", "неделя"}
        };
        Map<String, DayOfWeek> out = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                out.put(Fold.fold(n), DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(out);
    }
}
