package eu.clusternews.bench;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.pipeline.ReferenceLookup;

/** The reference data as the pipeline's {@link ReferenceLookup} over maps: what the global stores would answer. */
public final class ReferenceMaps {

    private ReferenceMaps() {}

    public static ReferenceLookup lookup(ReferenceData reference) {
        Map<String, Organisation> organisations =
                reference.organisations().stream().collect(Collectors.toMap(Organisation::getId, Function.identity()));
        Map<String, Consortium> consortia =
                reference.consortia().stream().collect(Collectors.toMap(Consortium::getId, Function.identity()));
        Map<String, Programme> programmes =
                reference.programmes().stream().collect(Collectors.toMap(Programme::getId, Function.identity()));
        return ReferenceLookup.of(organisations, consortia, programmes);
    }
}
