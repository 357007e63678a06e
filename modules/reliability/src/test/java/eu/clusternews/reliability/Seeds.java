package eu.clusternews.reliability;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's seeds, from a test running in modules/reliability. */
final class Seeds {

    private Seeds() {}

    static Path reference() {
        return root().resolve("reference");
    }

    static Path news() {
        return root().resolve("news");
    }

    /** The seed news document (the one .txt in seeds/news). */
    static Path newsFile() {
        try (var files = Files.list(news())) {
            return files.filter(p -> p.toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No seed news .txt in " + news()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path root() {
        Path seeds = Path.of("../../seeds").toAbsolutePath().normalize();
        if (!Files.isDirectory(seeds)) {
            throw new IllegalStateException("Tests run from modules/reliability and expect the seeds at " + seeds);
        }
        return seeds;
    }
}
