package eu.clusternews.app.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import eu.clusternews.app.config.Settings;
import eu.clusternews.history.Progress;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.publish.IngestSummary;
import eu.clusternews.ingest.publish.NewsIngestion;
import eu.clusternews.ingest.publish.NewsPublisher;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.topics.ClusterNewsTopics;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clusternews ingest}: documents to cluster-news. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Read news documents (plain text, HTML, RSS/Atom feeds, JSON lines; any encoding), extract what they report "
                    + "and whom they mention, and publish them to cluster-news as Avro NewsEvents keyed by news id.",
            "Record timestamps are publication dates (ingestion time when a document states none; 1970-01-01 for a date "
                    + "before 1970, which the value keeps). The same document always gets the same id, so ingesting it again "
                    + "never counts twice. JSON lines and standard input are read one document at a time, whatever their "
                    + "length. Documents that cannot be read are reported with where they are and why (path:line for a JSON "
                    + "line); nothing of them is published, and the other documents are.",
            "A progress bar goes to stderr when it is a terminal (not with --quiet); a summary ends every run."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every document was published (or was a duplicate within the run)",
            "1:the run failed (e.g. the cluster could not be reached, or news failed to publish)",
            "2:bad usage",
            "3:done, but some documents were rejected (listed in the summary)"
        })
public final class IngestCommand extends ClusterCommand {

    /** Exit code of a run that published what it could and rejected some input. */
    public static final int EXIT_REJECTED = 3;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE|DIR|-",
            description = "Documents, folders of documents, or - for standard input.")
    List<Path> inputs;

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description = "Reference data used to link mentions (default: seeds/reference of this installation).")
    Path referenceDir;

    @Option(
            names = "--max-document-bytes",
            paramLabel = "N",
            defaultValue = "" + DocumentReaders.DEFAULT_MAX_DOCUMENT_BYTES,
            description = "Largest JSON line (one news document) accepted; a longer line is rejected with its number "
                    + "(default: ${DEFAULT-VALUE}, Kafka's default record size limit). A text, HTML or feed document may be "
                    + "up to " + DocumentReaders.MAX_BYTES / (1024 * 1024) + " MB.")
    int maxDocumentBytes;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        if (maxDocumentBytes < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--max-document-bytes must be at least 1, not " + maxDocumentBytes);
        }
        Settings settings = connection.resolve();
        Reachability.check(settings, timeout.connect());
        IngestSummary summary = ingest(
                settings,
                inputs,
                referenceDir != null ? referenceDir : Installation.seedsDir().resolve("reference"),
                maxDocumentBytes,
                !quiet && Progress.stderrIsTerminal());
        var out = spec.commandLine().getOut();
        out.println("Ingested: " + summary.oneLine());
        summary.rejected().forEach(r -> out.printf("  rejected %s: %s%n", r.source(), r.reason()));
        if (summary.rejectedCount() > summary.rejected().size()) {
            out.printf(
                    "  ... and %d more rejected (each one was logged on stderr as it was found)%n",
                    summary.rejectedCount() - summary.rejected().size());
        }
        out.flush();
        if (summary.publishFailures() > 0) {
            return 1;
        }
        return summary.rejectedCount() > 0 ? EXIT_REJECTED : 0;
    }

    /** Ingests the inputs into the cluster the settings name; shared with {@code up}. */
    static IngestSummary ingest(Settings settings, List<Path> inputs, Path referenceDir, boolean showProgress) {
        return ingest(settings, inputs, referenceDir, DocumentReaders.DEFAULT_MAX_DOCUMENT_BYTES, showProgress);
    }

    private static IngestSummary ingest(
            Settings settings, List<Path> inputs, Path referenceDir, int maxDocumentBytes, boolean showProgress) {
        NewsIngestion ingestion =
                new NewsIngestion(new Extractor(ReferenceData.load(referenceDir)), Clock.systemUTC(), maxDocumentBytes);
        long totalBytes = NewsIngestion.totalBytes(NewsIngestion.expand(inputs));
        ClusterNewsTopics topics = ClusterNewsTopics.from(settings.asClientConfig());
        try (NewsPublisher publisher = new NewsPublisher(settings.asClientConfig(), topics.news());
                ProgressBar bar = showProgress ? progressBar(totalBytes) : null) {
            return ingestion.run(inputs, () -> System.in, publisher, (bytes, documents) -> {
                if (bar == null) {
                    return;
                }
                if (totalBytes >= 0) {
                    bar.stepTo(bytes / 1024);
                    bar.setExtraMessage(" " + documents + " documents");
                } else {
                    bar.stepTo(documents);
                }
            });
        }
    }

    /** Kilobytes of the inputs with an ETA when their size is known; else a count of documents (standard input). */
    private static ProgressBar progressBar(long totalBytes) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Ingesting")
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
        return totalBytes >= 0
                ? builder.setInitialMax(Math.max(1, totalBytes / 1024))
                        .setUnit(" KB", 1)
                        .build()
                : builder.setInitialMax(-1).setUnit(" docs", 1).build();
    }
}
