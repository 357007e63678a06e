package eu.clusternews.ingest.read;

import eu.clusternews.ingest.DocumentRejectedException;

/**
 * Receives what a reader finds, one item at a time, so a JSON-lines file or standard input of any length is never
 * held in memory: each document as it is read, each rejected item with its reason, and how far the reader got.
 */
public interface DocumentSink {

    /**
     * A document read; {@code where} locates it for messages: {@code path:line} for a JSON line, the path (or
     * {@code -}) otherwise ({@link RawDocument#source()} can be a label the document gives itself).
     */
    void document(RawDocument document, String where);

    /** An item (a line, a feed entry, the whole input) that cannot be read, with its source and reason. */
    void rejected(DocumentRejectedException rejection);

    /** Bytes of the current input consumed so far; called now and then, for progress displays. */
    default void bytesRead(long bytes) {}
}
