package eu.clusternews.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * Which state of the reference data the lookups answer from: the same number again means that no record has
     * changed in between, so what was made from the records looked up then still holds. Empty when not known (the
     * default): then only looking the records up again tells.
     */
    default OptionalLong version() {
        return OptionalLong.empty();
    }

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
