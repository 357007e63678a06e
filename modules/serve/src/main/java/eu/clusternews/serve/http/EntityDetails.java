package eu.clusternews.serve.http;

import static eu.clusternews.serve.http.Answers.optional;
import static eu.clusternews.serve.http.Answers.require;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.serve.http.Answers.NotFoundException;
import eu.clusternews.serve.http.Views.ClusterDetailView;
import eu.clusternews.serve.http.Views.ConsortiumView;
import eu.clusternews.serve.http.Views.EventView;
import eu.clusternews.serve.http.Views.MemberView;
import eu.clusternews.serve.http.Views.ProgrammeSummary;
import eu.clusternews.serve.http.Views.ProgrammeView;
import eu.clusternews.serve.query.ActivityKind;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.EventQuery;
import eu.clusternews.serve.query.QueryResult;

/**
 * Assembles the detail views of a cluster, a consortium and a programme from activity aggregates and
 * reference data. An entity is known when either its activity or its reference data exists. Each detail lists the
 * entity's newest events ({@value EventQuery#DETAIL_LIMIT} at most); a consortium listed inside another answer does
 * not ({@code events} is null there), so a listing never reads the events store once per consortium.
 */
final class EntityDetails {

    /** Programme chains are short (Cluster Excellence → COSME); this only guards against a cycle in bad data. */
    private static final int MAX_PROGRAMME_DEPTH = 10;

    private final ActivityQueries queries;

    EntityDetails(ActivityQueries queries) {
        this.queries = queries;
    }

    ClusterDetailView cluster(String clusterId) {
        ClusterActivity activity = require(queries.activity(ActivityKind.CLUSTER, clusterId));
        Organisation organisation = optional(queries.organisationReference(clusterId));
        Set<String> consortiumIds = new TreeSet<>(activity.getConsortiumIds());
        for (Consortium consortium : require(queries.allConsortiumReferences())) {
            if (consortium.getMembers().stream()
                    .anyMatch(m -> m.getOrganisationId().equals(clusterId))) {
                consortiumIds.add(consortium.getId());
            }
        }
        List<ConsortiumView> consortia = new ArrayList<>();
        for (String consortiumId : consortiumIds) {
            consortiumOrNull(consortiumId, false).ifPresent(consortia::add);
        }
        return new ClusterDetailView(
                Views.cluster(activity),
                organisation == null ? null : Views.organisation(organisation),
                Views.timeline(activity.getCountsByMonth()),
                Views.headlines(activity.getRecentHeadlines()),
                events(EventQuery.ofCluster(clusterId)),
                consortia);
    }

    /** A consortium with its events, as {@code /api/consortia/{id}} answers it. */
    ConsortiumView consortium(String consortiumId) {
        return consortiumOrNull(consortiumId, true)
                .orElseThrow(() -> new NotFoundException("no consortium with id '" + consortiumId + "'"));
    }

    /** A consortium without its events, as listings show it. */
    ConsortiumView consortiumListed(String consortiumId) {
        return consortiumOrNull(consortiumId, false)
                .orElseThrow(() -> new NotFoundException("no consortium with id '" + consortiumId + "'"));
    }

    private java.util.Optional<ConsortiumView> consortiumOrNull(String consortiumId, boolean withEvents) {
        Consortium reference = optional(queries.consortiumReference(consortiumId));
        ConsortiumActivity activity = optional(queries.activity(ActivityKind.CONSORTIUM, consortiumId));
        if (reference == null && activity == null) {
            return java.util.Optional.empty();
        }
        if (reference == null) {
            // known from news only: a consortium the reference data does not describe
            reference = Consortium.newBuilder()
                    .setId(consortiumId)
                    .setAcronym(activity.getName() == null ? consortiumId : activity.getName())
                    .setProgrammeId(activity.getProgrammeId())
                    .build();
        }
        List<MemberView> members = new ArrayList<>();
        for (Member member : reference.getMembers()) {
            members.add(Views.member(member, optional(queries.organisationReference(member.getOrganisationId()))));
        }
        return java.util.Optional.of(Views.consortium(
                reference,
                programmeChain(reference.getProgrammeId()),
                members,
                activity == null ? null : Views.activity(activity),
                withEvents ? events(EventQuery.ofConsortium(consortiumId)) : null));
    }

    ProgrammeView programme(String programmeId) {
        Programme reference = optional(queries.programmeReference(programmeId));
        ProgrammeActivity activity = optional(queries.activity(ActivityKind.PROGRAMME, programmeId));
        if (reference == null && activity == null) {
            throw new NotFoundException("no programme with id '" + programmeId + "'");
        }
        List<String> funded = require(queries.allConsortiumReferences()).stream()
                .filter(c -> programmeId.equals(c.getProgrammeId()))
                .map(Consortium::getId)
                .sorted()
                .toList();
        Views.ActivityView activityView = activity == null ? null : Views.activity(activity);
        if (reference == null) {
            return new ProgrammeView(
                    programmeId,
                    activity.getName(),
                    null,
                    null,
                    activity.getParentId(),
                    programmeChain(activity.getParentId()),
                    null,
                    null,
                    null,
                    null,
                    funded,
                    activityView,
                    events(EventQuery.ofProgramme(programmeId)));
        }
        return new ProgrammeView(
                reference.getId(),
                reference.getName(),
                reference.getShortName(),
                reference.getType(),
                reference.getParentId(),
                programmeChain(reference.getParentId()),
                Views.iso(reference.getPeriodStart()),
                Views.iso(reference.getPeriodEnd()),
                reference.getBudgetEur(),
                reference.getSuccessorId(),
                funded,
                activityView,
                events(EventQuery.ofProgramme(programmeId)));
    }

    /** The events of a query as views, each report's publisher named when the reference data knows it. */
    List<EventView> events(EventQuery query) {
        return views(require(queries.events(query)));
    }

    /** One event as a view (404 when unknown). */
    EventView event(String eventId) {
        return views(List.of(require(queries.event(eventId)))).get(0);
    }

    private List<EventView> views(List<ClusterEvent> events) {
        Map<String, String> publisherNames = new java.util.HashMap<>();
        for (ClusterEvent event : events) {
            for (var report : event.getReports()) {
                String publisherId = report.getPublisherId();
                if (publisherId != null && !publisherNames.containsKey(publisherId)) {
                    Organisation publisher = optional(queries.organisationReference(publisherId));
                    publisherNames.put(publisherId, publisher == null ? null : publisher.getName());
                }
            }
        }
        return events.stream().map(e -> Views.event(e, publisherNames)).toList();
    }

    /** The programme and its parents, nearest first; programmes the reference data does not know end the chain. */
    private List<ProgrammeSummary> programmeChain(String programmeId) {
        List<ProgrammeSummary> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = programmeId;
        while (next != null && seen.add(next) && chain.size() < MAX_PROGRAMME_DEPTH) {
            QueryResult<Programme> result = queries.programmeReference(next);
            Programme programme = optional(result);
            if (programme == null) {
                break;
            }
            chain.add(Views.programme(programme));
            next = programme.getParentId();
        }
        return chain;
    }
}
