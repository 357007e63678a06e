package eu.clusternews.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import eu.clusternews.ingest.DocumentRejectedException;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.extract.Extraction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and hostile input never crashes a reader or the extractor: it ends in documents with extractions, or
 * in a DocumentRejectedException that names the source and a reason.
 */
class HostileInputTest {

    private static final List<String> NAMES =
            List.of("x.txt", "x.html", "x.rss", "x.atom", "x.xml", "x.jsonl", "x", "-");
    private final DocumentReaders readers = new DocumentReaders();

    @Property(tries = 150)
    void randomBytesUnderAnyNameEndInAResultOrAClearRejection(
            @ForAll("names") String name, @ForAll @Size(max = 3000) byte[] bytes) {
        survives(name, bytes);
    }

    @Property(tries = 100)
    void randomTextUnderAnyNameEndsInAResultOrAClearRejection(
            @ForAll("names") String name, @ForAll("texts") String text) {
        survives(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 60)
    void brokenFeedsAndJsonEndInAResultOrAClearRejection(
            @ForAll("names") String name,
            @ForAll("broken") String text,
            @ForAll @IntRange(min = 0, max = 400) int cut) {
        survives(name, text.substring(0, Math.min(cut, text.length())).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 5)
    void deeplyNestedHtmlAndJsonDoNotOverflowTheStack(@ForAll @IntRange(min = 5_000, max = 50_000) int depth) {
        survives(
                "deep.html",
                ("<html><body>" + "<div><span>".repeat(depth) + "Cluster Nordlicht Photonik in Berlin"
                                + "</span></div>".repeat(depth) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
        survives(
                "deep.jsonl",
                ("{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8));
        survives(
                "deep.rss",
                ("<rss version=\"2.0\"><channel><item><title>t</title><description>" + "&lt;div&gt;".repeat(depth)
                                + "x</description></item></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 2)
    void hugeAndEmptyInputEndsInAResultOrAClearRejection(@ForAll("names") String name) {
        String line = "Das INNO-DROP Training in Berlin vom 25. bis 28. April 2017 mit Dr. Kai Pflanz. ";
        survives(name, line.repeat(40_000).getBytes(StandardCharsets.UTF_8)); // about 3 MB in one paragraph
        survives(name, new byte[0]);
        survives(name, "   \n\n \r\n".getBytes(StandardCharsets.UTF_8));
        survives(name, new byte[DocumentReaders.MAX_BYTES + 1]);
    }

    @Example
    void anExternalEntityInAFeedOrPageIsNeverExpanded() throws IOException {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path secretFile = Files.createTempFile("clusternews-xxe-", ".txt");
        try {
            Files.writeString(secretFile, secret);
            String entity = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>";
            List<String> hostile = List.of(
                    "<?xml version=\"1.0\"?>" + entity + "<rss version=\"2.0\"><channel><title>&xxe;</title><item>"
                            + "<title>INNO-DROP &xxe;</title><description>Training &xxe;</description></item></channel></rss>",
                    "<?xml version=\"1.0\"?>" + entity
                            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title>"
                            + "<entry><title>INNO-DROP &xxe;</title><content>Training &xxe;</content></entry></feed>",
                    entity
                            + "<html><head><title>INNO-DROP &xxe;</title></head><body><p>Training &xxe;</p></body></html>");
            for (String name : NAMES) {
                for (String document : hostile) {
                    assertThat(everythingReadFrom(name, document.getBytes(StandardCharsets.UTF_8)))
                            .as("what %s gives for %s", name, document)
                            .doesNotContain(secret);
                }
            }
        } finally {
            Files.deleteIfExists(secretFile);
        }
    }

    /** Every text a read gives: the documents' fields and the rejections' reasons. */
    private String everythingReadFrom(String name, byte[] bytes) {
        StringBuilder all = new StringBuilder();
        try {
            ReadResult result = readers.read(name, bytes);
            result.documents().forEach(doc -> all.append(doc).append('\n'));
            result.rejections().forEach(r -> all.append(r.getMessage()).append('\n'));
        } catch (DocumentRejectedException rejected) {
            all.append(rejected.getMessage());
        }
        return all.toString();
    }

    private void survives(String name, byte[] bytes) {
        try {
            ReadResult result = readers.read(name, bytes);
            for (RawDocument doc : result.documents()) {
                try {
                    Extraction e = TestData.extractor().extract(doc);
                    assertThat(e.id()).isNotBlank();
                    assertThat(e.title()).isNotBlank();
                } catch (DocumentRejectedException rejected) {
                    assertClear(rejected);
                }
            }
            result.rejections().forEach(HostileInputTest::assertClear);
        } catch (DocumentRejectedException rejected) {
            assertClear(rejected);
        }
    }

    private static void assertClear(DocumentRejectedException e) {
        assertThat(e.source()).isNotBlank();
        assertThat(e.reason()).isNotBlank();
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(2000),
                Arbitraries.strings()
                        .withChars("<>/{}[]\":,&;#!?-=\n\r\t abcÄöüłąé€0123456789")
                        .ofMaxLength(2000),
                Arbitraries.strings()
                        .withChars("{}[]\":,\n 0123456789abcnul")
                        .ofMaxLength(500)
                        .map(s -> "{" + s));
    }

    @Provide
    Arbitrary<String> broken() {
        return Arbitraries.of(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Item</title><pubDate>not a date</pubDate><description>Text &amp; more</description></item></channel></rss>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"html\">&lt;b&gt;x</title><published>2017-13-45</published></entry></feed>",
                "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>",
                "<rss><channel><item></item><item><title></title></item></channel></rss>",
                "{\"title\":\"INNO-DROP\",\"body\":\"Vom 25. bis 28. April\",\"publishedAt\":\"2017-02-30\",\"language\":\"deutsch\"}\n{\"id\":\"\"}\n[1,2]",
                "<html><head><meta charset=\"bogus-charset\"><title></title></head><body><script>while(1){}</script></body></html>");
    }
}
