package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.clusternews.ingest.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entity linking against the gold sets in src/test/resources/linking (texts written for the evaluation, see its
 * README): prints micro precision, recall and F1, and keeps the held-out score from falling below what was reached.
 */
class LinkingQualityTest {

    private static final Path GOLD = Path.of("src/test/resources/linking");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"heldout.jsonl, 16", "heldout-2.jsonl, 12", "dev.jsonl, 14"})
    void eachGoldSetIsLinkedWithMicroF1OfAtLeast095(String file, int documents) {
        LinkingEvaluation.Score s = LinkingEvaluation.score(TestData.extractor(), GOLD.resolve(file));
        LinkingEvaluation.print(file, s, true, System.out);
        assertThat(s.documents()).isEqualTo(documents);
        assertThat(s.f1()).as(s.summary()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void scoresCountEachIdOncePerDocument(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"title":"ZINNAE and Nanoprogress","body":"ZINNAE met Nanoprogress and ZINNAE again.","expected":["org:zinnae","org:wsm"]}
                """);
        LinkingEvaluation.Score s = LinkingEvaluation.score(TestData.extractor(), gold);
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.falsePositives()).isEqualTo(1);
        assertThat(s.falseNegatives()).isEqualTo(1);
        assertThat(s.f1()).isEqualTo(0.5);
        assertThat(s.misses()).singleElement().satisfies(m -> {
            assertThat(m.falsePositives()).containsExactly("org:nanoprogress");
            assertThat(m.falseNegatives()).containsExactly("org:wsm");
        });
    }

    @Test
    void aGoldLineWithoutExpectedIdsIsNamed(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"title\":\"ZINNAE\",\"body\":\"text\"}\n");
        assertThatThrownBy(() -> LinkingEvaluation.score(TestData.extractor(), gold))
                .hasMessageContaining("line 1")
                .hasMessageContaining("\"expected\"");
    }
}
