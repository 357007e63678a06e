package eu.clusternews.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word tokens of a text with their character offsets: maximal runs of letters, digits and
 * combining marks. Everything else (spaces, hyphens, slashes, quotes, punctuation) separates tokens,
 * so "INNO-DROP", "INNO DROP" and „INNO DROP“ give the same tokens.
 */
public final class Tokens {

    /** One token: its original text, offsets in the source text, folded form and stem. */
    public record Token(String text, int start, int end, String folded, String stem) {
        /** True when every letter is upper case (an acronym as written). */
        public boolean isUpperCase() {
            boolean letter = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letter = true;
                    if (!Character.isUpperCase(c)) {
                        return false;
                    }
                }
            }
            return letter;
        }

        public boolean startsUpperCase() {
            return !text.isEmpty() && (Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0)));
        }
    }

    private Tokens() {}

    public static List<Token> of(String text) {
        int n = text.length();
        List<Token> out = new ArrayList<>(n / 6 + 4);
        byte[] lower = null; // an ASCII token's fold, its letters made lower case
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean plain = true; // lower-case ASCII only: its own fold
            boolean ascii = true; // ASCII only: its fold is its lower case
            while (i < n) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        i++;
                        continue;
                    }
                    if (c >= 'A' && c <= 'Z') {
                        plain = false;
                        i++;
                        continue;
                    }
                    break;
                }
                if (!isWordChar(c)) {
                    break;
                }
                plain = false;
                ascii = false;
                i++;
            }
            if (i > start) {
                String t = text.substring(start, i);
                String folded;
                if (plain) {
                    folded = t;
                } else if (ascii) {
                    if (lower == null || lower.length < i - start) {
                        lower = new byte[Math.max(64, i - start)];
                    }
                    for (int k = start; k < i; k++) {
                        char c = text.charAt(k);
                        lower[k - start] = (byte) (c <= 'Z' && c >= 'A' ? c + ('a' - 'A') : c);
                    }
                    folded = new String(lower, 0, i - start, StandardCharsets.ISO_8859_1);
                } else {
                    folded = Fold.fold(t);
                }
                out.add(new Token(t, start, i, folded, Fold.stem(folded)));
            }
        }
        return out;
    }

    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.OTHER_NUMBER;
    }
}
