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
            "rowi", "rach", "rami", "owie", "owi", "ami", "ach", "ego", "emu", "rze", "rem", "row", "iej", "ymi", "imi", "ych", "ich",
            "om", "ow", "ie", "em", "ej", "im", "ym", "ze", "en", "es", "er", "ra",
            "n", "s", "e", "u", "a", "i", "o", "y");

    private Fold() {
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
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
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
        for (int round = 0; round < 2; round++) {
            if (s.length() < 6 || !isLetters(s)) {
                return s;
            }
            String next = s;
            for (String suffix : SUFFIXES) {
                if (s.endsWith(suffix) && s.length() - suffix.length() >= 5) {
                    next = s.substring(0, s.length() - suffix.length());
                    break;
                }
            }
            if (next.equals(s)) {
                return s;
            }
            s = next;
        }
        return s;
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
