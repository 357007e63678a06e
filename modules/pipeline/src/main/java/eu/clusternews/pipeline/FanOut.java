package eu.clusternews.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.ProgrammeRef;

/**
 * Splits an enriched news item into what it adds to each entity's activity: one contribution per
 * cluster involved (with its roles), per consortium mentioned and per programme involved.
 *
 * <p>Consortia and programmes the reference data does not know still get their contribution (their
 * activity then has no display name): a mention is a fact even before the reference data catches up.
 * Clusters need the reference data, since only it says whether an organisation is a cluster.
 *
 * <p>Given a {@link ReferenceLookup}, each contribution also carries the entity's display fields as the
 * reference data knows them now (name, country, funding or parent programme), so that the aggregate step
 * needs no reference data and can be a plain DSL {@code aggregate}.
 */
public final class FanOut {

    /**
     * A contribution's title is at most this long (cut, with an ellipsis): it is copied into the recent headlines of
     * every entity the news counts for, so a valid news with a huge title must not make those records exceed the
     * broker's record size.
     */
    public static final int MAX_HEADLINE_TITLE_CHARS = 500;
    /** A longer URL is left out of the headline (a cut URL would be a wrong link); the news keeps it. */
    public static final int MAX_HEADLINE_URL_CHARS = 2048;

    private FanOut() {}

    private static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    /** One contribution per cluster involved, keyed (entityId) by cluster id, carrying its roles; no display fields. */
    public static List<ClusterContribution> perCluster(EnrichedNews enriched) {
        return perCluster(enriched, NO_REFERENCE);
    }

    /** One contribution per consortium the news mentions, known or not; no display fields. */
    public static List<ClusterContribution> perConsortium(EnrichedNews enriched) {
        return perConsortium(enriched, NO_REFERENCE);
    }

    /** One contribution per programme involved: mentioned, funding a mentioned consortium, or a parent of either. */
    public static List<ClusterContribution> perProgramme(EnrichedNews enriched) {
        return perProgramme(enriched, NO_REFERENCE);
    }

    /**
     * One contribution per cluster involved, carrying its roles and, when the reference data knows the
     * organisation, its name and country for the cluster's activity.
     */
    public static List<ClusterContribution> perCluster(EnrichedNews enriched, ReferenceLookup reference) {
        return contributions(
                enriched,
                involved -> enriched.getClusters(),
                cluster -> SAME_IDS.get().of(cluster.getClusterId()),
                ClusterInvolvement::getRoles,
                id -> reference.organisation(id).map(o -> new Display(o.getName(), o.getCountry(), null)));
    }

    /** One contribution per consortium the news mentions, known or not, with its acronym and programme when known. */
    public static List<ClusterContribution> perConsortium(EnrichedNews enriched, ReferenceLookup reference) {
        return withoutRoles(
                enriched,
                involved -> involved.consortiumIds,
                id -> reference.consortium(id).map(k -> new Display(k.getAcronym(), null, k.getProgrammeId())));
    }

    /** One contribution per programme involved, with its short name (else name) and parent when known. */
    public static List<ClusterContribution> perProgramme(EnrichedNews enriched, ReferenceLookup reference) {
        return withoutRoles(
                enriched,
                involved -> involved.programmeIds,
                id -> reference
                        .programme(id)
                        .map(p -> new Display(
                                p.getShortName() != null ? p.getShortName() : p.getName(), null, p.getParentId())));
    }

    /** What an entity's activity shows of it, as the reference data knows it now. */
    private record Display(String name, String country, String parentId) {}

    /** Consortia and programmes: only clusters have roles. */
    private static List<ClusterContribution> withoutRoles(
            EnrichedNews enriched, Function<Involved, List<String>> ids, Function<String, Optional<Display>> display) {
        return contributions(enriched, ids, id -> id, id -> List.of(), display);
    }

    /** One contribution per entity, with its roles and, when the reference data knows the entity, its display fields. */
    private static <E> List<ClusterContribution> contributions(
            EnrichedNews enriched,
            Function<Involved, List<E>> entities,
            Function<E, String> id,
            Function<E, List<ClusterRole>> roles,
            Function<String, Optional<Display>> display) {
        Involved involved = involved(enriched);
        return entities.apply(involved).stream()
                .map(entity -> {
                    String entityId = id.apply(entity);
                    return involved.contribution(
                            entityId,
                            roles.apply(entity),
                            display.apply(entityId).orElse(null));
                })
                .toList();
    }

    private static final ReferenceLookup NO_REFERENCE = ReferenceLookup.of(Map.of(), Map.of(), Map.of());

