package eu.clusternews.ingest.read;

import java.util.List;

import eu.clusternews.ingest.DocumentRejectedException;

/**
 * What reading one file or stream gave: the documents, and the items that were rejected with their reasons
 * (a JSON-lines file can have good and bad lines; a feed good and empty entries).
 */
public record ReadResult(List<RawDocument> documents, List<DocumentRejectedException> rejections) {
    public ReadResult {
        documents = List.copyOf(documents);
        rejections = List.copyOf(rejections);
    }
}
