package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds a contribution to a cluster's, consortium's or programme's activity. The counted fields do not
 * depend on arrival order ({@link ActivityRollup}); the display fields (name, country, programme,
 * parent) come from the reference data as currently known, and stay as they were when it no longer
 * knows the entity.
 */
public final class ActivityAggregator {

    /** How many recent headlines an activity keeps unless told otherwise. */
    public static final int DEFAULT_RECENT_HEADLINES = 10;

    private final int maxHeadlines;

    public ActivityAggregator() {
        this(DEFAULT_RECENT_HEADLINES);
    }

    public ActivityAggregator(int maxHeadlines) {
        if (maxHeadlines < 1) {
            throw new IllegalArgumentException("maxHeadlines must be at least 1, was " + maxHeadlines);
        }
        this.maxHeadlines = maxHeadlines;
    }

    /** The cluster's activity with the contribution counted; {@code current} null starts from nothing. */
    public ClusterActivity addToCluster(ClusterActivity current, ClusterContribution c, Optional<Organisation> reference) {
        ClusterActivity base = current != null ? current : ClusterActivity.newBuilder().setClusterId(c.getEntityId()).build();
        ActivityRollup rollup = new ActivityRollup(base.getNewsCount(), base.getFirstPublishedAt(), base.getLastPublishedAt(),
                base.getUndatedCount(), base.getCountsByKind(), base.getCountsByMonth(), base.getConsortiumIds(),
                base.getProgrammeIds(), base.getClusterIds(), base.getRecentHeadlines());
        rollup.add(c, maxHeadlines);
        TreeMap<String, Long> byRole = new TreeMap<>(base.getCountsByRole());
        for (ClusterRole role : c.getRoles()) {
            byRole.merge(role.name(), 1L, Long::sum);
        }
        return ClusterActivity.newBuilder()
                .setClusterId(c.getEntityId())
                .setName(reference.map(Organisation::getName).orElse(base.getName()))
                .setCountry(reference.map(Organisation::getCountry).orElse(base.getCountry()))
                .setCountsByRole(byRole)
                .setNewsCount(rollup.newsCount)
                .setFirstPublishedAt(rollup.firstPublishedAt)
                .setLastPublishedAt(rollup.lastPublishedAt)
                .setUndatedCount(rollup.undatedCount)
                .setCountsByKind(rollup.countsByKind)
                .setCountsByMonth(rollup.countsByMonth)
                .setConsortiumIds(new ArrayList<>(rollup.consortiumIds))
                .setProgrammeIds(new ArrayList<>(rollup.programmeIds))
                .setClusterIds(new ArrayList<>(rollup.clusterIds))
                .setRecentHeadlines(rollup.recentHeadlines)
                .build();
    }

    /** The consortium's activity with the contribution counted; {@code current} null starts from nothing. */
    public ConsortiumActivity addToConsortium(ConsortiumActivity current, ClusterContribution c, Optional<Consortium> reference) {
        ConsortiumActivity base = current != null ? current : ConsortiumActivity.newBuilder().setConsortiumId(c.getEntityId()).build();
        ActivityRollup rollup = new ActivityRollup(base.getNewsCount(), base.getFirstPublishedAt(), base.getLastPublishedAt(),
                base.getUndatedCount(), base.getCountsByKind(), base.getCountsByMonth(), base.getConsortiumIds(),
                base.getProgrammeIds(), base.getClusterIds(), base.getRecentHeadlines());
        rollup.add(c, maxHeadlines);
        return ConsortiumActivity.newBuilder()
                .setConsortiumId(c.getEntityId())
                .setName(reference.map(Consortium::getAcronym).orElse(base.getName()))
                .setProgrammeId(reference.map(Consortium::getProgrammeId).orElse(base.getProgrammeId()))
                .setNewsCount(rollup.newsCount)
                .setFirstPublishedAt(rollup.firstPublishedAt)
                .setLastPublishedAt(rollup.lastPublishedAt)
                .setUndatedCount(rollup.undatedCount)
                .setCountsByKind(rollup.countsByKind)
                .setCountsByMonth(rollup.countsByMonth)
                .setConsortiumIds(new ArrayList<>(rollup.consortiumIds))
                .setProgrammeIds(new ArrayList<>(rollup.programmeIds))
                .setClusterIds(new ArrayList<>(rollup.clusterIds))
                .setRecentHeadlines(rollup.recentHeadlines)
                .build();
    }

    /** The programme's activity with the contribution counted; {@code current} null starts from nothing. */
    public ProgrammeActivity addToProgramme(ProgrammeActivity current, ClusterContribution c, Optional<Programme> reference) {
        ProgrammeActivity base = current != null ? current : ProgrammeActivity.newBuilder().setProgrammeId(c.getEntityId()).build();
        ActivityRollup rollup = new ActivityRollup(base.getNewsCount(), base.getFirstPublishedAt(), base.getLastPublishedAt(),
                base.getUndatedCount(), base.getCountsByKind(), base.getCountsByMonth(), base.getConsortiumIds(),
                base.getProgrammeIds(), base.getClusterIds(), base.getRecentHeadlines());
        rollup.add(c, maxHeadlines);
        return ProgrammeActivity.newBuilder()
                .setProgrammeId(c.getEntityId())
                .setName(reference.map(p -> p.getShortName() != null ? p.getShortName() : p.getName()).orElse(base.getName()))
                .setParentId(reference.map(Programme::getParentId).orElse(base.getParentId()))
                .setNewsCount(rollup.newsCount)
                .setFirstPublishedAt(rollup.firstPublishedAt)
                .setLastPublishedAt(rollup.lastPublishedAt)
                .setUndatedCount(rollup.undatedCount)
                .setCountsByKind(rollup.countsByKind)
                .setCountsByMonth(rollup.countsByMonth)
                .setConsortiumIds(new ArrayList<>(rollup.consortiumIds))
                .setProgrammeIds(new ArrayList<>(rollup.programmeIds))
                .setClusterIds(new ArrayList<>(rollup.clusterIds))
                .setRecentHeadlines(rollup.recentHeadlines)
                .build();
    }
}
