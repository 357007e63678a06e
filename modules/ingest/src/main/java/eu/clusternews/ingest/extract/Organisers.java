package eu.clusternews.ingest.extract;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who organised or hosted the event, when the text says so: the linked organisation or consortium after "organised
 * by", "hosted by", "organisiert von", "organisé par", "organizado por", "organizzato da", "zorganizowane przez",
 * "Gastgeber war", "Gospodarzem będzie" ...; or before "X organised", "X hosts", "X war verantwortlich für die
 * Organisation", "vom X organisiert". The first such statement in the text wins (releases state the main event
 * first); a name the reference data does not know gives no organiser (never a guess).
 */
final class Organisers {

    /** Verbs (participles) that name the organiser after a "by" word, or before them when none follows. */
    private static final Words VERBS = Words.of(
            "organised",
            "organized",
            "organises",
            "organizes",
            "hosted",
            "hosts",
            "organisiert",
            "organisierte",
            "veranstaltet",
            "veranstaltete",
            "ausgerichtet",
            "organisé",
            "organisée",
            "organisés",
            "organisées",
            "accueille",
            "accueilli",
            "accueillie",
            "accueillera",
            "organizado",
            "organizada",
            "organizó",
            "organiza",
            "organizzato",
            "organizzata",
            "organizza",
            "ospitato",
            "ospitata",
            "ospita",
            "zorganizowane",
            "zorganizowany",
            "zorganizowana",
            "zorganizował",
            "zorganizowała",
            "organizuje",
            "organizováno",
            "organizovaný",
            "organizovala",
            "organizoval",
            "pořádal",
            "pořádala",
            "организирано",
            "организиран",
            "организирана",
            "организира");
    /** Host nouns: the organiser follows a copula ("Gastgeber war X", "Gospodarzem będzie X"), else precedes. */
    private static final Words HOST_NOUNS = Words.of("gastgeber", "gastgeberin", "gospodarzem", "домакин");

    private static final Words COPULAS = Words.of(
            "war", "ist", "wird", "was", "is", "will", "będzie", "był", "była", "jest", "е", "беше", "ще", "est",
            "sera", "fut", "es", "fue", "será", "è", "sarà", "fu", "byl", "byla", "je", "bude");

    private static final Words BY =
            Words.of("by", "von", "vom", "durch", "par", "por", "da", "dal", "dalla", "dallo", "przez", "od", "от");
    /** "verantwortlich für die Organisation", "responsible for the organisation", "responsable de l'organisation" (with a word of responsibility before). */
    private static final Words ORGANISATION = Words.of(
            "organisation",
            "organization",
            "organización",
            "organizzazione",
            "organizacja",
            "organizację",
            "organizací",
            "организацията");

    /** Any cue word: most tokens are ruled out by this one lookup. */
    private static final Words CUES = Words.union(VERBS, HOST_NOUNS, ORGANISATION);

    /** How far from the cue a name may stand, in chars. */
    private static final int REACH = 90;

    private Organisers() {}

    /**
     * The organiser's reference id, or null.
     *
     * @param mentions  the linked mentions in text order (single ids only)
     * @param organiser which ids may organise (organisations and consortia, not programmes)
     */
    static String find(
            String text, List<Tokens.Token> tokens, List<AliasMatcher.Match> mentions, Predicate<String> organiser) {
        if (mentions.isEmpty()) {
            return null;
        }
        for (int i = CUES.next(tokens, 0); i >= 0; i = CUES.next(tokens, i + 1)) {
            Tokens.Token t = tokens.get(i);
            String w = t.folded();
            boolean verb = VERBS.contains(w);
            boolean host = HOST_NOUNS.contains(w);
            boolean organisation = ORGANISATION.contains(w) && responsibleBefore(tokens, i);
            if (!verb && !host && !organisation) {
                continue;
            }
            String id;
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).folded() : "";
            if ((host && COPULAS.contains(next)) || (verb && BY.contains(next))) {
                id = after(text, mentions, organiser, t.end());
            } else {
                id = before(text, mentions, organiser, t.start());
            }
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** "responsible for the organisation": a word of responsibility among the four tokens before. */
    private static boolean responsibleBefore(List<Tokens.Token> tokens, int i) {
        for (int k = Math.max(0, i - 4); k < i; k++) {
            String w = tokens.get(k).folded();
            if (w.startsWith("verantwortlich")
                    || w.startsWith("responsab")
                    || w.startsWith("odpowiedzialn")
                    || w.startsWith("zodpovedn")
                    || w.startsWith("отговор")) {
                return true;
            }
        }
        return false;
    }

    /** The first organiser mention starting within reach after {@code at}, in the same sentence. */
    private static String after(String text, List<AliasMatcher.Match> mentions, Predicate<String> organiser, int at) {
        int end = Extractor.sentenceEnd(text, at);
        int limit = Math.min(end < 0 ? text.length() : end, at + REACH);
        for (AliasMatcher.Match m : mentions) {
            if (m.start() >= at
                    && m.start() < limit
                    && m.ids().size() == 1
                    && organiser.test(m.ids().get(0))) {
                return m.ids().get(0);
            }
        }
        return null;
    }

    /** The last organiser mention ending within reach before {@code at}, in the same sentence. */
    private static String before(String text, List<AliasMatcher.Match> mentions, Predicate<String> organiser, int at) {
        String found = null;
        for (AliasMatcher.Match m : mentions) {
            if (m.end() > at) {
                break;
            }
            if (m.end() >= at - REACH
                    && m.ids().size() == 1
                    && organiser.test(m.ids().get(0))) {
                int stop = Extractor.sentenceEnd(text, m.end());
                found = stop >= 0 && stop < at ? null : m.ids().get(0);
            }
        }
        return found;
    }
}
