package eu.clusternews.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of the child JVMs: this JVM's classpath with every jar copied once into
 * {@code target/faults/classpath}. A child started minutes into a test then loads the same classes as the first one,
 * even when a module is re-installed into the local Maven repository meanwhile (which replaces the jar under a
 * running JVM and makes it fail with NoClassDefFoundError).
 */
final class ChildClasspath {

    private static String classpath;

    private ChildClasspath() {}

    static synchronized String get() {
        if (classpath == null) {
            classpath = snapshot(Path.of(System.getProperty("faults.work.dir", "target/faults"))
                    .resolve("classpath"));
        }
        return classpath;
    }

    private static String snapshot(Path dir) {
        List<String> entries = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int index = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path source = Path.of(entry);
                if (Files.isRegularFile(source) && entry.endsWith(".jar")) {
                    Path copy = dir.resolve(String.format("%03d-%s", index++, source.getFileName()));
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    entries.add(copy.toAbsolutePath().toString());
                } else {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the test classpath into " + dir, e);
        }
        return String.join(File.pathSeparator, entries);
    }
}
