package eu.clusternews.ingest.publish;

import java.util.List;

import eu.clusternews.ingest.DocumentRejectedException;

/**
 * What an ingestion run did: news published, copies of the same news id seen again within the run (not sent
 * twice), and documents rejected (nothing of a rejected document is published): how many, and the first
 * {@link NewsIngestion#LISTED_REJECTIONS} with their sources and reasons (every one is logged).
 */
public record IngestSummary(
        long published,
        long duplicates,
        long rejectedCount,
        List<DocumentRejectedException> rejected,
        long publishFailures) {

    public IngestSummary {
        rejected = List.copyOf(rejected);
    }

    public String oneLine() {
        return String.format(
                "%d published, %d duplicates within this run, %d rejected%s",
                published,
                duplicates,
                rejectedCount,
                publishFailures > 0 ? ", " + publishFailures + " FAILED to publish" : "");
    }
}
