package eu.clusternews.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the sentence of a date speaks of the future ("will take place", "findet statt", "aura lieu", "se
 * celebrará", "si terrà", "odbędzie się", "se uskuteční", "ще се проведе", "register now"): a date written without its
 * year is then the next occurrence after publication, not the last one before it. Asked only for such dates, so the
 * cost of tokenising one sentence does not touch documents that write their years.
 */
final class FutureCues {

    /** Folded words that mark the future or an announcement, in the project's eight languages. */
    private static final Set<String> WORDS = Fold.set(
            // en
            "will",
            "shall",
            "upcoming",
            "forthcoming",
            "register",
            "registration",
            "invite",
            "invites",
            // de
            "wird",
            "werden",
            "findet",
            "stattfinden",
            "kommende",
            "kommenden",
            "nächste",
            "nächsten",
            "anmeldung",
            "anmelden",
            "geplant",
            "lädt",
            "einladung",
            // fr
            "tiendra",
            "tiendront",
            "prochain",
            "prochaine",
            "prochainement",
            "inscription",
            "inscriptions",
            "inscrivez",
            // es
            "tendrá",
            "tendrán",
            "celebrará",
            "próximo",
            "próxima",
            "inscripción",
            "inscripciones",
            "invita",
            // it
            "prossimo",
            "prossima",
            "iscrizione",
            "iscrizioni",
            // pl
            "będzie",
            "będą",
            "odbędzie",
            "odbędą",
            "przyszłym",
            "zapraszamy",
            "zaprasza",
            "rejestracja",
            "zapisy",
            // cs
            "bude",
            "budou",
            "uskuteční",
            "proběhne",
            "příští",
            "registrace",
            "zveme",
            // bg
            "ще",
            "предстои",
            "предстоящ",
            "предстоящата",
            "предстоящия");

    /** French futures too short for the ending rule ("sera" alone is Italian "evening"). */
    private static final Set<String> FRENCH = Fold.set("sera", "seront", "aura", "auront", "fera", "feront");

    /** How far around the date a sentence is looked for, in chars (bounds the work on text without full stops). */
    private static final int REACH = 300;

    private FutureCues() {}

    /** True when the sentence holding [from, to) has a future cue; {@code language} adds French and Italian tenses. */
    static boolean inSentence(String text, int from, int to, String language) {
        int start = Math.max(0, from - REACH);
        for (int at = Extractor.sentenceEnd(text, start);
                at >= 0 && at < from;
                at = Extractor.sentenceEnd(text, at + 1)) {
            start = at + 1;
        }
        int end = Extractor.sentenceEnd(text, to);
        if (end < 0 || end > to + REACH) {
            end = Math.min(text.length(), to + REACH);
        }
        List<Tokens.Token> tokens = Tokens.of(text.substring(start, end));
        boolean french = "fr".equals(language);
        for (Tokens.Token t : tokens) {
            if (WORDS.contains(t.folded())
                    || (french && FRENCH.contains(t.folded()))
                    || futureTense(t.text().toLowerCase(Locale.ROOT), french)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Future tense by its ending: Spanish "-rá/-rán" and Italian "-rà/-ranno" (accented, so no other form ends so),
     * French "-era/-eront/-ira/-iront" only in French text (Spanish "primera" would match).
     */
    private static boolean futureTense(String word, boolean french) {
        int n = word.length();
        if (n >= 4 && (word.endsWith("rá") || word.endsWith("rán") || word.endsWith("rà"))) {
            return true;
        }
        if (n >= 7 && word.endsWith("ranno")) {
            return true;
        }
        return french
                && n >= 6
                && (word.endsWith("era") || word.endsWith("eront") || word.endsWith("ira") || word.endsWith("iront"));
    }
}
