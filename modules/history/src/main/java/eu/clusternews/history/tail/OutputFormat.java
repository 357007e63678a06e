package eu.clusternews.history.tail;

/** How records are printed. */
public enum OutputFormat {
    /** One JSON object per line, for {@code jq} and other programs. */
    JSON,
    /** A header line per record and its value as indented JSON, for people. */
    PRETTY
}
