package eu.clusternews.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.ClusterTypes;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.OrganisationRef;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeChain;
import eu.clusternews.avro.ProgrammeRef;

/**
 * Attaches to a news event what the reference data knows about the entities it mentions: each
 * consortium with its programme chain (the funding programme, then its parents up to the top),
 * period, budget and members; each organisation with type, country and city; the programmes
 * involved; and every cluster involved with its roles.
 *
 * <p>Ids the reference data does not know are kept in {@code unresolvedIds}, never dropped. Only
 * organisations the reference data knows as clusters ({@link ClusterTypes}) become cluster
 * involvements: an unknown member id could be a university or a company.
 */
public final class Enricher {

    private final ReferenceLookup reference;

    public Enricher(ReferenceLookup reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** The news enriched at that time. */
    public EnrichedNews enrich(NewsEvent news, Instant enrichedAt) {
        return enrichment(news).of(news, enrichedAt);
    }

    /**
     * What the reference data adds to the news: it depends only on the entities the news mentions (publisher,
     * organisations, consortia, programmes) and on the reference records of those ids and of their members and
     * parent programmes.
     */
    public Enrichment enrichment(NewsEvent news) {
        Set<String> unresolved = new LinkedHashSet<>();
        Map<String, ProgrammeRef> programmes = new LinkedHashMap<>();
        Map<String, Involvement> clusters = new TreeMap<>();

        List<OrganisationRef> organisations = new ArrayList<>();
        Set<String> seenOrganisations = new LinkedHashSet<>();
        Stream.concat(Stream.ofNullable(news.getPublisherId()), news.getOrganisationIds().stream())
                .filter(seenOrganisations::add)
                .forEach(id -> reference
                        .organisation(id)
                        .ifPresentOrElse(o -> organisations.add(organisationRef(o)), () -> unresolved.add(id)));

        if (news.getPublisherId() != null) {
            knownCluster(news.getPublisherId())
                    .ifPresent(id -> clusters.computeIfAbsent(id, k -> new Involvement())
                            .roles
                            .add(ClusterRole.PUBLISHER));
        }
        for (String id : news.getOrganisationIds()) {
            knownCluster(id)
                    .ifPresent(c -> clusters.computeIfAbsent(c, k -> new Involvement())
                            .roles
                            .add(ClusterRole.MENTIONED));
        }

        List<EnrichedConsortium> consortia = new ArrayList<>();
        for (String id : new LinkedHashSet<>(news.getConsortiumIds())) {
            Optional<Consortium> found = reference.consortium(id);
            if (found.isEmpty()) {
                unresolved.add(id);
                continue;
            }
            Consortium consortium = found.get();
            List<ProgrammeRef> chain = programmeChain(consortium.getProgrammeId());
            chain.forEach(p -> programmes.putIfAbsent(p.getId(), p));
            consortia.add(EnrichedConsortium.newBuilder()
                    .setId(consortium.getId())
                    .setAcronym(consortium.getAcronym())
                    .setFullTitle(consortium.getFullTitle())
                    .setProgrammeChain(chain)
                    .setStartMonth(consortium.getStartMonth())
                    .setEndMonth(consortium.getEndMonth())
                    .setTotalBudgetEur(consortium.getTotalBudgetEur())
                    .setMembers(List.copyOf(consortium.getMembers()))
                    .build());
            for (Member member : consortium.getMembers()) {
                knownCluster(member.getOrganisationId()).ifPresent(c -> {
                    Involvement involvement = clusters.computeIfAbsent(c, k -> new Involvement());
                    involvement.roles.add(ClusterRole.CONSORTIUM_MEMBER);
                    involvement.viaConsortia.add(consortium.getId());
                });
            }
        }

        for (String id : new LinkedHashSet<>(news.getProgrammeIds())) {
            List<ProgrammeRef> chain = programmeChain(id);
            if (chain.isEmpty()) {
                unresolved.add(id);
            }
            chain.forEach(p -> programmes.putIfAbsent(p.getId(), p));
        }

        List<ClusterInvolvement> involvements = new ArrayList<>();
        clusters.forEach((id, involvement) -> involvements.add(ClusterInvolvement.newBuilder()
                .setClusterId(id)
                .setRoles(List.copyOf(involvement.roles))
                .setViaConsortiumIds(List.copyOf(involvement.viaConsortia))
                .build()));

        return new Enrichment(
                consortia,
                organisations,
                new ArrayList<>(programmes.values()),
                involvements,
                new ArrayList<>(unresolved));
    }

    /** The programme, then its parents up to the top; empty when the programme is unknown. */
    List<ProgrammeRef> programmeChain(String programmeId) {
        return ProgrammeChain.of(programmeId, id -> reference.programme(id).orElse(null)).stream()
                .map(Enricher::programmeRef)
                .toList();
    }

    private Optional<String> knownCluster(String organisationId) {
        return reference
                .organisation(organisationId)
                .filter(ClusterTypes::isCluster)
                .map(o -> organisationId);
    }

    private static OrganisationRef organisationRef(Organisation o) {
        return OrganisationRef.newBuilder()
                .setId(o.getId())
                .setName(o.getName())
                .setType(o.getType())
                .setCountry(o.getCountry())
                .setCity(o.getCity())
                .build();
    }

    private static ProgrammeRef programmeRef(Programme p) {
        return ProgrammeRef.newBuilder()
                .setId(p.getId())
                .setName(p.getName())
                .setShortName(p.getShortName())
                .setPeriodStart(p.getPeriodStart())
                .setPeriodEnd(p.getPeriodEnd())
                .setBudgetEur(p.getBudgetEur())
                .build();
    }

    /** Roles in enum order (EnumSet), consortia sorted. */
    private static final class Involvement {
        final Set<ClusterRole> roles = EnumSet.noneOf(ClusterRole.class);
        final Set<String> viaConsortia = new TreeSet<>();
    }
}
