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

    /**
     * The cluster's activity with the contribution counted, named from the display fields the contribution
     * carries ({@link FanOut} with a reference lookup); {@code current} null starts from nothing.
     */
    public ClusterActivity addToCluster(ClusterActivity current, ClusterContribution c) {
        return cluster(current, c, c.getEntityName(), c.getEntityCountry());
    }

    /** The cluster's activity with the contribution counted, named from {@code reference}; {@code current} null starts from nothing. */
    public ClusterActivity addToCluster(ClusterActivity current, ClusterContribution c, Optional<Organisation> reference) {
        return cluster(current, c, reference.map(Organisation::getName).orElse(null),
                reference.map(Organisation::getCountry).orElse(null));
    }

    /** A null display field keeps the value the activity already has. */
    private ClusterActivity cluster(ClusterActivity current, ClusterContribution c, String name, String country) {
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
                .setName(name != null ? name : base.getName())
                .setCountry(country != null ? country : base.getCountry())
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

    /** The consortium's activity with the contribution counted, named from the contribution's display fields. */
    public ConsortiumActivity addToConsortium(ConsortiumActivity current, ClusterContribution c) {
        return consortium(current, c, c.getEntityName(), c.getEntityParentId());
    }

    /** The consortium's activity with the contribution counted; {@code current} null starts from nothing. */
    public ConsortiumActivity addToConsortium(ConsortiumActivity current, ClusterContribution c, Optional<Consortium> reference) {
        return consortium(current, c, reference.map(Consortium::getAcronym).orElse(null),
                reference.map(Consortium::getProgrammeId).orElse(null));
    }

    private ConsortiumActivity consortium(ConsortiumActivity current, ClusterContribution c, String name, String programmeId) {
        ConsortiumActivity base = current != null ? current : ConsortiumActivity.newBuilder().setConsortiumId(c.getEntityId()).build();
        ActivityRollup rollup = new ActivityRollup(base.getNewsCount(), base.getFirstPublishedAt(), base.getLastPublishedAt(),
                base.getUndatedCount(), base.getCountsByKind(), base.getCountsByMonth(), base.getConsortiumIds(),
                base.getProgrammeIds(), base.getClusterIds(), base.getRecentHeadlines());
        rollup.add(c, maxHeadlines);
        return ConsortiumActivity.newBuilder()
                .setConsortiumId(c.getEntityId())
                .setName(name != null ? name : base.getName())
                .setProgrammeId(programmeId != null ? programmeId : base.getProgrammeId())
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

    /** The programme's activity with the contribution counted, named from the contribution's display fields. */
    public ProgrammeActivity addToProgramme(ProgrammeActivity current, ClusterContribution c) {
        return programme(current, c, c.getEntityName(), c.getEntityParentId());
    }

    /** The programme's activity with the contribution counted; {@code current} null starts from nothing. */
    public ProgrammeActivity addToProgramme(ProgrammeActivity current, ClusterContribution c, Optional<Programme> reference) {
        return programme(current, c, reference.map(p -> p.getShortName() != null ? p.getShortName() : p.getName()).orElse(null),
                reference.map(Programme::getParentId).orElse(null));
    }

    private ProgrammeActivity programme(ProgrammeActivity current, ClusterContribution c, String name, String parentId) {
        ProgrammeActivity base = current != null ? current : ProgrammeActivity.newBuilder().setProgrammeId(c.getEntityId()).build();
        ActivityRollup rollup = new ActivityRollup(base.getNewsCount(), base.getFirstPublishedAt(), base.getLastPublishedAt(),
                base.getUndatedCount(), base.getCountsByKind(), base.getCountsByMonth(), base.getConsortiumIds(),
                base.getProgrammeIds(), base.getClusterIds(), base.getRecentHeadlines());
        rollup.add(c, maxHeadlines);
        return ProgrammeActivity.newBuilder()
                .setProgrammeId(c.getEntityId())
                .setName(name != null ? name : base.getName())
                .setParentId(parentId != null ? parentId : base.getParentId())
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
