package eu.clusternews.ingest.extract;

import java.text.Normalizer;
import java.util.List;

/**
 * Folding of text for comparison: compatibility decomposition, no diacritics, lower case, and a light
 * suffix stemmer for German and Polish inflection. Both alias keys and news text go through the same
 * functions, so only consistency matters, not linguistic truth.
 */
public final class Fold {

    /** Endings stripped by {@link #stem}, longest first (already without diacritics). */
    private static final List<String> SUFFIXES = List.of(
            "rowi", "rach", "rami", "owie", "owi", "ami", "ach", "ego", "emu", "rze", "rem", "row", "iej", "ymi", "imi",
            "ych", "ich", "om", "ow", "ie", "em", "ej", "im", "ym", "ze", "en", "es", "er", "ra", "n", "s", "e", "u",
            "a", "i", "o", "y");

    /*
     * SUFFIXES reversed, as a trie over 'a'..'z' read from a word's last char backwards: NEXT[node * 26 + letter] is
     * the node after that letter (0: none; node 0 is the root), SUFFIX_ENDS[node] marks a whole suffix. The deepest
     * marked node a word reaches is its longest suffix, the one the list (longest first) would find first, without
     * a string comparison per suffix.
     */
    private static final int[] NEXT;
    private static final boolean[] SUFFIX_ENDS;

    static {
        int nodes = 1 + SUFFIXES.stream().mapToInt(String::length).sum();
        int[] next = new int[nodes * 26];
        boolean[] ends = new boolean[nodes];
        int used = 1;
        for (String suffix : SUFFIXES) {
            int node = 0;
            for (int i = suffix.length() - 1; i >= 0; i--) {
                int slot = node * 26 + (suffix.charAt(i) - 'a');
                if (next[slot] == 0) {
                    next[slot] = used++;
                }
                node = next[slot];
            }
            ends[node] = true;
        }
        NEXT = next;
        SUFFIX_ENDS = ends;
    }

    /*
     * The fold of each BMP char taken alone: ONE[c] when it is one char, else MANY[c]; neither (0 and null)
     * when folding it needs the whole string (combining marks and surrogates, whose order NFKD may change).
     * Folding char by char gives the same result as NFKD over the whole string when every char has an entry:
     * each entry's decomposition starts with a starter, so canonical reordering never crosses from one char's
     * decomposition into the next. Built once (about 65 000 single-char normalisations, a few milliseconds).
     */
    private static final char[] ONE = new char[0x10000];
    private static final String[] MANY = new String[0x10000];

    static {
        for (int i = 0; i < 0x10000; i++) {
            char c = (char) i;
            if (isMark(c)) {
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
            if (d.isEmpty() || isMark(d.charAt(0))) {
                continue;
            }
            String f = foldDecomposed(d);
            if (f.length() == 1 && f.charAt(0) != 0) {
                ONE[c] = f.charAt(0);
            } else {
                MANY[c] = f;
            }
        }
    }

    private Fold() {}

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || Character.isSurrogate(c);
    }

    /** Lower case without diacritics; ł→l, ß→ss, æ→ae, ø→o, œ→oe, đ→d; ² → 2. */
    public static String fold(CharSequence s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f || (c >= 'A' && c <= 'Z')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.toString();
        }
        char[] folded = foldedChars(s);
        return new String(folded, 0, folded.length);
    }

    /** The chars of {@link #fold}: for a scan of the folded text, without a string made and copied back. */
    public static char[] foldedChars(CharSequence s) {
        int n = s.length();
        char[] out = new char[n];
        // copied in bulk and folded in place while each char folds to one
        if (s instanceof String str) {
            str.getChars(0, n, out, 0);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = s.charAt(i);
            }
        }
        for (int i = 0; i < n; i++) {
            char c = out[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    out[i] = (char) (c + ('a' - 'A'));
                }
                continue;
            }
            char one = ONE[c];
            if (one == 0) {
                return foldedChars(s, out, i);
            }
            out[i] = one;
        }
        return out;
    }

    /** {@link #foldedChars(CharSequence)} on from char {@code from}, {@code out} holding the fold of those before. */
    private static char[] foldedChars(CharSequence s, char[] out, int from) {
        int n = s.length();
        int len = from;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[len++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                continue;
            }
            char one = ONE[c];
            if (one != 0) {
                out[len++] = one;
                continue;
            }
            String many = MANY[c];
            if (many == null) {
                return foldDecomposed(Normalizer.normalize(s, Normalizer.Form.NFKD))
                        .toCharArray();
            }
            int needed = len + many.length() + (n - i - 1); // room for this and one char for each still to come
            if (needed > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, needed));
            }
            many.getChars(0, many.length(), out, len);
            len += many.length();
        }
        return len == out.length ? out : java.util.Arrays.copyOf(out, len);
    }

    private static String foldDecomposed(String d) {
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ł', 'Ł' -> b.append('l');
                case 'ß' -> b.append("ss");
                case 'æ', 'Æ' -> b.append("ae");
                case 'ø', 'Ø' -> b.append('o');
                case 'œ', 'Œ' -> b.append("oe");
                case 'đ', 'Đ' -> b.append('d');
                case 'ı' -> b.append('i');
                default -> b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * A light stem of a folded token: up to two endings stripped from words of six letters or more,
     * keeping at least five, so "Programms" and "Programm", "Komisji" and "Komisja", "Wschodniego" and
     * "Wschodni", "Klaster" and "Klastra"/"Klastrze" (Polish mobile e) compare equal. Tokens with digits stay as they are.
     */
    public static String stem(String folded) {
        String s = folded;
        int len = s.length();
        if (len < 6 || !isLetters(s)) {
            return s; // what is left after an ending is stripped is letters too: checked once
        }
        for (int round = 0; round < 2 && len >= 6; round++) {
            // the longest ending that leaves at least five chars
            int longest = 0;
            int node = 0;
            for (int depth = 1; len - depth >= 5; depth++) {
                int letter = s.charAt(len - depth) - 'a';
                if (letter < 0 || letter >= 26 || (node = NEXT[node * 26 + letter]) == 0) {
                    break;
                }
                if (SUFFIX_ENDS[node]) {
                    longest = depth;
                }
            }
            if (longest == 0) {
                break;
            }
            len -= longest;
        }
        return len == s.length() ? s : s.substring(0, len);
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 ? (c | 0x20) < 'a' || (c | 0x20) > 'z' : !Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }
}
