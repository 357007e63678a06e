package eu.clusternews.ingest.extract;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Language of a text as an ISO 639-1 code, with the Optimaize n-gram detector (the one Tika's
 * tika-langdetect-optimaize wraps; Tika's wrapper itself needs tika-core, which that artifact does not bring,
 * and is stateful, while this detector is thread-safe). Only European languages are loaded: fewer candidates
 * make short texts more reliable. Null when the text is too short or no language is probable enough.
 */
public final class LanguageDetector {

    /** Languages loaded: at least the project's de, en, pl, fr, es, it, cs, bg and their neighbours. */
    public static final List<String> LANGUAGES = List.of("de", "en", "pl", "fr", "es", "it", "cs", "bg", "nl", "pt",
            "sv", "da", "fi", "hu", "ro", "sk", "sl", "hr", "el", "lt", "lv", "et", "ca", "ru", "uk");
    private static final int MAX_CHARS = 1500;

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory large = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageDetector() {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().read(LANGUAGES);
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(profiles)
                    .seed(42L) // deterministic: the same text always gets the same language
                    .build();
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
        if (sample.codePoints().filter(Character::isLetter).count() < 12) {
            return null;
        }
        List<DetectedLanguage> probabilities = detector.getProbabilities(large.forText(sample));
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < 0.5) {
            return null;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }
}
