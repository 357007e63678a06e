package eu.clusternews.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The .avsc files of one folder, parsed together: the files refer to shared types by name, so each is parsed once
 * the types it names are known, whatever the order of the files.
 */
public record SchemaDirectory(Path dir, Map<String, Schema> schemasByFile) {

    /** Parses every {@code *.avsc} directly in {@code dir} (not in subfolders). */
    public static SchemaDirectory parse(Path dir) {
        List<Path> pending;
        try (Stream<Path> files = Files.list(dir)) {
            pending =
                    new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".avsc"))
                            .sorted()
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the schemas in " + dir.toAbsolutePath(), e);
        }
        Map<String, Schema> known = new LinkedHashMap<>();
        Map<String, Schema> byFile = new LinkedHashMap<>();
        Map<Path, String> lastError = new LinkedHashMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Path file : List.copyOf(pending)) {
                Schema.Parser parser = new Schema.Parser().addTypes(known.values());
                try {
                    byFile.put(file.getFileName().toString(), parser.parse(Files.readString(file)));
                    known.putAll(parser.getTypes());
                    pending.remove(file);
                    progress = true;
                } catch (
                        AvroRuntimeException
                                e) { // an undefined name (a type of a file not parsed yet) or a broken file
                    lastError.put(file, e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
                }
            }
        }
        if (!pending.isEmpty()) {
            StringBuilder message = new StringBuilder("Cannot parse the schemas in " + dir.toAbsolutePath() + ":");
            pending.forEach(file -> message.append("\n  ")
                    .append(file.getFileName())
                    .append(": ")
                    .append(lastError.get(file)));
            throw new IllegalStateException(message.toString());
        }
        return new SchemaDirectory(dir, byFile);
    }
}
