package eu.clusternews.app.commands;

import eu.clusternews.app.config.Settings;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.publish.IngestSummary;
import eu.clusternews.ingest.publish.NewsIngestion;
import eu.clusternews.ingest.publish.NewsPublisher;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.topics.ClusterNewsTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusternews ingest}: documents to cluster-news. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Read news documents (plain text, HTML, RSS/Atom feeds, JSON lines; any encoding), extract what they report "
            + "and whom they mention, and publish them to cluster-news as Avro NewsEvents keyed by news id.",
        "Record timestamps are publication dates (ingestion time when a document states none). The same document "
            + "always gets the same id, so ingesting it again never counts twice. Documents that cannot be read "
            + "are reported with their reason; nothing of them is published."
    })
public final class IngestCommand implements Callable<Integer> {

  /** Show a progress bar from this many inputs on. */
  private static final int PROGRESS_FROM = 10;

  @Mixin ConnectionOptions connection;
  @Mixin TimeoutOption timeout;
  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-",
      description = "Documents, folders of documents, or - for standard input.")
  List<Path> inputs;

  @Option(names = "--reference", paramLabel = "DIR",
      description = "Reference data used to link mentions (default: seeds/reference of this installation).")
  Path referenceDir;

  @Override
  public Integer call() {
    Settings settings = connection.resolve();
    Reachability.check(settings, timeout.connect());
    IngestSummary summary = ingest(settings, inputs,
        referenceDir != null ? referenceDir : Installation.seedsDir().resolve("reference"), true);
    var out = spec.commandLine().getOut();
    out.println("Ingested: " + summary.oneLine());
    summary.rejected().forEach(r -> out.printf("  rejected %s: %s%n", r.source(), r.reason()));
    return summary.publishFailures() > 0 ? 1 : 0;
  }

  /** Ingests the inputs into the cluster the settings name; shared with {@code up}. */
  static IngestSummary ingest(Settings settings, List<Path> inputs, Path referenceDir, boolean showProgress) {
    NewsIngestion ingestion = new NewsIngestion(new Extractor(ReferenceData.load(referenceDir)), Clock.systemUTC());
    int total = NewsIngestion.expand(inputs).size();
    ClusterNewsTopics topics = ClusterNewsTopics.from(settings.asClientConfig());
    try (NewsPublisher publisher = new NewsPublisher(settings.asClientConfig(), topics.news());
         ProgressBar bar = showProgress && total >= PROGRESS_FROM ? progressBar(total) : null) {
      return ingestion.run(inputs, IngestCommand::readStdin, publisher, (done, all, current) -> {
        if (bar != null) {
          bar.stepTo(done);
        }
      });
    }
  }

  private static ProgressBar progressBar(int total) {
    return new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1).continuousUpdate().build();
  }

  private static byte[] readStdin() {
    try {
      return System.in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read standard input: " + e.getMessage(), e);
    }
  }
}
