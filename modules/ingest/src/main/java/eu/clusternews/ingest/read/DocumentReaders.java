package eu.clusternews.ingest.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eu.clusternews.ingest.DocumentRejectedException;

/**
 * Reads a file or a byte stream with the right reader. The format comes from the file extension
 * ({@code .txt}, {@code .html/.htm}, {@code .rss/.atom/.xml}, {@code .jsonl/.ndjson/.json}) and, when the
 * extension says nothing (or the source is stdin), from sniffing the first bytes. JSON lines are streamed: one line
 * in memory at a time, each at most {@link #maxDocumentBytes()}, so files and standard input of any length are read
 * (a longer line is rejected with its number and size). A text, HTML or feed document is read whole, up to
 * {@link #MAX_BYTES}. Binary and empty content are rejected with a reason; every reader failure ends in a
 * {@link DocumentRejectedException}, never in another exception.
 */
public final class DocumentReaders {

    /** Largest text, HTML or feed document accepted: these are parsed whole (a feed holds many news). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    /**
     * Default largest JSON line, i.e. one news document: 1 MiB, Kafka's default record size limit
     * ({@code max.request.size}, {@code message.max.bytes}), which a larger news could not be published under.
     */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** How much of the start of an input is looked at to tell binary from text and to sniff the format. */
    private static final int HEAD_BYTES = 8192;

    private final TextReader text = new TextReader();
    private final HtmlReader html = new HtmlReader();
    private final FeedReader feed = new FeedReader();
    private final JsonLinesReader jsonLines = new JsonLinesReader();
    private final int maxDocumentBytes;

    public DocumentReaders() {
        this(DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** Readers whose JSON lines may be at most {@code maxDocumentBytes} each. */
    public DocumentReaders(int maxDocumentBytes) {
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("The largest document must be at least 1 byte, not " + maxDocumentBytes);
        }
        this.maxDocumentBytes = maxDocumentBytes;
    }

    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Reads a file into the sink, streaming JSON lines; its source is the path as given. Never throws. */
    public void read(Path file, DocumentSink sink) {
        try {
            readFile(file, sink);
        } catch (DocumentRejectedException e) {
            sink.rejected(e);
        }
    }

    /** Reads a stream (standard input) named by {@code source} into the sink, streaming JSON lines. Never throws. */
    public void read(String source, InputStream in, DocumentSink sink) {
        try {
            readStream(source, in, sink);
        } catch (DocumentRejectedException e) {
            sink.rejected(e);
        }
    }

    /** Reads a file; its source is the path as given. A rejection of the whole file is thrown. */
    public ReadResult read(Path file) {
        Collected collected = new Collected();
        readFile(file, collected);
        return collected.result();
    }

    /** Reads bytes named by {@code source}, whose extension (if any) hints at the format. */
    public ReadResult read(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new DocumentRejectedException(source, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        Collected collected = new Collected();
        readStream(source, new ByteArrayInputStream(bytes), collected);
        return collected.result();
    }

    private void readFile(Path file, DocumentSink sink) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            readStream(source, in, sink);
        } catch (IOException e) {
            throw new DocumentRejectedException(source, "cannot be read: " + e, e);
        }
    }

    /** The one way in: whole-input rejections are thrown, everything else goes to the sink. */
    private void readStream(String source, InputStream raw, DocumentSink sink) {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        byte[] head;
        try {
            in.mark(HEAD_BYTES);
            head = in.readNBytes(HEAD_BYTES);
            in.reset();
        } catch (IOException e) {
            throw new DocumentRejectedException(source, "cannot be read: " + e, e);
        }
        if (head.length == 0) {
            throw new DocumentRejectedException(source, "empty");
        }
        if (looksBinary(head)) {
            throw new DocumentRejectedException(
                    source, "binary content, not a text, HTML, feed or JSON-lines document");
        }
        DocumentFormat format = byExtension(source).orElseGet(() -> sniff(head));
        if (format == DocumentFormat.JSONL) {
            try {
                jsonLines.read(source, in, maxDocumentBytes, sink);
            } catch (IOException e) {
                throw new DocumentRejectedException(source, "reading stopped: " + e, e);
            }
            return;
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DocumentRejectedException(source, "cannot be read: " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new DocumentRejectedException(source, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        ReadResult result = parseWhole(source, bytes, format);
        result.rejections().forEach(sink::rejected);
        result.documents().forEach(document -> sink.document(document, source));
        sink.bytesRead(bytes.length);
    }

    private ReadResult parseWhole(String source, byte[] bytes, DocumentFormat format) {
        try {
            return switch (format) {
                case RSS, ATOM -> feed.read(source, bytes);
                case HTML ->
                    single(source, html.read(source, Decoding.decode(bytes).text()));
                case TEXT ->
                    single(source, text.read(source, Decoding.decode(bytes).text()));
                case JSONL -> jsonLines.read(source, Decoding.decode(bytes).text());
            };
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocumentRejectedException(source, "cannot be parsed as " + format.wireName() + ": " + e, e);
        }
    }

    /** Collects what a read finds, for callers that want it all at once. */
    private static final class Collected implements DocumentSink {
        private final List<RawDocument> documents = new ArrayList<>();
        private final List<DocumentRejectedException> rejections = new ArrayList<>();

        @Override
        public void document(RawDocument document, String where) {
            documents.add(document);
        }

        @Override
        public void rejected(DocumentRejectedException rejection) {
            rejections.add(rejection);
        }

        ReadResult result() {
            return new ReadResult(documents, rejections);
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
        String head = Decoding.decode(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 4096)))
                .text()
                .stripLeading();
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
        if (n >= 2
                && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                        || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
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
