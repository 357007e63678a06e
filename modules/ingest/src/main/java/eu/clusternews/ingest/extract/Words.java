package eu.clusternews.ingest.extract;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small set of folded words asked about every token of a document: a bit per (first char, last char, length)
 * answers most tokens "no" before any hash is computed (a token's folded string is new, so its hash would be computed
 * for the lookup alone).
 */
final class Words {

    private final Set<String> words;
    private final BitSet shapes = new BitSet(1 << 16);

    private Words(Set<String> words) {
        this.words = Set.copyOf(words);
        words.forEach(w -> shapes.set(shape(w)));
    }

    /** The folds of the given words. */
    static Words of(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(Fold.fold(w));
        }
        return new Words(out);
    }

    /** Every word of the given sets: one lookup to rule out a token that none of them holds. */
    static Words union(Words... sets) {
        Set<String> all = new HashSet<>();
        for (Words w : sets) {
            all.addAll(w.words);
        }
        return new Words(all);
    }

    /** True when {@code folded} (a folded token) is one of the words. */
    boolean contains(String folded) {
        return !folded.isEmpty() && shapes.get(shape(folded)) && words.contains(folded);
    }

    /** The index of the first token at or after {@code from} whose fold is one of the words, or -1. */
    int next(List<Tokens.Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (contains(tokens.get(i).folded())) {
                return i;
            }
        }
        return -1;
    }

    /** A non-empty word's (first char, last char, length) in 16 bits. */
    static int shape(String w) {
        int n = w.length();
        return ((w.charAt(0) * 31 + w.charAt(n - 1)) * 31 + n) & 0xffff;
    }
}
