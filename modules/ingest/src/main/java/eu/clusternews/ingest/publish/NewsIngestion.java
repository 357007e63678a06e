package eu.clusternews.ingest.publish;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.DocumentRejectedException;
import eu.clusternews.ingest.extract.Extraction;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.read.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingestion run: reads each input (a file, every document file under a folder, or standard input), extracts
 * each document completely before anything of it is published, and publishes the news events. A document that
 * cannot be read or extracted is reported with its source and reason and the run goes on.
 */
public final class NewsIngestion {

  private static final Logger log = LoggerFactory.getLogger(NewsIngestion.class);

  /** Called after each input with (inputs done, inputs in all). */
  public interface Progress {
    void step(int done, int total, String current);
  }

  private final DocumentReaders readers = new DocumentReaders();
  private final Extractor extractor;
  private final Clock clock;

  public NewsIngestion(Extractor extractor, Clock clock) {
    this.extractor = extractor;
    this.clock = clock;
  }

  /** Expands folders into the document files under them, in a stable order; "-" stays as standard input. */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (input.toString().equals("-")) {
        files.add(input);
      } else if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list the folder " + input + ": " + e.getMessage(), e);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }

  /** Reads and extracts one input; every rejection is collected, never thrown. */
  public List<NewsEvent> extract(Path input, byte[] stdinOrNull, List<DocumentRejectedException> rejected) {
    List<NewsEvent> events = new ArrayList<>();
    ReadResult read;
    try {
      read = stdinOrNull != null ? readers.read("-", stdinOrNull) : readers.read(input);
    } catch (DocumentRejectedException e) {
      rejected.add(e);
      return events;
    }
    rejected.addAll(read.rejections());
    for (RawDocument document : read.documents()) {
      try {
        Extraction extraction = extractor.extract(document);
        events.add(extraction.toNewsEvent(clock));
      } catch (DocumentRejectedException e) {
        rejected.add(e);
      } catch (RuntimeException e) {
        // a bug in extraction must not take the run down nor publish half a document
        rejected.add(new DocumentRejectedException(document.source(), "extraction failed: " + e, e));
      }
    }
    return events;
  }

  /** Reads, extracts and publishes every input; returns when everything sent was acknowledged. */
  public IngestSummary run(List<Path> inputs, java.util.function.Supplier<byte[]> stdin, NewsPublisher publisher,
                           Progress progress) {
    List<Path> files = expand(inputs);
    List<DocumentRejectedException> rejected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    AtomicLong published = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    long duplicates = 0;
    int done = 0;
    for (Path file : files) {
      byte[] stdinBytes = file.toString().equals("-") ? stdin.get() : null;
      for (NewsEvent event : extract(file, stdinBytes, rejected)) {
        if (!seen.add(event.getId())) {
          duplicates++;
          continue;
        }
        publisher.publish(event, (metadata, exception) -> {
          if (exception == null) {
            published.incrementAndGet();
          } else {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
          }
        });
      }
      progress.step(++done, files.size(), file.toString());
    }
    publisher.flush();
    if (firstFailure.get() != null) {
      log.error("Publishing failed for {} news: {}", failures.get(), firstFailure.get().getMessage());
    }
    rejected.forEach(r -> log.warn("Rejected {}: {}", r.source(), r.reason()));
    return new IngestSummary(published.get(), duplicates, rejected, failures.get());
  }

  /** Convenience for callers without a progress display. */
  public static Progress noProgress() {
    return (done, total, current) -> { };
  }

}
