package eu.clusternews.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The Avro contracts of earlier releases, as this jar ships them ({@code schemas/releases/<version>/*.avsc}, copied
 * from the project's {@code schemas/releases}): the writer schemas that records written by an older release carry,
 * so that a newer release can still read its own internal state and repartition records.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "schemas/releases";
    private static volatile Map<String, Map<String, Schema>> byVersion;

    private ReleasedSchemas() {}

    /** Release version → record full name ({@code eu.clusternews.avro.ClusterActivity}) → that release's schema. */
    public static Map<String, Map<String, Schema>> byVersion() {
        Map<String, Map<String, Schema>> loaded = byVersion;
        if (loaded == null) {
            loaded = load();
            byVersion = loaded;
        }
        return loaded;
    }

    /** Every released schema of the record named {@code fullName}, oldest release first. */
    public static List<Schema> of(String fullName) {
        List<Schema> schemas = new ArrayList<>();
        byVersion().values().forEach(release -> {
            Schema schema = release.get(fullName);
            if (schema != null) {
                schemas.add(schema);
            }
        });
        return schemas;
    }

    private static Map<String, Map<String, Schema>> load() {
        URL root = ReleasedSchemas.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            return Map.of();
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                    opened = false; // someone else's: leave it open
                }
                try {
                    return parseReleases(jar.provider().getPath(uri));
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            }
            return parseReleases(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the released schemas at " + root, e);
        }
    }

    private static Map<String, Map<String, Schema>> parseReleases(Path root) {
        Map<String, Map<String, Schema>> releases = new TreeMap<>(ReleasedSchemas::compareVersions);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Map<String, Schema> byName = new TreeMap<>();
                SchemaDirectory.parse(dir).schemasByFile().values().forEach(s -> byName.put(s.getFullName(), s));
                releases.put(dir.getFileName().toString().replace("/", ""), Collections.unmodifiableMap(byName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the released schemas in " + root, e);
        }
        return Collections.unmodifiableMap(releases);
    }

    /** Numeric comparison of dotted versions: 0.10.0 after 0.9.0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? parse(x[i]) : 0, i < y.length ? parse(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