    /** The news last split on this thread, with what its contributions share: the three fan-outs split it in turn. */
    private static final ThreadLocal<Involved> LAST_SPLIT = new ThreadLocal<>();

    private static Involved involved(EnrichedNews enriched) {
        Involved last = LAST_SPLIT.get();
        if (last != null && last.enriched == enriched) { // the same object: enriched news are never changed
            return last;
        }
        Involved involved = new Involved(enriched);
        LAST_SPLIT.set(involved);
        return involved;
    }

    /** The ids (and id lists) this thread has split news for, each as one instance: see {@link SameIds}. */
    private static final ThreadLocal<SameIds> SAME_IDS = ThreadLocal.withInitial(SameIds::new);

    /**
     * One instance per id: each id of a news is added to the id sets of every entity the news counts for (about 9 of
     * them), and a decoded id is a new string each time, hashed and compared in full on every add; the instance kept
     * here has its hash cached and equals itself at the first test. Ids are few (the reference data's and the ones
     * news mention); past {@link #MAX_IDS} ids (or {@link #MAX_LISTS} lists) a map starts again, so unknown
     * ids in many news cannot make it grow.
     */
    private static final class SameIds {
        static final int MAX_IDS = 100_000;
        static final int MAX_LISTS = 10_000;
        private final HashMap<String, String> ids = new HashMap<>();
        private final HashMap<List<String>, List<String>> lists = new HashMap<>();

        String of(String id) {
            String kept = ids.putIfAbsent(id, id);
            if (kept != null) {
                return kept;
            }
            if (ids.size() > MAX_IDS) {
                ids.clear();
                ids.put(id, id);
            }
            return id;
        }

        /**
         * The ids as one list instance per content: many news involve the same clusters, consortia or programmes, and
         * an entity's activity adds a list instance it has added before at no cost ({@code Activity.add}).
         */
        List<String> of(SortedSet<String> sorted) {
            String[] same = new String[sorted.size()];
            int i = 0;
            for (String id : sorted) {
                same[i++] = of(id);
            }
            List<String> list = List.of(same);
            List<String> kept = lists.putIfAbsent(list, list);
            if (kept != null) {
                return kept;
            }
            if (lists.size() > MAX_LISTS) {
                lists.clear();
                lists.put(list, list);
            }
            return list;
        }
    }

    /** What every contribution of one news item shares, computed once per news item. */
    private static final class Involved {
        final EnrichedNews enriched;
        final NewsEvent news;
        final String title;
        final String url;
        final List<String> consortiumIds;
        final List<String> programmeIds;
        final List<String> clusterIds;

        Involved(EnrichedNews enriched) {
            this.enriched = enriched;
            this.news = enriched.getNews();
            this.title = bounded(news.getTitle(), MAX_HEADLINE_TITLE_CHARS);
            this.url = news.getUrl() == null || news.getUrl().length() <= MAX_HEADLINE_URL_CHARS ? news.getUrl() : null;
            SameIds same = SAME_IDS.get();
            this.consortiumIds = same.of(consortiumIds(enriched));
            this.programmeIds = same.of(programmeIds(enriched));
            this.clusterIds = same.of(sorted(enriched.getClusters().stream(), ClusterInvolvement::getClusterId));
        }

        /**
         * The entity's contribution, with its display fields when the reference data knows it ({@code display} null:
         * it does not). Made with the record's constructor: the builder copies Avro's field list and checks every
         * field for each of the ~9 contributions of a news, which are summed in memory and never encoded.
         */
        ClusterContribution contribution(String entityId, List<ClusterRole> roles, Display display) {
            return new ClusterContribution(
                    entityId,
                    news.getId(),
                    title,
                    url,
                    news.getPublishedAt(),
                    news.getKind(),
                    List.copyOf(roles),
                    consortiumIds,
                    programmeIds,
                    clusterIds,
                    display == null ? null : display.name(),
                    display == null ? null : display.country(),
                    display == null ? null : display.parentId());
        }
    }

    private static SortedSet<String> consortiumIds(EnrichedNews enriched) {
        return new TreeSet<>(enriched.getNews().getConsortiumIds());
    }

    private static SortedSet<String> programmeIds(EnrichedNews enriched) {
        SortedSet<String> ids = sorted(enriched.getProgrammes().stream(), ProgrammeRef::getId);
        ids.addAll(enriched.getNews().getProgrammeIds());
        return ids;
    }

    private static <T> SortedSet<String> sorted(Stream<T> items, Function<T, String> id) {
        return items.map(id).collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }
}
