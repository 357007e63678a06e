package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.read.DocumentReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same document, re-encoded or re-wrapped, keeps its id; another document gets another. */
class NewsIdTest {

    private static String seedText;
    private static String seedId;
    private final DocumentReaders readers = new DocumentReaders();

    @BeforeAll
    static void readTheSeed() throws IOException {
        Path seed;
        try (Stream<Path> s = Files.list(TestData.seeds().resolve("news"))) {
            seed = s.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        seedText = Files.readString(seed);
        seedId = TestData.extractor()
                .extract(new DocumentReaders().read(seed).documents().get(0))
                .id();
    }

    private String idOf(String name, byte[] bytes) {
        return TestData.extractor()
                .extract(readers.read(name, bytes).documents().get(0))
                .id();
    }

    @Test
    void theSeedReEncodedAsWindows1252WithCrlfAndABomKeepsItsId() throws IOException {
        byte[] cp1252 = seedText.replace("\n", "\r\n").getBytes(Charset.forName("windows-1252"));
        assertThat(idOf("copy/seed-latin1.txt", cp1252)).isEqualTo(seedId);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(seedText.getBytes(StandardCharsets.UTF_8));
        assertThat(idOf("elsewhere/seed.txt", bom.toByteArray())).isEqualTo(seedId);
    }

    @Test
    void theSeedWithItsTitleAndParagraphsWrappedDifferentlyKeepsItsId() {
        String rewrapped = seedText.replace(
                        "BalticNet-PlasmaTec: Treffen europäischer Cluster zu einem speziellen",
                        "BalticNet-PlasmaTec:  Treffen europäischer\nCluster zu einem speziellen")
                .replace(". ", ".\n");
        assertThat(rewrapped).isNotEqualTo(seedText);
        assertThat(idOf("seed-rewrapped.txt", rewrapped.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(seedId);
    }

    @Test
    void theSeedWrappedAsAJsonLineOrAnHtmlPageKeepsItsId() {
        ObjectNode line = new ObjectMapper()
                .createObjectNode()
                .put(
                        "title",
                        "BalticNet-PlasmaTec: Treffen europäischer Cluster zu einem speziellen Cluster Excellence Management Training")
                .put("body", seedText.substring(seedText.indexOf("Vom 25.")))
                .put("publishedAt", "2017-05-17");
        assertThat(idOf("seed.jsonl", line.toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(seedId);
        String html = "<html><head><meta name=\"date\" content=\"2017-05-17\"></head><body><article><h1>"
                + "BalticNet-PlasmaTec: Treffen europäischer Cluster zu einem speziellen Cluster Excellence Management Training"
                + "</h1><p>" + seedText.substring(seedText.indexOf("Vom 25.")).replace("\n\n", "</p><p>")
                + "</p></article></body></html>";
        assertThat(idOf("seed.html", html.getBytes(StandardCharsets.UTF_8))).isEqualTo(seedId);
    }

    @Test
    void anotherTitleOrDateGivesAnotherId() {
        assertThat(NewsId.of("org:bnpt", "A", null)).isNotEqualTo(NewsId.of("org:bnpt", "B", null));
        assertThat(NewsId.of("org:bnpt", "A", java.time.LocalDate.of(2017, 5, 17)))
                .isNotEqualTo(NewsId.of("org:bnpt", "A", java.time.LocalDate.of(2017, 5, 18)));
        assertThat(NewsId.of("org:bnpt", "Ein „Titel“ – neu.", null))
                .isEqualTo(NewsId.of("org:bnpt", "ein \"titel\" - neu", null));
        assertThat(NewsId.source(null, "https://WWW.Example.org/a?b", "X")).isEqualTo("example.org");
    }
}
