package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.ProgrammeRef;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Splits an enriched news item into what it adds to each entity's activity: one contribution per
 * cluster involved (with its roles), per consortium mentioned and per programme involved.
 *
 * <p>Consortia and programmes the reference data does not know still get their contribution (their
 * activity then has no display name): a mention is a fact even before the reference data catches up.
 * Clusters need the reference data, since only it says whether an organisation is a cluster.
 */
public final class FanOut {

    private FanOut() {
    }

    /** One contribution per cluster involved, keyed (entityId) by cluster id, carrying its roles. */
    public static List<ClusterContribution> perCluster(EnrichedNews enriched) {
        return enriched.getClusters().stream()
                .map(c -> contribution(enriched, c.getClusterId(), c.getRoles()))
                .toList();
    }

    /** One contribution per consortium the news mentions, known or not. */
    public static List<ClusterContribution> perConsortium(EnrichedNews enriched) {
        return consortiumIds(enriched).stream()
                .map(id -> contribution(enriched, id, List.of()))
                .toList();
    }

    /** One contribution per programme involved: mentioned, funding a mentioned consortium, or a parent of either. */
    public static List<ClusterContribution> perProgramme(EnrichedNews enriched) {
        return programmeIds(enriched).stream()
                .map(id -> contribution(enriched, id, List.of()))
                .toList();
    }

    private static ClusterContribution contribution(EnrichedNews enriched, String entityId, List<ClusterRole> roles) {
        NewsEvent news = enriched.getNews();
        return ClusterContribution.newBuilder()
                .setEntityId(entityId)
                .setNewsId(news.getId())
                .setTitle(news.getTitle())
                .setUrl(news.getUrl())
                .setPublishedAt(news.getPublishedAt())
                .setKind(news.getKind())
                .setRoles(List.copyOf(roles))
                .setConsortiumIds(List.copyOf(consortiumIds(enriched)))
                .setProgrammeIds(List.copyOf(programmeIds(enriched)))
                .setClusterIds(List.copyOf(sorted(enriched.getClusters().stream(), ClusterInvolvement::getClusterId)))
                .build();
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
