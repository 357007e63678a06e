package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written scans that replaced regex searches find what the patterns find, on text made of the chars
 * that matter to them (capitals, connectors, dots, spaces, marks, surrogate pairs, quotes, dashes).
 */
class ScansMatchTheirPatternsTest {

    @Provide
    Arbitrary<String> tricky() {
        return Arbitraries.of(
                        "A",
                        "Z",
                        "É",
                        "a",
                        "z",
                        "é",
                        "1",
                        "٣",
                        "Ⅻ",
                        "½",
                        " ",
                        "  ",
                        "\t",
                        "\n",
                        ".",
                        "!",
                        "?",
                        "-",
                        "&",
                        "'",
                        "’",
                        "+",
                        "und ",
                        "de ",
                        "del ",
                        "della ",
                        "i ",
                        "e ",
                        "für ",
                        "\u0301",
                        "\uD835\uDC00",
                        "\"",
                        "„",
                        "«",
                        "Cluster",
                        "Sp. z o.o.",
                        "e.V.",
                        "GmbH",
                        ",",
                        "\u00A0",
                        "\u200B",
                        "“",
                        "–",
                        "`",
                        "´")
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void theRunOfCapitalisedWordsIsTheOneThePatternFinds(@ForAll("tricky") String text) {
        List<int[]> expected = new ArrayList<>();
        Matcher m = OrganisationNameFinder.RUN.matcher(text);
        while (m.find()) {
            expected.add(new int[] {m.start(), m.end()});
        }
        List<int[]> actual = new ArrayList<>();
        for (int at = 0; at < text.length(); at++) {
            boolean lookbehind = at == 0
                    || !(Character.isLetter(Character.codePointAt(text, at - 1))
                            || isNumber(Character.codePointAt(text, at - 1)));
            int end = lookbehind ? OrganisationNameFinder.runEnd(text, at) : -1;
            if (end > 0) {
                actual.add(new int[] {at, end});
                at = end - 1;
            }
        }
        assertThat(actual).as(text).usingRecursiveComparison().isEqualTo(expected);
    }

    @Property(tries = 3000)
    void sentenceEndsAreWhereThePatternFindsThem(@ForAll("tricky") String text) {
        List<Integer> expected = new ArrayList<>();
        Matcher m = Extractor.SENTENCE_END.matcher(text);
        while (m.find()) {
            expected.add(m.start());
        }
        List<Integer> actual = new ArrayList<>();
        for (int at = Extractor.sentenceEnd(text, 0); at >= 0; at = Extractor.sentenceEnd(text, at + 1)) {
            actual.add(at);
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void quotesDashesAndSpacesAreUnifiedAsTheReplacementsDid(@ForAll("tricky") String text) {
        String expected = text.replaceAll("[„“”«»\"″]", "\"")
                .replaceAll("[‚‘’′`´]", "'")
                .replaceAll("[‐‑‒–—―−]", "-")
                .replaceAll("[\\s\\u00A0\\u200B]+", " ");
        assertThat(NewsId.unify(text)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void theSamplersGeneratorDrawsWhatRandomDraws(@ForAll long seed) {
        Random random = new Random(seed);
        NgramSampler.Lcg lcg = new NgramSampler.Lcg(seed);
        for (int i = 0; i < 50; i++) {
            assertThat(Double.doubleToLongBits(lcg.nextGaussian()))
                    .isEqualTo(Double.doubleToLongBits(random.nextGaussian()));
            int bound = 1 + (i * 97) % 2000;
            assertThat(lcg.nextInt(bound)).isEqualTo(random.nextInt(bound));
            assertThat(lcg.nextInt(1024)).isEqualTo(random.nextInt(1024));
        }
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
