package eu.clusternews.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probable organisation names, whether or not the reference data knows them: a run of capitalised words
 * ending in a legal form (GmbH, e.V., Sp. z o.o., S.L., ...), or a run of capitalised words (with small
 * connecting words) containing an organisation word (Cluster, Klaster, Pôle, Association, Netzwerk, Agency,
 * University, Institut, Foundation, Chamber ...) — unless every other word is generic ("Cluster Excellence
 * Management Training" is a training, not an organisation).
 */
public final class OrganisationNameFinder {

    /** A probable organisation name and where it stands. */
    public record Candidate(String name, int start, int end) {}

    private static final String WORD = "(?:\\p{Lu}(?:[\\p{L}\\p{M}\\p{N}&'’+-]|\\.(?=\\p{L}))*|\\p{N}+)";
    private static final List<String> CONNECTORS = List.of(
            "für", "for", "and", "und", "of", "de", "del", "des", "la", "le", "du", "di", "della", "i", "y", "et", "e",
            "&", "z", "dla", "na");
    private static final String CONNECTOR = "(?:" + String.join("|", CONNECTORS) + ")";
    /** First chars of {@link #CONNECTORS}. */
    private static final boolean[] CONNECTOR_START = new boolean[128];

    static {
        CONNECTORS.forEach(c -> CONNECTOR_START[c.charAt(0)] = true);
    }

    static final Pattern RUN =
            Pattern.compile("(?<![\\p{L}\\p{N}])" + WORD + "(?:[ \\t]+(?:" + CONNECTOR + "[ \\t]+)?" + WORD + ")*");
    private static final String LEGAL_FORM =
            "(GmbH|gGmbH|e\\.\\s?V\\.|AG|Sp\\.\\s?z\\s?o\\.\\s?o\\.|S\\.A\\.|S\\.L\\.|SAS|S\\.r\\.l\\.|Ltd\\.?|z\\.\\s?s\\.|s\\.r\\.o\\.|ASBL|AISBL|EEIG|B\\.V\\.|N\\.V\\.)(?![\\p{L}])";
    /** At most this many runs of spaces inside the name part of {@link #LEGAL}: six more words, each after an optional connector. */
    private static final int LEGAL_MAX_GAPS = 12;

    private static final Pattern LEGAL = Pattern.compile("(?<![\\p{L}])(" + WORD + "(?:[ \\t]+(?:" + CONNECTOR
            + "[ \\t]+)?" + WORD + "){0,6})" + ",?\\s+" + LEGAL_FORM);
    private static final Pattern LEGAL_FORM_ONLY = Pattern.compile(LEGAL_FORM);
    /** First chars of the legal forms in {@link #LEGAL_FORM}. */
    private static final String LEGAL_FORM_FIRST = "GgeASszLEBN";

    private static final boolean[] LEGAL_FORM_START = new boolean[128];
    /** The first two chars of each alternative of {@link #LEGAL_FORM}: the pattern is tried only where one is written. */
    private static final List<String> LEGAL_FORM_PREFIXES =
            List.of("Gm", "gG", "e.", "AG", "Sp", "S.", "SA", "Lt", "z.", "s.", "AS", "AI", "EE", "B.", "N.");

    /** {@link #LEGAL_FORM_PREFIXES} as a table by their two chars. */
    private static final boolean[] LEGAL_FORM_PAIRS = new boolean[128 * 128];

    static {
        LEGAL_FORM_FIRST.chars().forEach(c -> LEGAL_FORM_START[c] = true);
        LEGAL_FORM_PREFIXES.forEach(p -> LEGAL_FORM_PAIRS[p.charAt(0) * 128 + p.charAt(1)] = true);
    }

    private static final Pattern KEEPS_FINAL_DOT = Pattern.compile(".*(?:V|o|s|A|L|l|d|V)\\.$");
    private static final Set<String> ORG_WORDS = Set.copyOf(List.of(
            "cluster",
            "klaster",
            "cluster's",
            "pole",
            "polo",
            "netzwerk",
            "network",
            "association",
            "asociacion",
            "associacio",
            "associazione",
            "verein",
            "stowarzyszenie",
            "agency",
            "agentur",
            "agencja",
            "agence",
            "agencia",
            "university",
            "universitat",
            "uniwersytet",
            "universite",
            "universidad",
            "universita",
            "institute",
            "institut",
            "instytut",
            "instituto",
            "istituto",
            "fundacja",
            "fundacion",
            "foundation",
            "stiftung",
            "chamber",
            "kammer",
            "izba",
            "chambre",
            "camara",
            "klastr",
            "sdruzhenie",
            "kompetenznetz",
            "alliance",
            "consortium",
            "klast"));
    private static final List<String> GENERIC = List.of(
            "manag",
            "excellen",
            "exzellen",
            "train",
            "benchmark",
            "programm",
            "program",
            "projekt",
            "project",
            "konsort",
            "consort",
            "polic",
            "politik",
            "strateg",
            "okonom",
            "econom",
            "initiativ",
            "plattform",
            "platform",
            "label",
            "meeting",
            "treffen",
            "konferen",
            "conferen",
            "kooperation",
            "cooperation",
            "cooperacion",
            "zusammenarbeit",
            "technolog",
            "international",
            "europ",
            "national",
            "regional",
            "analys",
            "analyse",
            "organisation",
            "organization",
            "mapping",
            "collaboration",
            "week",
            "woche",
            "day",
            "tag",
            "award",
            "preis",
            "call",
            "partner",
            "member",
            "mitglied",
            "development",
            "entwicklung");
    private static final Set<String> LEADING_NOISE = Set.copyOf(List.of(
            "der", "die", "das", "des", "dem", "den", "the", "le", "la", "les", "el", "los", "las", "il", "lo", "gli",
            "un", "une", "ein", "eine", "a", "an", "am", "im", "in", "mit", "with", "for", "auch", "also", "our",
            "unser", "unsere", "ziel", "als", "at", "bei", "von", "vom", "zum", "zur", "and", "und", "et", "y", "i",
            "w", "z", "na", "do", "dla", "przez", "de", "du", "del", "des"));

    /**
     * Candidates in text order. In German every noun is capitalised, so there a word before the organisation
     * word counts as specific only when it looks like a name (an acronym or CamelCase: "ICT", "BalticNet");
     * after it ("Cluster Nanotechnologie Sachsen") and in other languages any capitalised non-generic word does.
     */
    public List<Candidate> find(String text, String language) {
        return find(text, language, Tokens.of(text));
    }

    /** As {@link #find(String, String)} over tokens already computed for the text. */
    public List<Candidate> find(String text, String language, List<Tokens.Token> textTokens) {
        boolean german = "de".equals(language);
        List<Candidate> out = new ArrayList<>();
        Matcher legal = LEGAL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        boolean[] legalStarts = legalStarts(text, textTokens);
        int resume = 0;
        for (int i = 0; legalStarts != null && i < text.length(); i++) {
            if (legalStarts[i] && i >= resume && legal.region(i, text.length()).lookingAt()) {
                Candidate c = trim(text, legal.start(1), legal.end());
                if (c != null) {
                    out.add(c);
                }
                resume = legal.end();
            }
        }
        int[] tokenStarts = new int[textTokens.size()];
        for (int i = 0; i < tokenStarts.length; i++) {
            tokenStarts[i] = textTokens.get(i).start();
        }
        int from = 0;
        while (true) {
            int at = nextRunStart(text, from);
            if (at < 0) {
                break;
            }
            int runEnd = runEnd(text, at);
            if (runEnd < 0) {
                from = at + 1;
                continue;
            }
            from = runEnd;
            int runStart = at;
            if (!hasGap(text, runStart, runEnd)) {
                continue; // one word is one token: not a name of several words
            }
            List<Tokens.Token> tokens = tokensOf(text, runStart, runEnd, textTokens, tokenStarts);
            if (tokens.size() < 2) {
                continue;
            }
            // an organisation word first (most runs have none), then a specific word other than it
            int firstOrg = -1;
            for (int k = 0; k < tokens.size() && firstOrg < 0; k++) {
                if (isOrgWord(tokens.get(k))) {
                    firstOrg = k;
                }
            }
            if (firstOrg < 0) {
                continue;
            }
            boolean specific = false;
            for (int k = 0; k < tokens.size() && !specific; k++) {
                Tokens.Token t = tokens.get(k);
                specific = (k < firstOrg || !isOrgWord(t))
                        && Character.isLetter(t.text().charAt(0))
                        && t.startsUpperCase()
                        && t.folded().length() > 1
                        && (!german || k > firstOrg || looksLikeName(t.text())) // in German, a name before the org word
                        && !LEADING_NOISE.contains(t.folded())
                        && !isGeneric(t.folded());
            }
            if (specific) {
                Candidate c = trim(text, runStart, runEnd);
                if (c != null && out.stream().noneMatch(o -> o.start() < c.end() && c.start() < o.end())) {
                    out.add(c);
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * The first position at or after {@code from} where {@link #RUN} can match: a capital or a number (its first
     * {@code WORD} char) not after a letter or number (its lookbehind). Trying the pattern only there, in order,
     * and going on after each match finds what {@link Matcher#find()} finds, without running the lookbehind and
     * the alternation at every char.
     */
    private static int nextRunStart(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                    if (i == 0 || !isLetterOrNumberBefore(text, i)) {
                        return i;
                    }
                }
                continue;
            }
            int cp = text.codePointAt(i);
            if ((Character.getType(cp) == Character.UPPERCASE_LETTER || isNumber(cp))
                    && (i == 0 || !isLetterOrNumberBefore(text, i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What the lookbehind {@code (?<![\\p{L}\\p{N}])} rejects: a letter or number just before {@code i}, read
     * as the pattern reads it (the code point at {@code i - 1}, so the low half of a surrogate pair is neither).
     */
    private static boolean isLetterOrNumberBefore(String text, int i) {
        int cp = Character.codePointAt(text, i - 1);
        return Character.isLetter(cp) || isNumber(cp);
    }

    /**
     * Where the match of {@link #RUN} that starts at {@code p} ends, or -1 when none starts there ({@code p} is
     * after no letter or number: {@link #nextRunStart}). The pattern by hand, as its backtracking resolves:
     * each {@code WORD} is as long as it can be (whatever follows it is optional), and the repetition goes on
     * while spaces or tabs, then a {@code WORD} or a connector between spaces and a {@code WORD}, follow.
     */
    static int runEnd(String text, int p) {
        int end = wordEnd(text, p);
        if (end < 0) {
            return -1;
        }
        int n = text.length();
        while (true) {
            int s = end;
            while (s < n && isBlank(text.charAt(s))) {
                s++;
            }
            if (s == end || s == n) {
                return end; // no blank, or blanks to the end of the text: no further word
            }
            int next = -1;
            int connector = connectorEnd(text, s);
            if (connector > 0) {
                int t = connector;
                while (t < n && isBlank(text.charAt(t))) {
                    t++;
                }
                next = wordEnd(text, t); // t > connector: a connector is followed by a blank
            }
            if (next < 0) {
                next = wordEnd(text, s);
            }
            if (next < 0) {
                return end;
            }
            end = next;
        }
    }

    /** The end of a {@code WORD} at {@code p}, or -1. */
    private static int wordEnd(String text, int p) {
        int n = text.length();
        if (p >= n) {
            return -1;
        }
        int cp = text.codePointAt(p);
        if (Character.getType(cp) == Character.UPPERCASE_LETTER) {
            int q = p + Character.charCount(cp);
            while (q < n) {
                int c = text.codePointAt(q);
                if (Character.isLetter(c)
                        || isMark(c)
                        || isNumber(c)
                        || c == '&'
                        || c == '\''
                        || c == '’'
                        || c == '+'
                        || c == '-') {
                    q += Character.charCount(c);
                } else if (c == '.' && q + 1 < n && Character.isLetter(text.codePointAt(q + 1))) {
                    q++;
                } else {
                    break;
                }
            }
            return q;
        }
        if (isNumber(cp)) {
            int q = p;
            while (q < n && isNumber(text.codePointAt(q))) {
                q += Character.charCount(text.codePointAt(q));
            }
            return q;
        }
        return -1;
    }

    /** The end of a {@code CONNECTOR} at {@code s} that a space or tab follows, or -1 (at most one can be). */
    private static int connectorEnd(String text, int s) {
        char first = text.charAt(s);
        if (first >= 128 || !CONNECTOR_START[first]) {
            return -1;
        }
        for (String c : CONNECTORS) {
            int e = s + c.length();
            if (e < text.length() && text.startsWith(c, s) && isBlank(text.charAt(e))) {
                return e;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isOrgWord(Tokens.Token t) {
        return ORG_WORDS.contains(t.folded()) || ORG_WORDS.contains(t.stem());
    }

    private static boolean isGeneric(String folded) {
        for (String g : GENERIC) {
            if (folded.contains(g)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a match of {@link #LEGAL} can start, or null when the text has no legal form at all: a match ends
     * in a legal form after whitespace, and its name part before it spans at most {@link #LEGAL_MAX_GAPS} runs
     * of spaces and no line break. Trying the pattern only there, in order, finds what a search would find,
     * without running it at every capitalised word of a text that names no company. A legal form starts with an
     * ASCII letter after whitespace: at the start of a token of the text, so only token starts are looked at.
     */
    private static boolean[] legalStarts(String text, List<Tokens.Token> textTokens) {
        int n = text.length();
        boolean[] starts = null;
        Matcher form = LEGAL_FORM_ONLY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (Tokens.Token token : textTokens) {
            int at = token.start();
            if (at < 1) {
                continue;
            }
            char c0 = text.charAt(at);
            if (c0 >= 128
                    || !LEGAL_FORM_START[c0]
                    || !isSpace(text.charAt(at - 1))
                    || !startsLegalForm(text, at)
                    || !form.region(at, n).lookingAt()) {
                continue;
            }
            int j = at - 1;
            while (j >= 0 && isSpace(text.charAt(j))) {
                j--;
            }
            if (j >= 0 && text.charAt(j) == ',') {
                j--;
            }
            int gaps = 0;
            boolean inGap = false;
            while (j >= 0) {
                char c = text.charAt(j);
                if (c == ' ' || c == '\t') {
                    if (!inGap && ++gaps > LEGAL_MAX_GAPS) {
                        break;
                    }
                    inGap = true;
                } else if (isSpace(c)) {
                    break; // a line break: the name part is on one line
                } else {
                    inGap = false;
                }
                j--;
            }
            if (starts == null) {
                starts = new boolean[n];
            }
            for (int s = j + 1; s < at; s++) {
                char c = text.charAt(s);
                // the name part starts with a capital or a number (WORD), not after a letter
                if ((s == 0 || !Character.isLetter(text.charAt(s - 1)))
                        && (Character.isUpperCase(text.codePointAt(s)) || isNumber(text.codePointAt(s)))) {
                    starts[s] = true;
                }
            }
        }
        return starts;
    }

    private static boolean startsLegalForm(String text, int at) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char first = text.charAt(at);
        char second = text.charAt(at + 1);
        return first < 128 && second < 128 && LEGAL_FORM_PAIRS[first * 128 + second];
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** What \\s matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** True when a run has a space or tab: words separated by other chars ("INNO-DROP") still give several tokens. */
    private static boolean hasGap(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || !Tokens.isWordChar(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens of text[start, end): the text's own tokens when the run is bounded by token separators (a
     * token is then never cut), else the run tokenised alone, as before.
     */
    private static List<Tokens.Token> tokensOf(
            String text, int start, int end, List<Tokens.Token> textTokens, int[] tokenStarts) {
        boolean clean = (start == 0 || !Tokens.isWordChar(text.charAt(start - 1)))
                && (end == text.length() || !Tokens.isWordChar(text.charAt(end)));
        if (!clean) {
            return Tokens.of(text.substring(start, end));
        }
        int from = java.util.Arrays.binarySearch(tokenStarts, start);
        if (from < 0) {
            from = -from - 1;
        }
        int to = from;
        while (to < textTokens.size() && textTokens.get(to).end() <= end) {
            to++;
        }
        return textTokens.subList(from, to);
    }

    private static boolean looksLikeName(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) || Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Drops leading articles and prepositions (capitalised at a sentence start) and trailing dots. */
    private static Candidate trim(String text, int start, int end) {
        String s = text.substring(start, end);
        while (true) {
            int space = s.indexOf(' ');
            if (space < 0 || !LEADING_NOISE.contains(Fold.fold(s.substring(0, space)))) {
                break;
            }
            start += space + 1;
            s = s.substring(space + 1).stripLeading();
        }
        String stripped = s.strip();
        while (stripped.endsWith(",")
                || (stripped.endsWith(".") && !KEEPS_FINAL_DOT.matcher(stripped).matches())) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (stripped.length() < 4 || !stripped.contains(" ")) {
            return null;
        }
        return new Candidate(stripped, start, start + stripped.length());
    }
}
