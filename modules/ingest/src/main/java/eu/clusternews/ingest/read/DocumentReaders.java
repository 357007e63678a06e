package eu.clusternews.ingest.read;

import eu.clusternews.ingest.DocumentRejectedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a file or a byte stream with the right reader. The format comes from the file extension
 * ({@code .txt}, {@code .html/.htm}, {@code .rss/.atom/.xml}, {@code .jsonl/.ndjson/.json}) and, when the
 * extension says nothing (or the source is stdin), from sniffing the content. Binary content, empty
 * content and content over {@link #MAX_BYTES} are rejected with a reason; every reader failure ends in a
 * {@link DocumentRejectedException}, never in another exception.
 */
public final class DocumentReaders {

    /** Largest document accepted (a feed or a JSON-lines file of many news can be large). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private final TextReader text = new TextReader();
    private final HtmlReader html = new HtmlReader();
    private final FeedReader feed = new FeedReader();
    private final JsonLinesReader jsonLines = new JsonLinesReader();

    /** Reads a file; its source is the path as given. */
    public ReadResult read(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DocumentRejectedException(source, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return read(source, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DocumentRejectedException(source, "cannot be read: " + e, e);
        }
    }

    /** Reads bytes named by {@code source}, whose extension (if any) hints at the format. */
    public ReadResult read(String source, byte[] bytes) {
        if (bytes.length == 0) {
            throw new DocumentRejectedException(source, "empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new DocumentRejectedException(source, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (looksBinary(bytes)) {
            throw new DocumentRejectedException(source, "binary content, not a text, HTML, feed or JSON-lines document");
        }
        DocumentFormat format = byExtension(source).orElseGet(() -> sniff(bytes));
        try {
            return switch (format) {
                case RSS, ATOM -> feed.read(source, bytes);
                case JSONL -> jsonLines.read(source, Decoding.decode(bytes).text());
                case HTML -> single(source, html.read(source, Decoding.decode(bytes).text()));
                case TEXT -> single(source, text.read(source, Decoding.decode(bytes).text()));
            };
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocumentRejectedException(source, "cannot be parsed as " + format.wireName() + ": " + e, e);
        }
    }

    private static ReadResult single(String source, RawDocument doc) {
        if ((doc.title() == null || doc.title().isBlank()) && doc.body().isBlank()) {
            throw new DocumentRejectedException(source, "no text in it");
        }
        return new ReadResult(List.of(doc), List.of());
    }

    /** The format a file name's extension names, if it names one. */
    public static Optional<DocumentFormat> byExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return Optional.of(DocumentFormat.TEXT);
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return Optional.of(DocumentFormat.HTML);
        }
        if (n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".xml")) {
            return Optional.of(DocumentFormat.RSS); // the feed reader tells RSS from Atom
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Optional.of(DocumentFormat.JSONL);
        }
        return Optional.empty();
    }

    /** The format the content looks like: JSON object, feed XML, HTML, else plain text. */
    public static DocumentFormat sniff(byte[] bytes) {
        String head = Decoding.decode(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 4096))).text().stripLeading();
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("{")) {
            return DocumentFormat.JSONL;
        }
        if (lower.startsWith("<")) {
            if (lower.contains("<rss") || lower.contains("<rdf:rdf")) {
                return DocumentFormat.RSS;
            }
            if (lower.contains("<feed")) {
                return DocumentFormat.ATOM;
            }
            return DocumentFormat.HTML;
        }
        return DocumentFormat.TEXT;
    }

    /** NUL bytes (outside UTF-16) or many control characters in the first 8 KB mean binary. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        if (n >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 20 + 1;
    }

    /** The bytes as UTF-8 text, for callers that already have a String. */
    public ReadResult read(String source, String content) {
        return read(source, content.getBytes(StandardCharsets.UTF_8));
    }
}
