package eu.clusternews.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's seeds, from a test running in modules/app. */
final class Seeds {

    private Seeds() {}

    static Path reference() {
        return root().resolve("reference");
    }

    static Path news() {
        return root().resolve("news");
    }

    private static Path root() {
        Path seeds = Path.of("../../seeds").toAbsolutePath().normalize();
        if (!Files.isDirectory(seeds)) {
            throw new IllegalStateException("Tests run from modules/app and expect the seeds at " + seeds);
        }
        return seeds;
    }
}
