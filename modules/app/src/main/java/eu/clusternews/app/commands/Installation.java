package eu.clusternews.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where this installation's files are: the launcher passes its folder as {@code -Dclusternews.home}. */
final class Installation {

    private Installation() {}

    static Path home() {
        String home = System.getProperty("clusternews.home", System.getenv("CLUSTERNEWS_HOME"));
        return home != null ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    static Path seedsDir() {
        Path seeds = home().resolve("seeds");
        return Files.isDirectory(seeds) ? seeds : Path.of("seeds");
    }
}
