package eu.clusternews.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.NewsKind;

/**
 * What a news item reports, by keyword evidence in seven languages: each keyword (a word start, on folded
 * text) scores for its kind, words in the title count three times; the highest score wins, ties go to the more
 * specific kind (enum order of {@link #PRIORITY}); no evidence is OTHER.
 */
public final class KindClassifier {

    private static final NewsKind[] PRIORITY = {
        NewsKind.LABEL_AWARD,
        NewsKind.CALL,
        NewsKind.STUDY_VISIT,
        NewsKind.TRAINING,
        NewsKind.PROJECT_LAUNCH,
        NewsKind.FUNDING,
        NewsKind.CONFERENCE,
        NewsKind.PARTNERSHIP,
        NewsKind.MEETING
    };

    private static final Map<String, NewsKind> KEYWORDS = new HashMap<>();

    static {
        add(
                NewsKind.TRAINING,
                "training",
                "trainer",
                "schulung",
                "weiterbildung",
                "workshop",
                "webinar",
                "szkoleni",
                "warsztat",
                "formation",
                "formacion",
                "formazione",
                "skoleni",
                "обучени");
        add(
                NewsKind.MEETING,
                "treffen",
                "meeting",
                "spotkani",
                "reunion",
                "riunione",
                "sitzung",
                "incontro",
                "assemblee",
                "setkani",
                "среща",
                "zusammenkunft",
                "partnertreffen");
        add(
                NewsKind.CONFERENCE,
                "konferenz",
                "conference",
                "konferencj",
                "conferencia",
                "conferenza",
                "congres",
                "kongress",
                "kongres",
                "summit",
                "gipfel",
                "symposium",
                "tagung",
                "forum",
                "messe",
                "targi",
                "konference",
                "конференция",
                "salon ");
        add(
                NewsKind.STUDY_VISIT,
                "study visit",
                "study tour",
                "studienreise",
                "studienbesuch",
                "wizyt studyjn",
                "wizyta studyjna",
                "visite d'etude",
                "visites d'etude",
                "visita de estudio",
                "visita di studio",
                "delegationsreise",
                "learning journey",
                "studijni cest",
                "учебно посещение");
        add(
                NewsKind.LABEL_AWARD,
                "label",
                "zertifi",
                "certifi",
                "certyfik",
                "award",
                "auszeichnung",
                "nagrod",
                "prix ",
                "premio",
                "gold label",
                "silber",
                "silver label",
                "bronze",
                "ocenen",
                "сертифи");
        add(
                NewsKind.FUNDING,
                "funding",
                "funded",
                "fördermittel",
                "förderung",
                "förderzusage",
                "grant",
                "zuschuss",
                "finansowani",
                "dofinansowan",
                "financement",
                "financiacion",
                "finanziament",
                "subvencion",
                "dotac",
                "финансиран");
        add(
                NewsKind.PROJECT_LAUNCH,
                "kick-off",
                "kickoff",
                "kick off",
                "auftakt",
                "projektstart",
                "launch",
                "lancement",
                "lance ",
                "inauguracion",
                "inaugur",
                "rozpoczeci",
                "rozpoczal",
                "start projektu",
                "avvio",
                "zahajeni",
                "стартира");
        add(
                NewsKind.CALL,
                "call for",
                "open call",
                "ausschreibung",
                "aufruf",
                "einreichungsfrist",
                "bewerbungsfrist",
                "nabor",
                "konkurs",
                "appel a",
                "appel d",
                "convocatoria",
                "bando",
                "deadline",
                "vyzv",
                "покана");
        add(
                NewsKind.PARTNERSHIP,
                "partnership",
                "partnerschaft",
                "kooperationsvereinbarung",
                "memorandum",
                "partenariat",
                "porozumieni",
                "umowe o wspolprac",
                "acuerdo",
                "convenio",
                "accordo",
                "alliance ",
                "allianz",
                "partnerstv",
                "споразумение");
    }

    /**
     * Keywords by their first two chars, longest first: at a word start the longest keyword that is written
     * there wins, and the scan goes on after it (what a regex alternation sorted longest first would find,
     * at a fraction of the cost: it tried every keyword at every position).
     */
    private static final Map<Integer, String[]> BY_START = byStart();

    /** {@link #BY_START} for two ASCII chars, without boxing a key at every word start. */
    private static final String[][] BY_ASCII_START = new String[128 * 128][];

    static {
        BY_START.forEach((k, v) -> {
            char first = (char) (k >>> 16);
            char second = (char) (k & 0xffff);
            if (first < 128 && second < 128) {
                BY_ASCII_START[first * 128 + second] = v;
            }
        });
    }

    private static Map<Integer, String[]> byStart() {
        Map<Integer, List<String>> by = new HashMap<>();
        KEYWORDS.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .forEach(k -> by.computeIfAbsent(key(k.charAt(0), k.charAt(1)), x -> new ArrayList<>())
                        .add(k));
        Map<Integer, String[]> out = new HashMap<>();
        by.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    private static int key(char first, char second) {
        return (first << 16) | second;
    }

    private static void add(NewsKind kind, String... words) {
        for (String w : words) {
            KEYWORDS.put(Fold.fold(w), kind);
        }
    }

    /** The kind of a news item from its title and body. */
    public NewsKind classify(String title, String body) {
        int[] score = new int[NewsKind.values().length];
        count(Fold.foldedChars(title == null ? "" : title), 3, score);
        count(Fold.foldedChars(body == null ? "" : body), 1, score);
        NewsKind best = NewsKind.OTHER;
        int bestScore = 0;
        for (NewsKind k : PRIORITY) {
            int s = score[k.ordinal()];
            if (s > bestScore) {
                best = k;
                bestScore = s;
            }
        }
        return best;
    }

    private static final boolean[] ASCII_LETTER = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_LETTER[c] = true;
            ASCII_LETTER[Character.toUpperCase(c)] = true;
        }
    }

    private static boolean isLetter(char c) {
        return c < 128 ? ASCII_LETTER[c] : Character.isLetter(c);
    }

    private static void count(char[] folded, int weight, int[] score) {
        int n = folded.length;
        int i = 0;
        while (i < n - 1) {
            // the char before, as a regex lookbehind sees it (the low half of a surrogate pair is no letter)
            if (i > 0 && isLetter(folded[i - 1])) {
                i++;
                continue;
            }
            char first = folded[i];
            char second = folded[i + 1];
            String[] candidates = first < 128 && second < 128
                    ? BY_ASCII_START[first * 128 + second]
                    : BY_START.get(key(first, second));
            String found = null;
            if (candidates != null) {
                for (String k : candidates) {
                    if (startsWith(folded, i, k)) {
                        found = k;
                        break;
                    }
                }
            }
            if (found == null) {
                i++;
            } else {
                score[KEYWORDS.get(found).ordinal()] += weight;
                i += found.length();
            }
        }
    }

    private static boolean startsWith(char[] text, int at, String k) {
        if (at + k.length() > text.length) {
            return false;
        }
        for (int j = 0; j < k.length(); j++) {
            if (text[at + j] != k.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
