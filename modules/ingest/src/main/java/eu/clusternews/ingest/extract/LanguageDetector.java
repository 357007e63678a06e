package eu.clusternews.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.cybozu.util.CharNormalizer;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObject;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;

/**
 * Language of a text as an ISO 639-1 code, with the Optimaize n-gram detector (the one Tika's
 * tika-langdetect-optimaize wraps; Tika's wrapper itself needs tika-core, which that artifact does not bring,
 * and is stateful, while this detector is thread-safe). Only European languages are loaded: fewer candidates
 * make short texts more reliable. Null when the text is too short or no language is probable enough.
 *
 * <p>The detector's cost grows with the text, so it first reads only the beginning ({@value #FIRST_CHARS}
 * chars) and keeps that answer when it is near certain; otherwise it reads up to {@value #MAX_CHARS} chars.
 * On 3 000 generated news and the test documents the two-step answer is the same as reading
 * {@value #MAX_CHARS} chars every time, at about a third of the cost.
 *
 * <p>The large-text factory's filters (URLs and e-mail addresses removed, then the letters of minority scripts)
 * cost more per char than the detection itself; most texts have neither, and for them the filters return the
 * text unchanged, so such a text goes through a factory without filters: the same text object, the same answer.
 * That text object's chars are made here ({@link #unfilteredText}), with the library's normalisation of each char
 * read from a table. The estimate itself is {@link NgramSampler}'s: the library's arithmetic without a string per
 * n-gram.
 */
public final class LanguageDetector {

    /** Languages loaded: at least the project's de, en, pl, fr, es, it, cs, bg and their neighbours. */
    public static final List<String> LANGUAGES = List.of(
            "de", "en", "pl", "fr", "es", "it", "cs", "bg", "nl", "pt", "sv", "da", "fi", "hu", "ro", "sk", "sl", "hr",
            "el", "lt", "lv", "et", "ca", "ru", "uk");

    private static final int MAX_CHARS = 1500;
    private static final int FIRST_CHARS = 300;
    /** A first answer at least this probable is kept (wrong answers on short beginnings stay near 0.57). */
    private static final double CERTAIN = 0.99;

    private static final long SEED = 42L;

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final NgramSampler sampler;
    private final TextObjectFactory large = CommonTextObjectFactories.forDetectingOnLargeText();
    /** {@link #large} without its filters: for texts they would leave as they are. */
    private final TextObjectFactory unfiltered =
            new TextObjectFactoryBuilder().maxTextLength(LARGE_MAX_TEXT).build();
    /** The text length {@link CommonTextObjectFactories#forDetectingOnLargeText()} keeps. */
    private static final int LARGE_MAX_TEXT = 10_000;

    public LanguageDetector() {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().read(LANGUAGES);
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(profiles)
                    .seed(SEED) // deterministic: the same text always gets the same language
                    .build();
            sampler = new NgramSampler(profiles, SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language profiles", e);
        }
    }

    /** The probable language, or null. */
    public String detect(String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (!hasLetters(sample, 12)) {
            return null;
        }
        if (sample.length() > FIRST_CHARS) {
            List<DetectedLanguage> first = probabilities(sample.substring(0, FIRST_CHARS));
            if (!first.isEmpty() && first.get(0).getProbability() >= CERTAIN) {
                return first.get(0).getLocale().getLanguage();
            }
        }
        List<DetectedLanguage> probabilities = probabilities(sample);
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < 0.5) {
            return null;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }

    /** The detector's probabilities for the text: {@link NgramSampler}'s, the same, for all but short texts. */
    List<DetectedLanguage> probabilities(String text) {
        if (filtersChange(text)) {
            TextObject t = large.forText(text);
            return t.length() <= NgramSampler.SHORT_TEXT ? detector.getProbabilities(t) : sampler.probabilities(t);
        }
        char[] normalised = unfilteredText(text);
        return normalised.length <= NgramSampler.SHORT_TEXT
                ? detector.getProbabilities(unfiltered.forText(text))
                : sampler.probabilities(normalised);
    }

    /**
     * The library's {@code CharNormalizer.normalize} of every char: a function of the char alone, which looks up
     * the char's Unicode block each time it is called; computed once.
     */
    private static final char[] NORMALISED = new char[0x10000];

    static {
        for (int c = 0; c < NORMALISED.length; c++) {
            NORMALISED[c] = CharNormalizer.normalize((char) c);
        }
    }

    /**
     * The chars of {@link #unfiltered}'s text object for the text: as its {@code append} makes them, each char
     * normalised, a space after a space left out, at most {@value #LARGE_MAX_TEXT} chars.
     */
    static char[] unfilteredText(String text) {
        int n = text.length();
        char[] out = new char[Math.min(n, LARGE_MAX_TEXT)];
        int len = 0;
        char previous = 0;
        for (int i = 0; i < n && len < LARGE_MAX_TEXT; i++) {
            char c = NORMALISED[text.charAt(i)];
            if (c != ' ' || previous != ' ') {
                out[len++] = c;
            }
            previous = c;
        }
        return len == out.length ? out : java.util.Arrays.copyOf(out, len);
    }

    /** The library's own probabilities for the text, to compare with {@link #probabilities}. */
    List<DetectedLanguage> libraryProbabilities(String text) {
        return detector.getProbabilities(large.forText(text));
    }

    /**
     * False when the large-text filters certainly return the text unchanged: no URL (they start with "http")
     * and no e-mail address (no "@"), and the letters of one script only (chars of the common, inherited and
     * unknown scripts are not counted, as the minority-script filter does not count them).
     */
    static boolean filtersChange(String text) {
        if (text.indexOf('@') >= 0 || text.contains("http")) {
            return true;
        }
        Character.UnicodeScript only = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character.UnicodeScript script;
            if (c < 0x80) {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    continue; // ASCII other than letters is of the common script
                }
                script = Character.UnicodeScript.LATIN;
            } else if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) {
                script = Character.UnicodeScript.LATIN; // Latin-1 letters, Latin Extended-A and -B
            } else {
                script = Character.UnicodeScript.of(c); // per char, as the filter reads it
                if (script == Character.UnicodeScript.COMMON
                        || script == Character.UnicodeScript.INHERITED
                        || script == Character.UnicodeScript.UNKNOWN) {
                    continue;
                }
            }
            if (only == null) {
                only = script;
            } else if (only != script) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetters(String text, int atLeast) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < atLeast; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
            }
            i += Character.charCount(cp);
        }
        return letters >= atLeast;
    }
}
