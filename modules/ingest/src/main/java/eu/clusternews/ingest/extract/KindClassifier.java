package eu.clusternews.ingest.extract;

import java.util.HashMap;
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
     * The keywords as a trie over their folded chars. At a word start the longest keyword written there wins, and
     * the scan goes on after it (what a regex alternation sorted longest first would find; it tried every keyword
     * at every position): the deepest keyword end the text reaches in the trie, read once char by char rather
     * than compared keyword by keyword.
     */
    private static final class Node {
        private char[] labels = new char[0];
        private Node[] children = new Node[0];
        /** The kind of the keyword that ends here, or null. */
        private NewsKind kind;

        Node child(char c) {
            for (int k = 0; k < labels.length; k++) {
                if (labels[k] == c) {
                    return children[k];
                }
            }
            return null;
        }

        Node add(char c) {
            Node next = child(c);
            if (next == null) {
                next = new Node();
                labels = java.util.Arrays.copyOf(labels, labels.length + 1);
                children = java.util.Arrays.copyOf(children, children.length + 1);
                labels[labels.length - 1] = c;
                children[children.length - 1] = next;
            }
            return next;
        }
    }

    private static final Node KEYWORD_TRIE = new Node();
    /** The trie's node after two ASCII chars: a word start is looked up without a scan of the first levels. */
    private static final Node[] KEYWORD_PAIRS = new Node[128 * 128];

    static {
        KEYWORDS.forEach((keyword, kind) -> {
            if (keyword.length() < 2) {
                throw new IllegalStateException("a keyword of one char is never found: " + keyword);
            }
            Node node = KEYWORD_TRIE;
            for (int i = 0; i < keyword.length(); i++) {
                node = node.add(keyword.charAt(i));
            }
            node.kind = kind;
        });
        for (char first = 0; first < 128; first++) {
            Node node = KEYWORD_TRIE.child(first);
            for (char second = 0; second < 128 && node != null; second++) {
                KEYWORD_PAIRS[first * 128 + second] = node.child(second);
            }
        }
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
            Node node;
            int j;
            if (first < 128 && second < 128) {
                node = KEYWORD_PAIRS[first * 128 + second]; // every keyword has two chars at least
                j = i + 2;
            } else {
                node = KEYWORD_TRIE.child(first);
                j = i + 1;
            }
            NewsKind found = null;
            int length = 0;
            for (; node != null; j++) {
                if (node.kind != null) {
                    found = node.kind;
                    length = j - i;
                }
                node = j < n ? node.child(folded[j]) : null;
            }
            if (found == null) {
                i++;
            } else {
                score[found.ordinal()] += weight;
                i += length;
            }
        }
    }
}
