package eu.clusternews.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.OrganisationRef;
import eu.clusternews.avro.ProgrammeRef;

/**
 * What the reference data adds to a news ({@link Enricher}): every field of {@link EnrichedNews} but the news and the
 * time it was enriched. Its lists are unmodifiable, so an enriched news that holds these very lists holds this
 * enrichment, and the Avro binary of these fields, once made, stands for every news enriched with it
 * ({@link EnrichmentMemo} hands the same enrichment to news that mention the same entities).
 */
public final class Enrichment {

    private final List<EnrichedConsortium> consortia;
    private final List<OrganisationRef> organisations;
    private final List<ProgrammeRef> programmes;
    private final List<ClusterInvolvement> clusters;
    private final List<String> unresolvedIds;
    /** The Avro binary of the fields above in EnrichedNews, once asked for. */
    private byte[] binary;
    /** The same as the enriched-news store keeps them (consortia as a news list shows them), once asked for. */
    private byte[] listedBinary;
    /** The most bytes that binary can take, once asked for; -1 before. */
    private long maxBytes = -1;

    Enrichment(
            List<EnrichedConsortium> consortia,
            List<OrganisationRef> organisations,
            List<ProgrammeRef> programmes,
            List<ClusterInvolvement> clusters,
            List<String> unresolvedIds) {
        this.consortia = List.copyOf(consortia);
        this.organisations = List.copyOf(organisations);
        this.programmes = List.copyOf(programmes);
        this.clusters = List.copyOf(clusters);
        this.unresolvedIds = List.copyOf(unresolvedIds);
    }

    /** The news enriched with this at that time. */
    public EnrichedNews of(NewsEvent news, Instant enrichedAt) {
        return EnrichedNews.newBuilder()
                .setNews(news)
                .setConsortia(consortia)
                .setOrganisations(organisations)
                .setProgrammes(programmes)
                .setClusters(clusters)
                .setUnresolvedIds(unresolvedIds)
                .setEnrichedAt(enrichedAt)
                .build();
    }

    /** Whether the enriched news holds exactly this enrichment (its very lists: none was cut or replaced since). */
    public boolean isIn(EnrichedNews enriched) {
        return enriched.getConsortia() == consortia
                && enriched.getOrganisations() == organisations
                && enriched.getProgrammes() == programmes
                && enriched.getClusters() == clusters
                && enriched.getUnresolvedIds() == unresolvedIds;
    }

    /** The most bytes these fields can take in Avro binary, found by {@code bound} the first time and kept. */
    public long maxBytes(LongSupplier bound) {
        if (maxBytes < 0) {
            maxBytes = bound.getAsLong();
        }
        return maxBytes;
    }

    /**
     * The Avro binary of these fields as EnrichedNews writes them, made by {@code encode} the first time (from a news
     * that {@link #isIn holds} this enrichment) and kept.
     */
    public byte[] binary(Supplier<byte[]> encode) {
        if (binary == null) {
            binary = encode.get();
        }
        return binary;
    }

    /** The Avro binary of these fields as the enriched-news store keeps them, made by {@code encode} once and kept. */
    public byte[] listedBinary(Supplier<byte[]> encode) {
        if (listedBinary == null) {
            listedBinary = encode.get();
        }
        return listedBinary;
    }
}
