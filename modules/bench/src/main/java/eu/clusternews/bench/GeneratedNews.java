package eu.clusternews.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.read.JsonLinesReader;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.read.ReadResult;
import eu.clusternews.ingest.reference.ReferenceData;

/**
 * The news every benchmark runs on: the ingest module's {@link NewsGenerator} (2–3 KB press releases in six
 * languages, realistic mentions, duplicates and unknown clusters), read back by its JSON-lines reader and extracted
 * by its {@link Extractor} — the same path a {@code clusternews ingest} of generated news takes.
 */
public final class GeneratedNews {

    /** System property naming the reference data directory for the JMH benchmarks (default seeds/reference). */
    public static final String REFERENCE_DIR_PROPERTY = "clusternews.reference.dir";

    private GeneratedNews() {}

    /** The reference data, with a message naming the directory and how to change it when it is missing. */
    public static ReferenceData reference(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("No reference data directory at " + dir.toAbsolutePath()
                    + ": run from the project directory or give --reference-dir (JMH: -D" + REFERENCE_DIR_PROPERTY
                    + "=DIR)");
        }
        return ReferenceData.load(dir);
    }

    /** The reference data for the JMH benchmarks: -Dclusternews.reference.dir, else seeds/reference. */
    public static ReferenceData reference() {
        return reference(Path.of(System.getProperty(REFERENCE_DIR_PROPERTY, "seeds/reference")));
    }

    /** {@code count} generated documents as the JSON-lines reader reads them, in generator order. */
    public static List<RawDocument> documents(ReferenceData reference, int count, long seed) {
        JsonLinesReader reader = new JsonLinesReader();
        return new NewsGenerator(reference)
                .jsonLines(count, seed)
                .map(line -> read(reader, line))
                .toList();
    }

    /** {@code count} generated documents extracted into news events, in generator order (extracted in parallel). */
    public static List<NewsEvent> events(ReferenceData reference, Extractor extractor, int count, long seed) {
        Clock clock = Clock.systemUTC();
        return documents(reference, count, seed).parallelStream()
                .map(doc -> extractor.extract(doc).toNewsEvent(clock))
                .toList();
    }

    private static RawDocument read(JsonLinesReader reader, String line) {
        ReadResult result = reader.read("generator", line);
        if (result.documents().size() != 1) {
            throw new IllegalStateException(
                    "The generator wrote a line its own reader rejects: " + result.rejections() + "\n" + line);
        }
        return result.documents().get(0);
    }
}
