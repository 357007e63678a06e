package eu.clusternews.pipeline.events;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.aggregate.Activity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.events.EventOutput.Target;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Places each report in its event: looks up the reports filed under its {@link EventMatching#blockKeys blocking
 * keys}, keeps those that {@link EventMatching#sameEvent match}, and merges their events and the new report into
 * one. Sends the event, a tombstone for every event id that the merge replaced, and the change of each involved
 * entity's event count.
 *
 * <p>Runs on the single partition of the event-reports topic, so that all reports meet; the work per report is
 * bounded by its keys and the size of the events it joins, never a scan. Everything it knows is in four logged
 * stores, written in the same task as its outputs: exactly-once holds across a crash.
 */
public final class EventMatchProcessor implements Processor<String, EventReport, String, EventOutput> {

    private final Stores names;
    private ProcessorContext<String, EventOutput> context;
    private KeyValueStore<String, EventReport> reports;
    private KeyValueStore<String, String> blocks;
    private KeyValueStore<String, String> reportEvents;
    private KeyValueStore<String, ClusterEvent> events;

    /** The store names the processor uses. */
    public record Stores(String reports, String blocks, String reportEvents, String events) {}

    public EventMatchProcessor(Stores names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, EventOutput> context) {
        this.context = context;
        reports = context.getStateStore(names.reports());
        blocks = context.getStateStore(names.blocks());
        reportEvents = context.getStateStore(names.reportEvents());
        events = context.getStateStore(names.events());
    }

    @Override
    public void process(Record<String, EventReport> record) {
        EventReport report = record.value();
        if (report == null || reports.get(report.getNewsId()) != null) {
            return; // a news reaches matching once (dedupe); a second copy would change nothing
        }
        reports.put(report.getNewsId(), report);

        Set<String> joined = new TreeSet<>();
        for (String key : EventMatching.blockKeys(report)) {
            String filed = blocks.get(key);
            if (filed != null) {
                for (String newsId : filed.split("\n")) {
                    if (EventMatching.sameEvent(report, reports.get(newsId))) {
                        joined.add(reportEvents.get(newsId));
                    }
                }
            }
            blocks.put(key, filed == null ? report.getNewsId() : filed + "\n" + report.getNewsId());
        }

        List<ClusterEvent> replaced = new ArrayList<>();
        Set<EventReport> members = new LinkedHashSet<>();
        members.add(report);
        for (String eventId : joined) {
            ClusterEvent event = events.get(eventId);
            replaced.add(event);
            members.addAll(event.getReports());
        }
        ClusterEvent merged = EventAssembly.assemble(members);

        for (ClusterEvent old : replaced) {
            if (!old.getId().equals(merged.getId())) {
                events.delete(old.getId());
                context.forward(record.withKey(old.getId()).withValue(EventOutput.tombstone()));
            }
        }
        events.put(merged.getId(), merged);
        for (EventReport member : members) {
            if (!merged.getId().equals(reportEvents.get(member.getNewsId()))) {
                reportEvents.put(member.getNewsId(), merged.getId());
            }
        }
        context.forward(record.withKey(merged.getId()).withValue(EventOutput.event(merged)));

        forwardCountChanges(
                record, replaced, merged, Target.CLUSTERS, ActivityKind.CLUSTER, ClusterEvent::getClusterIds);
        forwardCountChanges(
                record, replaced, merged, Target.CONSORTIA, ActivityKind.CONSORTIUM, ClusterEvent::getConsortiumIds);
        forwardCountChanges(
                record, replaced, merged, Target.PROGRAMMES, ActivityKind.PROGRAMME, ClusterEvent::getProgrammeIds);
    }

    /** Each entity of the kind counts the merged event once and the events it replaced no more. */
    private void forwardCountChanges(
            Record<String, EventReport> record,
            List<ClusterEvent> replaced,
            ClusterEvent merged,
            Target target,
            ActivityKind<?> kind,
            Function<ClusterEvent, List<String>> entities) {
        Map<String, Activity> changes = new HashMap<>();
        for (ClusterEvent old : replaced) {
            YearMonth month = EventAssembly.month(old);
            for (String id : entities.apply(old)) {
                changes.computeIfAbsent(id, k -> new Activity()).addEvents(-1, month == null ? null : month.atDay(1));
            }
        }
        YearMonth month = EventAssembly.month(merged);
        for (String id : entities.apply(merged)) {
            changes.computeIfAbsent(id, k -> new Activity()).addEvents(1, month == null ? null : month.atDay(1));
        }
        new TreeSet<>(changes.keySet()).forEach(id -> {
            Activity change = changes.get(id);
            if (!change.isEmpty()) {
                context.forward(record.withKey(id).withValue(new EventOutput(target, kind.write(id, change))));
            }
        });
    }
}
