package eu.clusternews.ingest.extract;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.read.ReadResult;
import eu.clusternews.ingest.reference.ReferenceData;

/**
 * Scores entity linking against a gold file: micro precision, recall and F1 of the reference ids (organisations,
 * consortia, programmes) the extractor links, over every document. The gold file is JSON lines in the ingest format
 * ({@code title}, {@code body}, {@code publishedAt}, {@code language}, ...) with one more field, {@code expected}: the
 * ids the text names. Run it on any such file:
 * {@code java -cp ... eu.clusternews.ingest.extract.LinkingEvaluation GOLD.jsonl [REFERENCE_DIR] [--verbose]}.
 */
public final class LinkingEvaluation {

    /** One document's difference: ids linked but not expected, expected but not linked. */
    public record Miss(String document, Set<String> falsePositives, Set<String> falseNegatives) {}

    /** The micro-averaged score and the documents that differ. */
    public record Score(int documents, int truePositives, int falsePositives, int falseNegatives, List<Miss> misses) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** One line: the documents, the counts and the three figures. */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d documents, %d expected ids: TP %d, FP %d, FN %d; micro precision %.3f, recall %.3f, F1 %.3f",
                    documents,
                    truePositives + falseNegatives,
                    truePositives,
                    falsePositives,
                    falseNegatives,
                    precision(),
                    recall(),
                    f1());
        }
    }

    private LinkingEvaluation() {}

    /** Extracts every document of the gold file and compares its linked ids with the expected ones. */
    public static Score score(Extractor extractor, Path gold) {
        String content;
        try {
            content = Files.readString(gold);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gold file " + gold, e);
        }
        ReadResult read = new DocumentReaders().read(gold.toString(), content);
        if (!read.rejections().isEmpty()) {
            throw new IllegalArgumentException("Gold file " + gold + " has lines that are no documents: "
                    + read.rejections().get(0).source() + ": "
                    + read.rejections().get(0).reason());
        }
        List<String> lines = content.lines().filter(l -> !l.isBlank()).toList();
        List<RawDocument> documents = read.documents();
        ObjectMapper json = new ObjectMapper();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode line;
            try {
                line = json.readTree(lines.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!line.has("expected") || !line.get("expected").isArray()) {
                throw new IllegalArgumentException(
                        "Gold file " + gold + " line " + (i + 1) + ": no \"expected\" array of ids");
            }
            Set<String> expected = new TreeSet<>();
            line.get("expected").forEach(id -> expected.add(id.asText()));
            Extraction e = extractor.extract(documents.get(i));
            Set<String> linked = new TreeSet<>();
            linked.addAll(e.organisationIds());
            linked.addAll(e.consortiumIds());
            linked.addAll(e.programmeIds());
            Set<String> falsePositives = new LinkedHashSet<>(linked);
            falsePositives.removeAll(expected);
            Set<String> falseNegatives = new LinkedHashSet<>(expected);
            falseNegatives.removeAll(linked);
            tp += linked.size() - falsePositives.size();
            fp += falsePositives.size();
            fn += falseNegatives.size();
            if (!falsePositives.isEmpty() || !falseNegatives.isEmpty()) {
                String name = line.has("id") ? line.get("id").asText() : "line " + (i + 1);
                misses.add(new Miss(name, falsePositives, falseNegatives));
            }
        }
        return new Score(documents.size(), tp, fp, fn, misses);
    }

    /** Prints the score of each gold file given; with --verbose, each document's false positives and negatives. */
    public static void main(String[] args) {
        List<Path> golds = new ArrayList<>();
        Path reference = Path.of("seeds", "reference");
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--verbose")) {
                verbose = true;
            } else if (Files.isDirectory(Path.of(a))) {
                reference = Path.of(a);
            } else {
                golds.add(Path.of(a));
            }
        }
        if (golds.isEmpty()) {
            System.err.println("Usage: LinkingEvaluation GOLD.jsonl... [REFERENCE_DIR] [--verbose]");
            System.exit(2);
        }
        Extractor extractor = new Extractor(ReferenceData.load(reference));
        for (Path gold : golds) {
            print(gold.toString(), score(extractor, gold), verbose, System.out);
        }
    }

    static void print(String name, Score s, boolean verbose, PrintStream out) {
        out.println(name + ": " + s.summary());
        if (verbose) {
            for (Miss m : s.misses()) {
                out.println("  " + m.document() + ": false positives " + m.falsePositives() + ", false negatives "
                        + m.falseNegatives());
            }
        }
    }
}
