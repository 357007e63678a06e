package eu.clusternews.ingest;

import java.nio.file.Path;

import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.reference.ReferenceData;

/** Shared test fixtures: the project's seeds, loaded once per JVM (loading language profiles takes a while). */
public final class TestData {

    private static ReferenceData reference;
    private static Extractor extractor;

    private TestData() {}

    public static Path seeds() {
        return Path.of(System.getProperty("user.dir")).resolve("../../seeds").normalize();
    }

    public static synchronized ReferenceData reference() {
        if (reference == null) {
            reference = ReferenceData.load(seeds().resolve("reference"));
        }
        return reference;
    }

    public static synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = new Extractor(reference());
        }
        return extractor;
    }
}
