package eu.clusternews.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's seeds ({@code seeds/}), from a test running in {@code modules/<name>}, as Maven runs them. */
public final class Seeds {

    private Seeds() {}

    /** {@code seeds/reference}: organisations, consortia, memberships, programmes, aliases. */
    public static Path reference() {
        return root().resolve("reference");
    }

    /** {@code seeds/news}: the seed press release and its expected extraction. */
    public static Path news() {
        return root().resolve("news");
    }

    /**
     * The seed press release (BalticNet-PlasmaTec's German report of the Berlin training), the one news document
     * the end-to-end tests count: seeds/news holds other reports of the same training too.
     */
    public static Path newsFile() {
        Path file = news().resolve("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The seed press release is missing: " + file);
        }
        return file;
    }

    private static Path root() {
        Path seeds = Path.of("../../seeds").toAbsolutePath().normalize();
        if (!Files.isDirectory(seeds)) {
            throw new IllegalStateException("Tests run from modules/<name> ("
                    + Path.of("").toAbsolutePath() + ") and expect the seeds at " + seeds);
        }
        return seeds;
    }
}
