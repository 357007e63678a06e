package eu.clusternews.avro;

import java.util.Set;

/**
 * Which organisations count as clusters.
 *
 * <p>The reference data marks most clusters {@code cluster_organisation}, but French clusters are
 * typed {@code competitiveness_cluster} (pôles de compétitivité, e.g. {@code org:pole-scs}, a CLUSGRID
 * partner). Both are clusters: without the second type the seed's "ten clusters" would be nine.
 */
public final class ClusterTypes {

    /** Organisation types that mark a cluster. */
    public static final Set<String> CLUSTER_TYPES = Set.of("cluster_organisation", "competitiveness_cluster");

    private ClusterTypes() {}

    public static boolean isCluster(Organisation organisation) {
        return organisation != null && CLUSTER_TYPES.contains(organisation.getType());
    }
}
