package eu.clusternews.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.clusternews.ingest.DocumentRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines and standard input are read one line at a time, with a limit per line, never a limit per input. */
class StreamingReadTest {

    private static final String LINE =
            "{\"title\":\"INNO-DROP training in Berlin\",\"body\":\"%s\",\"publishedAt\":\"2017-04-25\"}\n";

    @TempDir
    Path temp;

    /** Keeps what a read found: the sources of the documents and the rejections. */
    private static final class Found implements DocumentSink {
        final List<String> where = new ArrayList<>();
        final List<DocumentRejectedException> rejected = new ArrayList<>();
        long documents;
        long bytesRead;

        @Override
        public void document(RawDocument document, String at) {
            documents++;
            if (where.size() < 10) {
                where.add(at);
            }
        }

        @Override
        public void rejected(DocumentRejectedException rejection) {
            rejected.add(rejection);
        }

        @Override
        public void bytesRead(long bytes) {
            bytesRead = bytes;
        }
    }

    @Test
    void aJsonLinesFileLargerThanTheOldWholeFileCapIsReadToTheLastLine() throws IOException {
        Path file = temp.resolve("big.jsonl");
        String line = String.format(LINE, "x".repeat(2000));
        long lines = (DocumentReaders.MAX_BYTES / line.length()) + 1000;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(DocumentReaders.MAX_BYTES);
        Found found = new Found();

        new DocumentReaders().read(file, found);

        assertThat(found.rejected).isEmpty();
        assertThat(found.documents).isEqualTo(lines);
        assertThat(found.bytesRead).isEqualTo(Files.size(file));
    }

    @Test
    void aLineOverTheLimitIsRejectedWithItsNumberItsSizeAndTheLimitAndTheOtherLinesAreRead() {
        String good = String.format(LINE, "short");
        String huge = String.format(LINE, "y".repeat(5000));
        byte[] input = (good + "\n" + huge + good).getBytes(StandardCharsets.UTF_8);
        Found found = new Found();

        new DocumentReaders(1000).read("-", new ByteArrayInputStream(input), found);

        assertThat(found.documents).isEqualTo(2);
        assertThat(found.where).containsExactly("-:1", "-:4");
        assertThat(found.rejected).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("-:3");
            assertThat(r.reason())
                    .contains(String.format(Locale.ROOT, "%,d bytes", huge.length() - 1))
                    .contains("limit of 1,000 bytes");
        });
    }

    @Test
    void aHugeLineIsMeasuredWithoutBeingHeldInMemory() {
        long size = 200L * 1024 * 1024;
        InputStream endlessLine = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'z' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'z');
                left -= n;
                return n;
            }
        };
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        Found found = new Found();

        new DocumentReaders(64 * 1024).read("huge.jsonl", endlessLine, found);

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(found.rejected).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("huge.jsonl:1");
            assertThat(r.reason()).contains(String.format(Locale.ROOT, "%,d bytes", size));
        });
        assertThat(allocated).as("bytes allocated to read a %d-byte line", size).isLessThan(8L * 1024 * 1024);
    }

    @Test
    void standardInputOfJsonLinesIsStreamedAndOtherContentIsReadWhole() {
        Found lines = new Found();
        new DocumentReaders()
                .read(
                        "-",
                        new ByteArrayInputStream(
                                (String.format(LINE, "a") + String.format(LINE, "b")).getBytes(StandardCharsets.UTF_8)),
                        lines);
        Found text = new Found();
        new DocumentReaders()
                .read(
                        "-",
                        new ByteArrayInputStream("Meldung\n17.05.2017\n\nINNO-DROP Training\n\nBody text."
                                .getBytes(StandardCharsets.UTF_8)),
                        text);

        assertThat(lines.where).containsExactly("-:1", "-:2");
        assertThat(text.where).containsExactly("-");
    }

    @Test
    void eachLineIsDecodedOnItsOwnAndByteOrderMarksAndCrlfAreHandled() throws IOException {
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        mixed.write("{\"title\":\"Zürich UTF-8\"}\r\n".getBytes(StandardCharsets.UTF_8));
        mixed.write("{\"title\":\"Zürich Latin-1\"}\r\n".getBytes(Charset.forName("windows-1252")));
        List<RawDocument> docs = read("mixed.jsonl", mixed.toByteArray());

        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write("{\"title\":\"Łódź UTF-16\"}\r\n{\"title\":\"Kraków\"}".getBytes(StandardCharsets.UTF_16LE));
        List<RawDocument> wide = read("wide.jsonl", utf16.toByteArray());

        assertThat(docs).extracting(RawDocument::title).containsExactly("Zürich UTF-8", "Zürich Latin-1");
        assertThat(wide).extracting(RawDocument::title).containsExactly("Łódź UTF-16", "Kraków");
    }

    private static List<RawDocument> read(String name, byte[] bytes) {
        List<RawDocument> docs = new ArrayList<>();
        new DocumentReaders().read(name, new ByteArrayInputStream(bytes), new DocumentSink() {
            @Override
            public void document(RawDocument document, String where) {
                docs.add(document);
            }

            @Override
            public void rejected(DocumentRejectedException rejection) {
                throw new AssertionError(rejection.getMessage());
            }
        });
        return docs;
    }
}
