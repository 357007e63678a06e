package eu.clusternews.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** The seed news document (the one .txt in seeds/news). */
    public static Path newsFile() {
        try (Stream<Path> files = Files.list(news())) {
            return files.filter(p -> p.toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No seed news .txt in " + news()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
