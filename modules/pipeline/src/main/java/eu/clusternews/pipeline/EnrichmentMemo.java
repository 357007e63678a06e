package eu.clusternews.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;

/**
 * The {@link Enricher}'s enrichments remembered by what a news mentions (publisher, organisations, consortia,
 * programmes: all an enrichment depends on besides the reference data), each with every reference record it was made
 * from, and handed out again while a lookup of each of those ids still gives the very same record object: the global
 * stores decode each distinct record once ({@code DecodedOnceDeserializer}), so an unchanged record is the same object
 * and a changed, added or removed one is not, and the enrichment is made anew. News of the same consortium or cluster
 * then share one enrichment, built and encoded once ({@link Enrichment#binary}). Where the lookup knows its {@link
 * ReferenceLookup#version version}, an enrichment checked at that version is handed out without looking anything up:
 * the reference data changes rarely, and the lookups were most of the memo's time. Bounded (least recently used out);
 * one per processor, not thread-safe.
 */
final class EnrichmentMemo implements Function<NewsEvent, Enrichment> {

    private final ReferenceLookup reference;
    private final Map<Mentions, Remembered> remembered;

    /** What an enrichment depends on in the news. */
    private record Mentions(
            String publisherId, List<String> organisationIds, List<String> consortiumIds, List<String> programmeIds) {

        static Mentions of(NewsEvent news) {
            return new Mentions(
                    news.getPublisherId(), news.getOrganisationIds(), news.getConsortiumIds(), news.getProgrammeIds());
        }

        /** A copy that no change to the news can alter, to be kept as a key. */
        Mentions kept() {
            return new Mentions(
                    publisherId, List.copyOf(organisationIds), List.copyOf(consortiumIds), List.copyOf(programmeIds));
        }
    }

    private enum Kind {
        ORGANISATION,
        CONSORTIUM,
        PROGRAMME
    }

    /** One lookup the enrichment was made from: of what, and the record it gave (null: unknown). */
    private record Lookup(Kind kind, String id, Object found) {}

    /** An enrichment, the lookups it was made from, and the last reference version they were seen unchanged at. */
    private static final class Remembered {
        private final Enrichment enrichment;
        private final List<Lookup> lookups;
        private OptionalLong checkedAt;

        Remembered(Enrichment enrichment, List<Lookup> lookups, OptionalLong checkedAt) {
            this.enrichment = enrichment;
            this.lookups = lookups;
            this.checkedAt = checkedAt;
        }

        /** Still as made at {@code version}: known from an earlier check at that version, or looked up again. */
        boolean holdsAt(OptionalLong version, ReferenceLookup reference) {
            if (version.isPresent() && version.equals(checkedAt)) {
                return true;
            }
            if (!unchanged(lookups, reference)) {
                return false;
            }
            checkedAt = version;
            return true;
        }
    }

    EnrichmentMemo(ReferenceLookup reference, int maxEntries) {
        this.reference = reference;
        this.remembered = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Mentions, Remembered> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The news' enrichment: the one remembered for its mentions if made from the same records, else a new one. */
    @Override
    public Enrichment apply(NewsEvent news) {
        Mentions mentions = Mentions.of(news);
        Remembered known = remembered.get(mentions);
        // read before any lookup: a change after it gives another version next time
        OptionalLong version = reference.version();
        if (known != null && known.holdsAt(version, reference)) {
            return known.enrichment;
        }
        Recording recording = new Recording(reference);
        Enrichment enrichment = new Enricher(recording).enrichment(news);
        remembered.put(mentions.kept(), new Remembered(enrichment, List.copyOf(recording.lookups.values()), version));
        return enrichment;
    }

    private static boolean unchanged(List<Lookup> lookups, ReferenceLookup reference) {
        for (Lookup l : lookups) {
            Optional<?> now = switch (l.kind()) {
                case ORGANISATION -> reference.organisation(l.id());
                case CONSORTIUM -> reference.consortium(l.id());
                case PROGRAMME -> reference.programme(l.id());
            };
            if (now.orElse(null) != l.found()) {
                return false;
            }
        }
        return true;
    }

    /** Looks up through the reference data and notes every distinct lookup with what it gave. */
    private static final class Recording implements ReferenceLookup {
        private final ReferenceLookup reference;
        private final Map<String, Lookup> lookups = new LinkedHashMap<>();

        Recording(ReferenceLookup reference) {
            this.reference = reference;
        }

        @Override
        public Optional<Organisation> organisation(String id) {
            return noted(Kind.ORGANISATION, id, reference.organisation(id));
        }

        @Override
        public Optional<Consortium> consortium(String id) {
            return noted(Kind.CONSORTIUM, id, reference.consortium(id));
        }

        @Override
        public Optional<Programme> programme(String id) {
            return noted(Kind.PROGRAMME, id, reference.programme(id));
        }

        private <V> Optional<V> noted(Kind kind, String id, Optional<V> found) {
            lookups.putIfAbsent(kind + ":" + id, new Lookup(kind, id, found.orElse(null)));
            return found;
        }
    }
}
