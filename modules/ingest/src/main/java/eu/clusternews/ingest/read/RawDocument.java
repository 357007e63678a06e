package eu.clusternews.ingest.read;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A document as a reader found it, before extraction: text plus whatever the container states.
 *
 * @param source        where it was read from (the path as given, or the JSON-lines {@code source} field)
 * @param format        the reader that parsed it
 * @param title         the title the container states, or null (extraction then takes the first line)
 * @param body          the plain text of the body, paragraphs separated by blank lines
 * @param url           link to the original, or null
 * @param publishedAt   publication date stated by the container (feed, meta tag, date line, JSON field), or null
 * @param languageHint  language the container declares (html lang, JSON field), or null
 * @param publisher     publisher name or reference id the container states, or null
 * @param externalId    a news id given by the container (JSON-lines {@code id}), or null
 * @param header        text before the title that may state the publication date (date lines, bylines), or ""
 */
public record RawDocument(
        String source,
        DocumentFormat format,
        String title,
        String body,
        String url,
        LocalDate publishedAt,
        String languageHint,
        String publisher,
        String externalId,
        String header) {
    public RawDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        body = body == null ? "" : body;
        header = header == null ? "" : header;
    }
}
