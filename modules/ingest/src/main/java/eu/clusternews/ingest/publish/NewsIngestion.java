package eu.clusternews.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.DocumentRejectedException;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.DocumentSink;
import eu.clusternews.ingest.read.RawDocument;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingestion run: reads each input (a file, every document file under a folder, or standard input), extracts
 * each document completely before anything of it is published, and publishes the news events. Documents are
 * streamed from reader to producer one at a time (JSON lines and standard input are never held whole), so memory
 * does not grow with the input, except for the ids seen, kept to count duplicates (about 100 bytes a news). A
 * document that cannot be read, extracted or published for its size is rejected with where it is and why, and
 * the run goes on.
 */
public final class NewsIngestion {

    /** How many rejections a summary lists; all of them are counted and logged. */
    public static final int LISTED_REJECTIONS = 100;

    private static final Logger log = LoggerFactory.getLogger(NewsIngestion.class);

    /** How far a run is: bytes read of all inputs, and documents read. */
    public interface Progress {
        void update(long bytesRead, long documentsRead);
    }

    private final DocumentReaders readers;
    private final Extractor extractor;
    private final Clock clock;

    public NewsIngestion(Extractor extractor, Clock clock) {
        this(extractor, clock, DocumentReaders.DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** An ingestion whose JSON lines (each one document) may be at most {@code maxDocumentBytes}. */
    public NewsIngestion(Extractor extractor, Clock clock, int maxDocumentBytes) {
        this.readers = new DocumentReaders(maxDocumentBytes);
        this.extractor = extractor;
        this.clock = clock;
    }

    /** Expands folders into the document files under them, in a stable order; "-" stays as standard input. */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (isStdin(input)) {
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

    /** The bytes of these (expanded) inputs, or -1 when one is standard input, whose length is not known. */
    public static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            if (isStdin(file)) {
                return -1;
            }
            total += sizeOf(file); // an unreadable file counts 0: its read reports it
        }
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isStdin(Path input) {
        return input.toString().equals("-");
    }

    /**
     * Reads, extracts and publishes every input; returns when everything sent was acknowledged. A failure to
     * publish other than a record too large for Kafka (an outage that outlasts the producer's retries) is counted
     * in {@link IngestSummary#publishFailures()}; an exception thrown by the producer ends the run.
     */
    public IngestSummary run(
            List<Path> inputs, Supplier<InputStream> stdin, NewsPublisher publisher, Progress progress) {
        List<Path> files = expand(inputs);
        Run run = new Run(publisher, progress);
        for (Path file : files) {
            if (isStdin(file)) {
                readers.read("-", stdin.get(), run);
            } else {
                readers.read(file, run);
            }
            run.inputDone(isStdin(file) ? -1 : sizeOf(file));
        }
        publisher.flush();
        if (run.firstFailure.get() != null) {
            log.error(
                    "Publishing failed for {} news: {}",
                    run.failures.get(),
                    run.firstFailure.get().getMessage());
        }
        synchronized (run) {
            return new IngestSummary(
                    run.published.get(), run.duplicates, run.rejectedCount, run.listed, run.failures.get());
        }
    }

    /** One run's state; the producer's callbacks run on its I/O thread, hence the atomics and the lock. */
    private final class Run implements DocumentSink {
        private final NewsPublisher publisher;
        private final Progress progress;
        private final Set<String> seen = new HashSet<>();
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        private final List<DocumentRejectedException> listed = new ArrayList<>();
        private long rejectedCount;
        private long duplicates;
        private long documents;
        private long bytesOfDoneInputs;
        private long bytesOfThisInput;

        Run(NewsPublisher publisher, Progress progress) {
            this.publisher = publisher;
            this.progress = progress;
        }

        @Override
        public void document(RawDocument document, String where) {
            documents++;
            NewsEvent event;
            try {
                event = extractor.extract(document).toNewsEvent(clock);
            } catch (DocumentRejectedException e) {
                rejected(where.equals(e.source()) ? e : new DocumentRejectedException(where, e.reason(), e));
                return;
            } catch (RuntimeException e) {
                // a bug in extraction must not take the run down nor publish half a document
                rejected(new DocumentRejectedException(where, "extraction failed: " + e, e));
                return;
            }
            if (!seen.add(event.getId())) {
                duplicates++;
                return;
            }
            publisher.publish(event, (metadata, exception) -> {
                if (exception == null) {
                    published.incrementAndGet();
                } else if (exception instanceof RecordTooLargeException) {
                    // the document, not the cluster, is at fault: reject it alone (max.request.size, message.max.bytes)
                    rejected(new DocumentRejectedException(
                            where, "news " + event.getId() + " is too large for Kafka: " + exception.getMessage()));
                } else {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
        }

        @Override
        public synchronized void rejected(DocumentRejectedException rejection) {
            rejectedCount++;
            if (listed.size() < LISTED_REJECTIONS) {
                listed.add(rejection);
            }
            log.warn("Rejected {}: {}", rejection.source(), rejection.reason());
        }

        @Override
        public void bytesRead(long bytes) {
            bytesOfThisInput = bytes;
            progress.update(bytesOfDoneInputs + bytes, documents);
        }

        void inputDone(long size) {
            bytesOfDoneInputs += size >= 0 ? size : bytesOfThisInput;
            bytesOfThisInput = 0;
            progress.update(bytesOfDoneInputs, documents);
        }
    }

    /** Convenience for callers without a progress display. */
    public static Progress noProgress() {
        return (bytes, documents) -> {};
    }
}
