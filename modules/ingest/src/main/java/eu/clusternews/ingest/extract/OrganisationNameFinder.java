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
    public record Candidate(String name, int start, int end) {
    }

    private static final String WORD = "(?:\\p{Lu}(?:[\\p{L}\\p{M}\\p{N}&'’+-]|\\.(?=\\p{L}))*|\\p{N}+)";
    private static final String CONNECTOR = "(?:für|for|and|und|of|de|del|des|la|le|du|di|della|i|y|et|e|&|z|dla|na)";
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + WORD + "(?:[ \\t]+(?:" + CONNECTOR + "[ \\t]+)?" + WORD + ")*");
    private static final String LEGAL_FORM = "(GmbH|gGmbH|e\\.\\s?V\\.|AG|Sp\\.\\s?z\\s?o\\.\\s?o\\.|S\\.A\\.|S\\.L\\.|SAS|S\\.r\\.l\\.|Ltd\\.?|z\\.\\s?s\\.|s\\.r\\.o\\.|ASBL|AISBL|EEIG|B\\.V\\.|N\\.V\\.)(?![\\p{L}])";
    /** At most this many runs of spaces inside the name part of {@link #LEGAL}: six more words, each after an optional connector. */
    private static final int LEGAL_MAX_GAPS = 12;
    private static final Pattern LEGAL = Pattern.compile("(?<![\\p{L}])(" + WORD + "(?:[ \\t]+(?:" + CONNECTOR + "[ \\t]+)?" + WORD + "){0,6})"
            + ",?\\s+" + LEGAL_FORM);
    private static final Pattern LEGAL_FORM_ONLY = Pattern.compile(LEGAL_FORM);
    /** First chars of the legal forms in {@link #LEGAL_FORM}. */
    private static final String LEGAL_FORM_FIRST = "GgeASszLEBN";
    private static final Pattern KEEPS_FINAL_DOT = Pattern.compile(".*(?:V|o|s|A|L|l|d|V)\\.$");
    private static final Set<String> ORG_WORDS = Set.copyOf(List.of("cluster", "klaster", "cluster's", "pole", "polo", "netzwerk",
            "network", "association", "asociacion", "associacio", "associazione", "verein", "stowarzyszenie", "agency",
            "agentur", "agencja", "agence", "agencia", "university", "universitat", "uniwersytet", "universite",
            "universidad", "universita", "institute", "institut", "instytut", "instituto", "istituto", "fundacja",
            "fundacion", "foundation", "stiftung", "chamber", "kammer", "izba", "chambre", "camara", "klastr", "sdruzhenie",
            "kompetenznetz", "alliance", "consortium", "klast"));
    private static final List<String> GENERIC = List.of("manag", "excellen", "exzellen", "train", "benchmark", "programm",
            "program", "projekt", "project", "konsort", "consort", "polic", "politik", "strateg", "okonom", "econom",
            "initiativ", "plattform", "platform", "label", "meeting", "treffen", "konferen", "conferen", "kooperation",
            "cooperation", "cooperacion", "zusammenarbeit", "technolog", "international", "europ", "national", "regional",
            "analys", "analyse", "organisation", "organization", "mapping", "collaboration", "week", "woche", "day", "tag",
            "award", "preis", "call", "partner", "member", "mitglied", "development", "entwicklung");
    private static final Set<String> LEADING_NOISE = Set.copyOf(List.of("der", "die", "das", "des", "dem", "den", "the", "le", "la",
            "les", "el", "los", "las", "il", "lo", "gli", "un", "une", "ein", "eine", "a", "an", "am", "im", "in", "mit",
            "with", "for", "auch", "also", "our", "unser", "unsere", "ziel", "als", "at", "bei", "von", "vom", "zum",
            "zur", "and", "und", "et", "y", "i", "w", "z", "na", "do", "dla", "przez", "de", "du", "del", "des"));

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
        boolean[] legalStarts = legalStarts(text);
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
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            if (!hasGap(text, run.start(), run.end())) {
                continue; // one word is one token: not a name of several words
            }
            List<Tokens.Token> tokens = tokensOf(text, run.start(), run.end(), textTokens, tokenStarts);
            if (tokens.size() < 2) {
                continue;
            }
            boolean org = false;
            boolean specific = false;
            for (Tokens.Token t : tokens) {
                if (ORG_WORDS.contains(t.folded()) || ORG_WORDS.contains(t.stem())) {
                    org = true;
                } else if (Character.isLetter(t.text().charAt(0)) && t.startsUpperCase() && t.folded().length() > 1
                        && !isGeneric(t.folded()) && !LEADING_NOISE.contains(t.folded())
                        && (!german || org || looksLikeName(t.text()))) {
                    specific = true;
                }
            }
            if (org && specific) {
                Candidate c = trim(text, run.start(), run.end());
                if (c != null && out.stream().noneMatch(o -> o.start() < c.end() && c.start() < o.end())) {
                    out.add(c);
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
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
     * without running it at every capitalised word of a text that names no company.
     */
    private static boolean[] legalStarts(String text) {
        int n = text.length();
        boolean[] starts = null;
        Matcher form = LEGAL_FORM_ONLY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = 1; at < n; at++) {
            if (!isSpace(text.charAt(at - 1)) || LEGAL_FORM_FIRST.indexOf(text.charAt(at)) < 0
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

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
    private static List<Tokens.Token> tokensOf(String text, int start, int end, List<Tokens.Token> textTokens, int[] tokenStarts) {
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
        while (stripped.endsWith(",") || (stripped.endsWith(".") && !KEEPS_FINAL_DOT.matcher(stripped).matches())) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (stripped.length() < 4 || !stripped.contains(" ")) {
            return null;
        }
        return new Candidate(stripped, start, start + stripped.length());
    }
}
