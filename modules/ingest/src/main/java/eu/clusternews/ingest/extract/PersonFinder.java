package eu.clusternews.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of persons: after a title or form of address (Dr., Prof., Mr, Frau, Pan, Pani, M., Mme, Sr., Dott.,
 * Ing., Mgr ...), after "©"/"Foto:" credits and slashes in them, and a known first name followed by a
 * capitalised surname. Names are returned without their titles ("Kai Pflanz"), at most three words.
 */
public final class PersonFinder {

    /** A person's name and where it stands. */
    public record Person(String name, int start, int end) {}

    private static final String NAME = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)?";
    private static final String PARTICLE = "(?:von|van|de|der|del|della|di|da|du|la|le|zu)";
    private static final String FULL = "(" + NAME + "(?:[ \\u00A0]+" + PARTICLE + ")?(?:[ \\u00A0]+" + NAME + ")?)";
    private static final Pattern TITLED = Pattern.compile(
            "(?<![\\p{L}])(?:(?:Prof\\.|Dr\\.|Dr\\.-Ing\\.|Dipl\\.-Ing\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Herr|Frau|Pan|Pani|Panią|Panem|"
                    + "dr|prof\\.|Mme|Madame|Monsieur|Sr\\.|Sra\\.|Señor|Señora|Dott\\.(?:ssa)?|Ing\\.|Mgr|inż\\.|hab\\.|PhD)\\s+)+"
                    + FULL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CREDIT = Pattern.compile("(?:©|\\(c\\)|Foto:|Fot\\.|Photo:|Bild:|Crédit:?)[^\\n]*");
    private static final Pattern CREDIT_NAME =
            Pattern.compile("(?:^|/|,|:|©)\\s*(" + NAME + "\\s+" + NAME + ")\\s*(?=$|/|,|\\))");
    private static final Pattern FIRST_NAMED =
            Pattern.compile("(?<![\\p{L}])(" + NAME + ")[ \\u00A0]+(" + NAME + ")(?![\\p{L}])");
    private static final Set<String> FIRST_NAMES = Set.copyOf(java.util.List.of(
            "Anna",
            "Maria",
            "Marie",
            "Katarzyna",
            "Agnieszka",
            "Małgorzata",
            "Joanna",
            "Magdalena",
            "Ewa",
            "Barbara",
            "Kinga",
            "Monika",
            "Aleksandra",
            "Piotr",
            "Krzysztof",
            "Andrzej",
            "Tomasz",
            "Paweł",
            "Marcin",
            "Michał",
            "Jan",
            "Marek",
            "Grzegorz",
            "Jakub",
            "Łukasz",
            "Wojciech",
            "Adam",
            "Kai",
            "Klaus",
            "Thomas",
            "Michael",
            "Andreas",
            "Stefan",
            "Peter",
            "Wolfgang",
            "Jürgen",
            "Frank",
            "Uwe",
            "Matthias",
            "Markus",
            "Martin",
            "Christian",
            "Sabine",
            "Susanne",
            "Petra",
            "Claudia",
            "Andrea",
            "Julia",
            "Katrin",
            "Kathrin",
            "Birgit",
            "Ulrike",
            "Heike",
            "Silke",
            "Jens",
            "Jean",
            "Pierre",
            "Philippe",
            "Jacques",
            "Michel",
            "François",
            "Nicolas",
            "Laurent",
            "Sophie",
            "Isabelle",
            "Nathalie",
            "Claire",
            "Camille",
            "Céline",
            "Élodie",
            "José",
            "Antonio",
            "Manuel",
            "Francisco",
            "Juan",
            "Javier",
            "Carlos",
            "Miguel",
            "Jordi",
            "Josep",
            "Pablo",
            "Carmen",
            "Lucía",
            "Laura",
            "Elena",
            "Cristina",
            "Marta",
            "Núria",
            "Montserrat",
            "Giuseppe",
            "Giovanni",
            "Marco",
            "Luca",
            "Francesco",
            "Alessandro",
            "Paolo",
            "Giulia",
            "Chiara",
            "Francesca",
            "Sara",
            "Federica",
            "Jiří",
            "Petr",
            "Pavel",
            "Tomáš",
            "Lukáš",
            "Jana",
            "Eva",
            "Hana",
            "Lenka",
            "Ivan",
            "Georgi",
            "Dimitar",
            "Nikolay",
            "Stoyan",
            "Ivanka",
            "Elena",
            "Mariya",
            "Desislava",
            "John",
            "David",
            "James",
            "Robert",
            "Richard",
            "Paul",
            "Mark",
            "Sarah",
            "Emma",
            "Helen",
            "Catherine",
            "Anne",
            "Lars",
            "Erik",
            "Henrik",
            "Mikael",
            "Johan",
            "Sven",
            "Ingrid",
            "Kristina",
            "Zoltán",
            "László",
            "Gábor",
            "Péter",
            "Ágnes",
            "Erzsébet",
            "Nikos",
            "Giorgos",
            "Dimitris",
            "Katerina",
            "Ana",
            "João",
            "Pedro",
            "Rui",
            "Inês",
            "Sofia",
            "Hans",
            "Karl",
            "Dirk",
            "Ralf",
            "Rainer",
            "Bernd",
            "Holger",
            "Sven",
            "Tobias",
            "Florian",
            "Sebastian",
            "Daniel",
            "Alexander",
            "Oliver",
            "Philipp",
            "Lena",
            "Nina",
            "Vera",
            "Olga",
            "Irena",
            "Zofia",
            "Halina",
            "Beata",
            "Dorota",
            "Renata",
            "Iwona",
            "Elżbieta",
            "Stanisław",
            "Tadeusz",
            "Jerzy",
            "Zbigniew",
            "Ryszard"));
    private static final Set<String> NOT_SURNAMES = Set.of(
            "Cluster",
            "Klaster",
            "Clúster",
            "Programme",
            "Programm",
            "Program",
            "Projekt",
            "Project",
            "Gold",
            "Silver",
            "Bronze",
            "Label",
            "Innovation",
            "Technik",
            "Consortium");

    /** Every person named in the text, in text order, without repeats of the same name. */
    public List<Person> find(String text) {
        return find(text, Tokens.of(text));
    }

    /** As {@link #find(String)} over tokens already computed for the text. */
    public List<Person> find(String text, List<Tokens.Token> tokens) {
        List<Person> out = new ArrayList<>();
        Matcher m = TITLED.matcher(text);
        int from = 0;
        while (from < text.length()) {
            int at = nextTitle(text, from);
            if (at < 0) {
                break;
            }
            if (m.region(at, text.length()).lookingAt()) {
                add(out, m.group(1), m.start(1), m.end(1));
                from = m.end();
            } else {
                from = at + 1;
            }
        }
        Matcher credit = CREDIT.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = nextCredit(text, credit, 0); at >= 0; at = nextCredit(text, credit, credit.end())) {
            Matcher n = CREDIT_NAME.matcher(credit.group());
            while (n.find()) {
                add(out, n.group(1), credit.start() + n.start(1), credit.start() + n.end(1));
            }
        }
        Matcher f = FIRST_NAMED.matcher(text);
        for (Tokens.Token t : tokens) {
            // a known first name starts a name: check only there, not at every capitalised word
            if (mayBeFirstName(t)
                    && FIRST_NAMES.contains(t.text())
                    && f.region(t.start(), text.length()).lookingAt()
                    && !NOT_SURNAMES.contains(f.group(2))) {
                add(out, f.group(1) + " " + f.group(2), f.start(1), f.end(2));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** First chars and the longest of {@link #FIRST_NAMES}: most tokens are ruled out without hashing them. */
    private static final boolean[] FIRST_NAME_START = new boolean[0x10000];

    private static final int FIRST_NAME_MAX =
            FIRST_NAMES.stream().mapToInt(String::length).max().orElse(0);

    static {
        FIRST_NAMES.forEach(n -> FIRST_NAME_START[n.charAt(0)] = true);
    }

    private static boolean mayBeFirstName(Tokens.Token t) {
        String s = t.text();
        return s.length() <= FIRST_NAME_MAX && FIRST_NAME_START[s.charAt(0)];
    }

    /** The title words that can start a titled name (the alternatives of {@link #TITLED}, without their dots). */
    private static final Set<String> TITLE_WORDS = Set.of(
            "Prof",
            "Dr",
            "Dipl",
            "Mr",
            "Mrs",
            "Ms",
            "Herr",
            "Frau",
            "Pan",
            "Pani",
            "Panią",
            "Panem",
            "dr",
            "prof",
            "Mme",
            "Madame",
            "Monsieur",
            "Sr",
            "Sra",
            "Señor",
            "Señora",
            "Dott",
            "Ing",
            "Mgr",
            "inż",
            "hab",
            "PhD");
    /** First letters of {@link #TITLE_WORDS}: only there can a title start. */
    private static final String TITLE_FIRST = "PDMHFdpSIih";
    /** {@link #TITLE_FIRST} as a table by char. */
    private static final boolean[] TITLE_START = table(TITLE_FIRST);
    /** {@link #TITLE_WORDS} by their first char. */
    private static final String[][] TITLES_BY_FIRST = new String[128][];

    static {
        for (char c = 0; c < 128; c++) {
            char first = c;
            TITLES_BY_FIRST[c] = TITLE_WORDS.stream()
                    .filter(w -> w.charAt(0) == first)
                    .sorted()
                    .toArray(String[]::new);
        }
    }

    /** The alternatives of {@link #CREDIT}, each the whole of what it needs at its start: where one is written, it matches. */
    private static final List<String> CREDIT_MARKERS =
            List.of("©", "(c)", "Foto:", "Fot.", "Photo:", "Bild:", "Crédit");

    /**
     * Where the next title word starts, or -1: a whole word (a run of letters after a non-letter char, as a
     * regex lookbehind sees it) that is one of {@link #TITLE_WORDS}. A set lookup per word start instead of
     * a lookbehind and an alternation of 27 words at every character.
     */
    private static int nextTitle(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !TITLE_START[c] || (i > 0 && Character.isLetter(text.charAt(i - 1)))) {
                continue;
            }
            // the whole run of letters from i is a title word: one of them is written there and no letter follows
            for (String w : TITLES_BY_FIRST[c]) {
                int e = i + w.length();
                if (text.startsWith(w, i) && (e == n || !Character.isLetter(text.codePointAt(e)))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where the next photo credit starts at or after {@code from} (the matcher then holds it), or -1. */
    private static int nextCredit(String text, Matcher credit, int from) {
        // the first marker written at or after from (String.indexOf is vectorised: no loop per char here)
        int at = -1;
        for (String marker : CREDIT_MARKERS) {
            int i = text.indexOf(marker, from);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at >= 0 && credit.region(at, text.length()).lookingAt()) {
            return at;
        }
        return -1;
    }

    private static boolean[] table(String chars) {
        boolean[] t = new boolean[256];
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = true;
        }
        return t;
    }

    private static void add(List<Person> out, String name, int start, int end) {
        String clean = name.strip();
        String[] words = WHITESPACE.split(clean); // clean.split("\\s+") without compiling the pattern each time
        if (NOT_SURNAMES.contains(words[words.length - 1])) {
            return;
        }
        for (Person p : out) {
            if (p.name().equals(clean) || (start < p.end() && end > p.start())) {
                return;
            }
        }
        out.add(new Person(clean, start, end));
    }
}
