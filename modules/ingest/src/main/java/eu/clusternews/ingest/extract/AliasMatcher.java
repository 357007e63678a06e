package eu.clusternews.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.clusternews.ingest.reference.ReferenceData;

/**
 * Finds mentions of reference entities in text: a trie over the stemmed tokens of every alias, name and
 * acronym of the reference data, built once, walked leftmost-longest over the document's tokens (linear in
 * the text length times the longest alias).
 *
 * <p>Robust to case, hyphens, spacing and quotes (tokens), diacritics and German/Polish inflection
 * ({@link Fold}), legal forms (stripped from aliases, absorbed after a match) and concatenated acronyms
 * ("INNODROP"). Guards against common words: aliases of up to four letters match only when written in
 * capitals or in a casing the reference data lists ("CET" but not French "cet"), and a match must start
 * with a capital unless the reference data writes the alias in lower case ("bioPmed", "secpho").
 */
public final class AliasMatcher {

    /** A linked mention: the text as written, its offsets and the reference ids it resolves to. */
    public record Match(String surface, int start, int end, List<String> ids) {}

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        Set<String> ids;
        boolean shortAlias;
        final Set<String> casings = new HashSet<>(2);
        boolean lowerStartAllowed;
        /** Only a one-word name written in two parts leads here: both parts must start with a capital. */
        boolean splitOnly;
        /** Last tokens of long names that the source cut off mid-word ("... DE LAS EMPRE"): matched as prefixes. */
        Map<String, Node> truncated;
    }

    private final Node root = new Node();
    /**
     * The {@link Words#shape shapes} of the root's keys: most tokens start no alias, and they are ruled out without
     * hashing their stem (a new string: its hash would be computed for this lookup alone).
     */
    private final java.util.BitSet rootShapes = new java.util.BitSet(1 << 16);

    /** Names of at least this many tokens match with a last token cut short (only long names are cut by sources). */
    private static final int TRUNCATED_MIN_TOKENS = 6;

    public AliasMatcher(ReferenceData reference) {
        Map<String, Set<String>> casingsByFold = new HashMap<>();
        Map<String, Set<String>> idsByAlias = new HashMap<>();
        reference.organisations().forEach(o -> {
            addNamed(idsByAlias, casingsByFold, o.getId(), o.getName(), o.getLegalName(), o.getShortName());
            o.getAliases().forEach(a -> addNamed(idsByAlias, casingsByFold, o.getId(), a));
        });
        reference
                .consortia()
                .forEach(c -> addNamed(idsByAlias, casingsByFold, c.getId(), c.getAcronym(), c.getFullTitle()));
        reference
                .programmes()
                .forEach(p -> addNamed(idsByAlias, casingsByFold, p.getId(), p.getName(), p.getShortName()));
        reference
                .aliases()
                .forEach((alias, ids) -> variants(alias)
                        .forEach(v -> idsByAlias
                                .computeIfAbsent(v, k -> new LinkedHashSet<>())
                                .addAll(ids)));
        // consortia and programmes list their aliases only in their files and aliases.json: fold both
        idsByAlias.forEach((alias, ids) -> insert(alias, ids, casingsByFold.getOrDefault(Fold.fold(alias), Set.of())));
        // after every real alias, so that a split never takes a real two-word alias's place
        idsByAlias.forEach(this::insertSplits);
        root.children.keySet().stream().filter(k -> !k.isEmpty()).forEach(k -> rootShapes.set(Words.shape(k)));
    }

    private static void addNamed(
            Map<String, Set<String>> idsByAlias, Map<String, Set<String>> casings, String id, String... names) {
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                for (String variant : variants(name)) {
                    idsByAlias
                            .computeIfAbsent(variant, k -> new LinkedHashSet<>())
                            .add(id);
                    casings.computeIfAbsent(Fold.fold(variant), k -> new HashSet<>())
                            .add(variant);
                }
            }
        }
    }

    /**
     * A reference name as written and without the editors' notes in it: a trailing parenthesis ("Bundesministerium
     * für Wirtschaft und Klimaschutz (formerly BMWi)", "... [Solares] (truncated in source)") and square brackets
     * around restored words.
     */
    static List<String> variants(String name) {
        String cleaned =
                name.replaceFirst("\\s*\\([^()]*\\)\\s*$", "").replace("[", "").replace("]", "");
        return cleaned.equals(name) || cleaned.isBlank() ? List.of(name) : List.of(name, cleaned.strip());
    }

    private void insert(String alias, Set<String> ids, Set<String> casings) {
        List<Tokens.Token> tokens = Tokens.of(alias);
        List<String> folded =
                new ArrayList<>(tokens.stream().map(Tokens.Token::folded).toList());
        int legal = LegalForms.trailingLength(folded);
        List<Tokens.Token> kept = tokens.subList(0, tokens.size() - legal);
        if (kept.isEmpty()) {
            return;
        }
        Set<String> originals = new HashSet<>(casings);
        if (!alias.equals(alias.toLowerCase(java.util.Locale.ROOT))) {
            originals.add(alias);
        }
        boolean lowerStart = originals.isEmpty()
                ? alias.contains(".") // aliases.json only: lower case, so only domains may start lower case
                : originals.stream().anyMatch(o -> !o.isEmpty() && Character.isLowerCase(o.codePointAt(0)));
        Node node = root;
        Node parent = null;
        for (Tokens.Token t : kept) {
            parent = node;
            node = node.children.computeIfAbsent(t.stem(), k -> new Node());
        }
        mark(node, ids, kept.size() == 1 && kept.get(0).folded().length() <= 4, originals, lowerStart, kept);
        if (kept.size() >= TRUNCATED_MIN_TOKENS) {
            // a name this long may have been cut off mid-word by its source: its last token also matches as a prefix
            String last = kept.get(kept.size() - 1).folded();
            if (last.length() >= 3) {
                if (parent.truncated == null) {
                    parent.truncated = new HashMap<>(2);
                }
                parent.truncated.putIfAbsent(last, node);
            }
        }
        if (kept.size() > 1 && kept.size() <= 3) {
            // "INNO-DROP" also written "INNODROP"
            StringBuilder joined = new StringBuilder();
            kept.forEach(t -> joined.append(t.folded()));
            Node j = root.children.computeIfAbsent(Fold.stem(joined.toString()), k -> new Node());
            mark(j, ids, joined.length() <= 4, Set.of(), lowerStart, kept);
        }
    }

    /**
     * A one-word name of six letters or more also written in two capitalised parts ("Clus-Grid", "Nano Progress",
     * "Inno Skart"): every split into two parts of three letters or more becomes a two-token path that matches only
     * when both tokens start with a capital (three letters each, so an acronym like "ECICT" is not "EC ICT"). Built
     * into the trie, so matching costs nothing more.
     */
    private void insertSplits(String alias, Set<String> ids) {
        List<Tokens.Token> tokens = Tokens.of(alias);
        if (tokens.size() != 1 || tokens.get(0).folded().length() < 6) {
            return;
        }
        String whole = tokens.get(0).folded();
        for (int k = 3; k <= whole.length() - 3; k++) {
            Node head = root.children.computeIfAbsent(Fold.stem(whole.substring(0, k)), x -> new Node());
            Node split = head.children.computeIfAbsent(Fold.stem(whole.substring(k)), x -> new Node());
            if (split.ids == null) {
                split.ids = new LinkedHashSet<>(ids);
                split.splitOnly = true;
            } else if (split.splitOnly) {
                split.ids.addAll(ids);
            }
        }
    }

    private static void mark(
            Node node,
            Set<String> ids,
            boolean shortAlias,
            Set<String> originals,
            boolean lowerStart,
            List<Tokens.Token> kept) {
        node.splitOnly = false;
        if (node.ids == null) {
            node.ids = new LinkedHashSet<>();
            node.shortAlias = shortAlias;
        } else {
            node.shortAlias &= shortAlias;
        }
        node.ids.addAll(ids);
        if (kept.size() == 1) {
            originals.stream()
                    .map(o -> Tokens.of(o))
                    .filter(ts -> ts.size() == 1)
                    .forEach(ts -> node.casings.add(ts.get(0).text()));
        }
        node.lowerStartAllowed |= lowerStart;
    }

    /** Every mention in the text, leftmost-longest, without overlaps, in text order. */
    public List<Match> find(String text) {
        return find(text, Tokens.of(text));
    }

    /** As {@link #find(String)} over tokens already computed for the text. */
    public List<Match> find(String text, List<Tokens.Token> tokens) {
        List<Match> out = new ArrayList<>();
        List<String> folded = null;
        int i = 0;
        while (i < tokens.size()) {
            Node node = root;
            Node best = null;
            int bestEnd = -1;
            for (int j = i; j < tokens.size(); j++) {
                String stem = tokens.get(j).stem();
                Node next = node != root || stem.isEmpty() || rootShapes.get(Words.shape(stem))
                        ? node.children.get(stem)
                        : null;
                if (next == null && node.truncated != null) {
                    next = truncatedChild(node, tokens.get(j).folded());
                }
                node = next;
                if (node == null) {
                    break;
                }
                if (node.ids != null && acceptable(node, tokens, i, j + 1)) {
                    best = node;
                    bestEnd = j + 1;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            if (folded == null) {
                folded =
                        new java.util.AbstractList<>() { // a view: no list of every folded token per text
                            @Override
                            public String get(int index) {
                                return tokens.get(index).folded();
                            }

                            @Override
                            public int size() {
                                return tokens.size();
                            }
                        };
            }
            int end = bestEnd + LegalForms.lengthAt(folded, bestEnd);
            int startChar = tokens.get(i).start();
            int endChar = tokens.get(end - 1).end();
            if (end > bestEnd && endChar < text.length() && text.charAt(endChar) == '.') {
                endChar++; // "e.V." keeps its final dot
            }
            out.add(new Match(text.substring(startChar, endChar), startChar, endChar, List.copyOf(best.ids)));
            i = end;
        }
        return out;
    }

    private static Node truncatedChild(Node node, String folded) {
        for (Map.Entry<String, Node> e : node.truncated.entrySet()) {
            if (folded.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean acceptable(Node node, List<Tokens.Token> tokens, int from, int to) {
        Tokens.Token first = tokens.get(from);
        if (node.splitOnly) {
            return first.startsUpperCase() && tokens.get(to - 1).startsUpperCase();
        }
        if (node.shortAlias && to - from == 1) {
            return (first.isUpperCase() || node.casings.contains(first.text())) && !afterClockTime(tokens, from);
        }
        return node.lowerStartAllowed || first.startsUpperCase();
    }

    /** "10:00 CET", "14.30 CET": a short capital word after a clock time is a time zone, not a name. */
    private static boolean afterClockTime(List<Tokens.Token> tokens, int at) {
        if (at < 2) {
            return false;
        }
        Tokens.Token minutes = tokens.get(at - 1);
        Tokens.Token hours = tokens.get(at - 2);
        return isDigits(minutes.text())
                && isDigits(hours.text())
                && minutes.text().length() == 2
                && minutes.start() - hours.end() == 1
                && tokens.get(at).start() - minutes.end() <= 1;
    }

    private static boolean isDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
