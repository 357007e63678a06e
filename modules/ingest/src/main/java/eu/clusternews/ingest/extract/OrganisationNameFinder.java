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
    private static final Pattern LEGAL = Pattern.compile("(?<![\\p{L}])(" + WORD + "(?:[ \\t]+(?:" + CONNECTOR + "[ \\t]+)?" + WORD + "){0,6})"
            + ",?\\s+(GmbH|gGmbH|e\\.\\s?V\\.|AG|Sp\\.\\s?z\\s?o\\.\\s?o\\.|S\\.A\\.|S\\.L\\.|SAS|S\\.r\\.l\\.|Ltd\\.?|z\\.\\s?s\\.|s\\.r\\.o\\.|ASBL|AISBL|EEIG|B\\.V\\.|N\\.V\\.)(?![\\p{L}])");
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
        boolean german = "de".equals(language);
        List<Candidate> out = new ArrayList<>();
        Matcher legal = LEGAL.matcher(text);
        while (legal.find()) {
            Candidate c = trim(text, legal.start(1), legal.end());
            if (c != null) {
                out.add(c);
            }
        }
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            List<Tokens.Token> tokens = Tokens.of(run.group());
            if (tokens.size() < 2) {
                continue;
            }
            boolean org = false;
            boolean specific = false;
            for (Tokens.Token t : tokens) {
                if (ORG_WORDS.contains(t.folded()) || ORG_WORDS.contains(t.stem())) {
                    org = true;
                } else if (Character.isLetter(t.text().charAt(0)) && t.startsUpperCase() && t.folded().length() > 1
                        && GENERIC.stream().noneMatch(g -> t.folded().contains(g)) && !LEADING_NOISE.contains(t.folded())
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
        while (stripped.endsWith(",") || (stripped.endsWith(".") && !stripped.matches(".*(?:V|o|s|A|L|l|d|V)\\.$"))) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (stripped.length() < 4 || !stripped.contains(" ")) {
            return null;
        }
        return new Candidate(stripped, start, start + stripped.length());
    }
}
