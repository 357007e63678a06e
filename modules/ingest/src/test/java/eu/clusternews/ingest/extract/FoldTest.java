package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Folding and stemming, as the extractor's scans read them. */
class FoldTest {

    /** The endings of {@link Fold#stem}, longest first, as the list in Fold has them. */
    private static final List<String> ENDINGS = List.of(
            "rowi", "rach", "rami", "owie", "owi", "ami", "ach", "ego", "emu", "rze", "rem", "row", "iej", "ymi", "imi",
            "ych", "ich", "om", "ow", "ie", "em", "ej", "im", "ym", "ze", "en", "es", "er", "ra", "n", "s", "e", "u",
            "a", "i", "o", "y");

    @Test
    void theStemStripsTheLongestListedEndingThatLeavesFiveCharsAtMostTwice() {
        List<String> words = List.of(
                "programms",
                "programm",
                "komisji",
                "komisja",
                "wschodniego",
                "wschodni",
                "klaster",
                "klastra",
                "klastrze",
                "partnerowi",
                "partnerach",
                "clusterowie",
                "innovation",
                "abcdef",
                "abcdea",
                "abcde",
                "abcdeowie",
                "abcderach",
                "zzzzzrzeen",
                "krakow",
                "lodz",
                "2020ers",
                "uber",
                "beitrage",
                "ceske");
        for (String w : words) {
            assertThat(Fold.stem(w)).as(w).isEqualTo(stemByTheList(w));
        }
    }

    @Test
    void theStemLeavesTokensWithDigitsOrOtherScriptsEndingsAsTheyAre() {
        assertThat(Fold.stem("covid19s")).isEqualTo("covid19s");
        assertThat(Fold.stem("обучение")).isEqualTo("обучение");
    }

    @Test
    void theFoldedCharsAreTheCharsOfTheFold() {
        List<String> texts = List.of(
                "",
                "plain ascii text",
                "Zehn Cluster trafen sich in BERLIN",
                "Łódź, Kraków, Straße, Ærø, Œuvre, Đakovo, ½ ² ﬁ",
                "Десет европейски клъстера",
                "e\\u0301 combining mark, emoji \\uD83D\\uDE00, lone \\uD800");
        for (String text : texts) {
            assertThat(new String(Fold.foldedChars(text))).as(text).isEqualTo(Fold.fold(text));
        }
    }

    /** The rule the stemmer documents, applied with the list: for a word of letters, six chars or more. */
    private static String stemByTheList(String folded) {
        String s = folded;
        if (s.length() < 6 || !s.chars().allMatch(Character::isLetter)) {
            return s;
        }
        for (int round = 0; round < 2 && s.length() >= 6; round++) {
            String stripped = s;
            for (String ending : ENDINGS) {
                if (s.length() - ending.length() >= 5 && s.endsWith(ending)) {
                    stripped = s.substring(0, s.length() - ending.length());
                    break;
                }
            }
            if (stripped.equals(s)) {
                break;
            }
            s = stripped;
        }
        return s;
    }
}
