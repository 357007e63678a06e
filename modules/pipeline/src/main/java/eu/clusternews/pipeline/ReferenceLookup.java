package eu.clusternews.pipeline;

import java.util.Map;
import java.util.Optional;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;

/**
 * Read access to the reference data as currently known: organisations, consortia and programmes by id.
 * In the topology it is backed by the global stores of the {@code ref-*} topics; in tests by maps.
 */
public interface ReferenceLookup {

    Optional<Organisation> organisation(String id);

    Optional<Consortium> consortium(String id);

    Optional<Programme> programme(String id);

    /** A lookup over fixed maps keyed by id (tests, tools). */
    static ReferenceLookup of(
            Map<String, Organisation> organisations,
            Map<String, Consortium> consortia,
            Map<String, Programme> programmes) {
        return new ReferenceLookup() {
            @Override
            public Optional<Organisation> organisation(String id) {
                return Optional.ofNullable(organisations.get(id));
            }

            @Override
            public Optional<Consortium> consortium(String id) {
                return Optional.ofNullable(consortia.get(id));
            }

            @Override
            public Optional<Programme> programme(String id) {
                return Optional.ofNullable(programmes.get(id));
            }
        };
    }
}
