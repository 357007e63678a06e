package eu.clusternews.ingest.extract;

import eu.clusternews.avro.NewsKind;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a news item reports, by keyword evidence in seven languages: each keyword (a word start, on folded
 * text) scores for its kind, words in the title count three times; the highest score wins, ties go to the more
 * specific kind (enum order of {@link #PRIORITY}); no evidence is OTHER.
 */
public final class KindClassifier {

    private static final NewsKind[] PRIORITY = {NewsKind.LABEL_AWARD, NewsKind.CALL, NewsKind.STUDY_VISIT,
        NewsKind.TRAINING, NewsKind.PROJECT_LAUNCH, NewsKind.FUNDING, NewsKind.CONFERENCE, NewsKind.PARTNERSHIP,
        NewsKind.MEETING};

    private static final Map<String, NewsKind> KEYWORDS = new HashMap<>();

    static {
        add(NewsKind.TRAINING, "training", "trainer", "schulung", "weiterbildung", "workshop", "webinar", "szkoleni",
                "warsztat", "formation", "formacion", "formazione", "skoleni", "обучени");
        add(NewsKind.MEETING, "treffen", "meeting", "spotkani", "reunion", "riunione", "sitzung", "incontro",
                "assemblee", "setkani", "среща", "zusammenkunft", "partnertreffen");
        add(NewsKind.CONFERENCE, "konferenz", "conference", "konferencj", "conferencia", "conferenza", "congres",
                "kongress", "kongres", "summit", "gipfel", "symposium", "tagung", "forum", "messe", "targi", "konference",
                "конференция", "salon ");
        add(NewsKind.STUDY_VISIT, "study visit", "study tour", "studienreise", "studienbesuch", "wizyt studyjn",
                "wizyta studyjna", "visite d'etude", "visites d'etude", "visita de estudio", "visita di studio",
                "delegationsreise", "learning journey", "studijni cest", "учебно посещение");
        add(NewsKind.LABEL_AWARD, "label", "zertifi", "certifi", "certyfik", "award", "auszeichnung", "nagrod",
                "prix ", "premio", "gold label", "silber", "silver label", "bronze", "ocenen", "сертифи");
        add(NewsKind.FUNDING, "funding", "funded", "fördermittel", "förderung", "förderzusage", "grant", "zuschuss",
                "finansowani", "dofinansowan", "financement", "financiacion", "finanziament", "subvencion", "dotac",
                "финансиран");
        add(NewsKind.PROJECT_LAUNCH, "kick-off", "kickoff", "kick off", "auftakt", "projektstart", "launch",
                "lancement", "lance ", "inauguracion", "inaugur", "rozpoczeci", "rozpoczal", "start projektu", "avvio",
                "zahajeni", "стартира");
        add(NewsKind.CALL, "call for", "open call", "ausschreibung", "aufruf", "einreichungsfrist", "bewerbungsfrist",
                "nabor", "konkurs", "appel a", "appel d", "convocatoria", "bando", "deadline", "vyzv", "покана");
        add(NewsKind.PARTNERSHIP, "partnership", "partnerschaft", "kooperationsvereinbarung", "memorandum",
                "partenariat", "porozumieni", "umowe o wspolprac", "acuerdo", "convenio", "accordo", "alliance ",
                "allianz", "partnerstv", "споразумение");
    }

    private static final Pattern PATTERN = Pattern.compile("(?<![\\p{L}])(" + KEYWORDS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|")) + ")");

    private static void add(NewsKind kind, String... words) {
        for (String w : words) {
            KEYWORDS.put(Fold.fold(w), kind);
        }
    }

    /** The kind of a news item from its title and body. */
    public NewsKind classify(String title, String body) {
        Map<NewsKind, Integer> score = new EnumMap<>(NewsKind.class);
        count(Fold.fold(title == null ? "" : title), 3, score);
        count(Fold.fold(body == null ? "" : body), 1, score);
        NewsKind best = NewsKind.OTHER;
        int bestScore = 0;
        for (NewsKind k : PRIORITY) {
            int s = score.getOrDefault(k, 0);
            if (s > bestScore) {
                best = k;
                bestScore = s;
            }
        }
        return best;
    }

    private static void count(String folded, int weight, Map<NewsKind, Integer> score) {
        Matcher m = PATTERN.matcher(folded);
        while (m.find()) {
            score.merge(KEYWORDS.get(m.group(1)), weight, Integer::sum);
        }
    }
}
