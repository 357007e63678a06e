package eu.clusternews.ingest.read;

import java.util.Locale;

/** The reader that parsed a document; {@link #wireName()} is NewsEvent.format. */
public enum DocumentFormat {
    TEXT,
    HTML,
    RSS,
    ATOM,
    JSONL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
