package eu.clusternews.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.ingest.extract.Extraction;
import eu.clusternews.ingest.extract.ExtractionJson;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.RawDocument;

/**
 * Writes every extraction of a fixed corpus as one JSON line each (all fields of {@code clusternews extract
 * --format json} plus every mention with its surface form), so that two versions of the extractor can be compared
 * with {@code diff}; run by hand, not a test:
 * {@code java -cp ... eu.clusternews.ingest.ExtractionSnapshot OUT [generatedCount]}. The corpus: the generator's
 * news for seeds 1 and 7 (the timing's and the JMH benchmark's), the test documents and the seed news.
 */
public final class ExtractionSnapshot {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Extractor extractor = TestData.extractor();
        List<String> lines = new ArrayList<>();
        DocumentReaders readers = new DocumentReaders();
        for (long seed : new long[] {1L, 7L}) {
            String jsonl = String.join(
                    "\n",
                    new NewsGenerator(TestData.reference())
                            .jsonLines(count, seed)
                            .toList());
            for (RawDocument d : readers.read("generator-" + seed, jsonl).documents()) {
                lines.add(line(extractor.extract(d)));
            }
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/documents"))) {
            s.sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(TestData.seeds().resolve("news"))) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            for (RawDocument d : readers.read(f).documents()) {
                lines.add(line(extractor.extract(d)));
            }
        }
        Files.write(out, lines);
        System.out.printf("%d extractions written to %s%n", lines.size(), out);
    }

    private static String line(Extraction e) {
        ObjectNode o = ExtractionJson.toJson(e);
        ArrayNode mentions = o.putArray("allMentions");
        e.mentions()
                .forEach(m -> mentions.addObject().put("surface", m.surface()).put("id", m.entityId()));
        o.put("bodyLength", e.body().length());
        return o.toString();
    }
}
