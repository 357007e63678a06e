package eu.clusternews.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.ingest.DocumentRejectedException;

/**
 * JSON lines: one news item per line, a JSON object with these fields (unknown fields are ignored):
 * <ul>
 *   <li>{@code title} (string) — the title; {@code title} or {@code body} must be non-blank;</li>
 *   <li>{@code body} (string) — plain text, paragraphs separated by blank lines; HTML is turned into text;</li>
 *   <li>{@code id} (string, optional) — a news id assigned upstream, used as is instead of the computed one;</li>
 *   <li>{@code url} (string, optional) — link to the original;</li>
 *   <li>{@code publishedAt} (string, optional) — {@code yyyy-MM-dd}, an ISO date-time (its own local date is
 *       taken) or any date the extractor understands ("17. Mai 2017"); absent or null = not stated;</li>
 *   <li>{@code language} (string, optional) — ISO 639-1 code; when absent the language is detected;</li>
 *   <li>{@code source} (string, optional) — origin label (feed URL, crawler name); default the path read;</li>
 *   <li>{@code publisher} (string, optional) — publisher name, alias or reference id (e.g. {@code org:bnpt}).</li>
 * </ul>
 * Blank lines are skipped. A line that is not such an object, or is longer than the per-document limit, is
 * rejected with its line number; the other lines are still read. A stream is read line by line
 * ({@link #read(String, InputStream, int, DocumentSink)}), so a file or standard input of any length needs memory
 * for one line at a time.
 */
public final class JsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /**
     * Reads a stream line by line into the sink: a line over {@code maxLineBytes} is rejected with its number and
     * size without being held in memory. Throws a DocumentRejectedException when the stream has no line at all.
     */
    public void read(String source, InputStream in, int maxLineBytes, DocumentSink sink) throws IOException {
        BoundedLines lines = new BoundedLines(in, maxLineBytes);
        boolean any = false;
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong()) {
                any = true;
                sink.rejected(new DocumentRejectedException(
                        source + ":" + line.number(),
                        String.format(
                                Locale.ROOT,
                                "the line is %,d bytes, over the limit of %,d bytes for one document",
                                line.bytes(),
                                maxLineBytes)));
            } else if (!line.text().isBlank()) {
                any = true;
                RawDocument document;
                try {
                    document = parse(source, line.number(), line.text());
                } catch (DocumentRejectedException e) {
                    sink.rejected(e);
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    // a parser bug costs this line only
                    sink.rejected(
                            new DocumentRejectedException(source + ":" + line.number(), "cannot be parsed: " + e, e));
                    continue;
                }
                sink.document(document, source + ":" + line.number());
            }
            sink.bytesRead(lines.position());
        }
        if (!any) {
            throw new DocumentRejectedException(source, "no JSON lines in it");
        }
    }

    /** Reads JSON lines already in memory. */
    public ReadResult read(String source, String text) {
        List<RawDocument> documents = new ArrayList<>();
        List<DocumentRejectedException> rejections = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                if (end == text.length()) {
                    break;
                }
                continue;
            }
            try {
                documents.add(parse(source, lineNo, line));
            } catch (DocumentRejectedException e) {
                rejections.add(e);
            }
            if (end == text.length()) {
                break;
            }
        }
        if (documents.isEmpty() && rejections.isEmpty()) {
            throw new DocumentRejectedException(source, "no JSON lines in it");
        }
        return new ReadResult(documents, rejections);
    }

    private static RawDocument parse(String source, long lineNo, String line) {
        String where = source + ":" + lineNo;
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DocumentRejectedException(where, "not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new DocumentRejectedException(where, "expected a JSON object per line");
        }
        String title = string(n, "title", where);
        String body = string(n, "body", where);
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw new DocumentRejectedException(where, "neither \"title\" nor \"body\" has text");
        }
        if (body != null && body.indexOf('<') >= 0 && body.indexOf('>') > 0) {
            body = HtmlText.ofFragment(body);
        }
        String id = string(n, "id", where);
        if (id != null && (id.isBlank() || id.length() > 200)) {
            throw new DocumentRejectedException(where, "\"id\" must be 1 to 200 characters");
        }
        String language = string(n, "language", where);
        if (language != null) {
            language = language.strip().toLowerCase(Locale.ROOT);
            if (language.length() > 2 && (language.charAt(2) == '-' || language.charAt(2) == '_')) {
                language = language.substring(0, 2);
            }
            if (!LANGUAGE.matcher(language).matches()) {
                throw new DocumentRejectedException(
                        where, "\"language\" must be an ISO 639-1 code, got '" + language + "'");
            }
        }
        String published = string(n, "publishedAt", where);
        LocalDate publishedAt = null;
        String header = "";
        if (published != null && !published.isBlank()) {
            publishedAt = parseDate(published);
            if (publishedAt == null) {
                header = published; // a written-out date: the extractor's date parser reads it
            }
        }
        String origin = string(n, "source", where);
        return new RawDocument(
                origin == null || origin.isBlank() ? source : origin,
                DocumentFormat.JSONL,
                title == null || title.isBlank() ? null : HtmlText.normalise(title),
                body == null ? "" : Decoding.lines(body),
                string(n, "url", where),
                publishedAt,
                language,
                string(n, "publisher", where),
                id,
                header);
    }

    private static LocalDate parseDate(String s) {
        String v = s.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v);
            }
            if (v.length() > 10 && v.charAt(10) == 'T') {
                try {
                    return OffsetDateTime.parse(v).toLocalDate();
                } catch (DateTimeParseException e) {
                    return LocalDate.parse(v.substring(0, 10));
                }
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static String string(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new DocumentRejectedException(
                    where,
                    "\"" + field + "\" must be a string, got "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }
}
