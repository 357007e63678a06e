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

    /**
     * The seed news document, BalticNet-PlasmaTec's German report of the Berlin training; seeds/news also holds two
     * more reports of that training, and a directory listing's order is not defined, so it is named.
     */
    static Path newsFile() {
        Path seed = news().resolve("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt");
        if (!Files.isRegularFile(seed)) {
            throw new IllegalStateException("No seed news document " + seed);
        }
        return seed;
    }

    private static Path root() {
        Path seeds = Path.of("../../seeds").toAbsolutePath().normalize();
        if (!Files.isDirectory(seeds)) {
            throw new IllegalStateException("Tests run from modules/reliability and expect the seeds at " + seeds);
        }
        return seeds;
    }
}
