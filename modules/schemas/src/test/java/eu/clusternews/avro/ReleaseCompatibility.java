package eu.clusternews.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks the schemas of {@code schemas/} against the contract of the newest release kept in
 * {@code schemas/releases/<version>/}: every released schema must still exist and be FULL-compatible with its
 * current version.
 *
 * <p>Why FULL (BACKWARD and FORWARD) for every schema rather than BACKWARD only: in clusternews each topic's writers
 * and readers are upgraded independently. BACKWARD (new readers, old records) is needed everywhere because the topics
 * keep their history (compacted reference and activity topics, {@code clusternews reprocess} replays cluster-news).
 * FORWARD (old readers, new records) is needed because every topic is read by something that may still run the
 * previous release: cluster-news by a pipeline not yet upgraded while {@code ingest} already writes v2; the reference
 * topics by that pipeline after {@code setup} re-published them; cluster-news-enriched and the activity topics by the
 * dashboards of other instances and by users' own consumers; the repartition topics and store changelogs
 * (ClusterContribution, the activity records) by the other instances of a pipeline during a rolling upgrade. Shared
 * types (NewsKind, Location, ...) are checked on their own too, which is what tells an enum without a default from
 * one with.
 */
final class ReleaseCompatibility {

    private ReleaseCompatibility() {}

    /** The newest {@code releases/<version>} folder, by version number, if any. */
    static Optional<Path> newestRelease(Path releasesDir) {
        if (!Files.isDirectory(releasesDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(releasesDir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(d -> version(d.getFileName().toString()), Arrays::compare));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + releasesDir.toAbsolutePath(), e);
        }
    }

    /** What breaks the released contract, one sentence per problem; empty when the current schemas keep it. */
    static List<String> problems(Path currentDir, Path releaseDir) {
        SchemaDirectory current = SchemaDirectory.parse(currentDir);
        SchemaDirectory released = SchemaDirectory.parse(releaseDir);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : released.schemasByFile().entrySet()) {
            String file = entry.getKey();
            Schema old = entry.getValue();
            Schema now = current.schemasByFile().get(file);
            String where = currentDir.resolve(file) + " (" + old.getFullName() + ")";
            if (now == null) {
                problems.add(where + " was released in " + releaseDir
                        + " and is gone: readers and writers of the release " + "still use it; keep the file");
                continue;
            }
            // BACKWARD: the current schema reads what the release wrote; FORWARD: the release reads what the current
            // writes
            check(
                    problems,
                    where,
                    "BACKWARD",
                    "the current schema cannot read records written with the release's",
                    now,
                    old);
            check(
                    problems,
                    where,
                    "FORWARD",
                    "readers still on the release cannot read records written with the current schema",
                    old,
                    now);
        }
        return problems;
    }

    private static void check(
            List<String> problems, String where, String direction, String meaning, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            String field = SchemaPointers.fieldPath(reader, incompatibility.getLocation());
            problems.add(where + " is not " + direction + " compatible with the release (" + meaning + "): "
                    + incompatibility.getType() + (field.isEmpty() ? "" : " at field " + field)
                    + " [" + incompatibility.getLocation() + "]: " + incompatibility.getMessage());
        }
    }

    private static int[] version(String name) {
        return Arrays.stream(name.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
