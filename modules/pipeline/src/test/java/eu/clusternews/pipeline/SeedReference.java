package eu.clusternews.pipeline;

import java.nio.file.Path;
import java.util.List;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.ingest.reference.ReferenceData;

/** The reference records of {@code seeds/reference/*.json}, as ingest loads and checks them for the reference topics. */
record SeedReference(List<Organisation> organisations, List<Consortium> consortia, List<Programme> programmes) {

    /** seeds/reference of the project, seen from the module directory Maven runs tests in. */
    static final Path DIR = Path.of("../../seeds/reference");

    static SeedReference load() {
        ReferenceData reference = ReferenceData.load(DIR);
        return new SeedReference(reference.organisations(), reference.consortia(), reference.programmes());
    }
}
