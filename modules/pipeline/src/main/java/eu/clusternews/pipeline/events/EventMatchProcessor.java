package eu.clusternews.pipeline.events;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.aggregate.Activity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.events.EventMatching.Facts;
import eu.clusternews.pipeline.events.EventOutput.Target;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Places each report in its event: reads the entries filed under its {@link EventMatching#blockKeys blocking keys},
 * keeps the events of those that {@link EventMatching#sameEvent match}, and merges those events and the new report
 * into one ({@link EventAssembly#merge}). Sends the event, a tombstone for every event id the merge replaced, and
 * the change of each involved entity's event count.
 *
 * <p>A block holds each distinct {@link Facts} once per event (reports with equal facts match the same reports), as
 * lines {@code eventId TAB facts}; ids of events merged away are resolved through the redirects store and rewritten
 * when the block is next written. So the work per report is bounded by its keys and the distinct facts filed under
 * them, never by the number of reports an event has, and never a scan. It runs on the single partition of the
 * event-reports topic, so that all reports meet; all it knows is in logged stores written in the same task as its
 * outputs, so exactly-once holds across a crash.
 */
public final class EventMatchProcessor implements Processor<String, EventReport, String, EventOutput> {

    private final Stores names;
    private ProcessorContext<String, EventOutput> context;
    private KeyValueStore<String, String> reportEvents;
    private KeyValueStore<String, String> blocks;
    private KeyValueStore<String, String> redirects;
    private KeyValueStore<String, ClusterEvent> events;

    /** The store names the processor uses. */
    public record Stores(String reportEvents, String blocks, String redirects, String events) {}

    public EventMatchProcessor(Stores names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, EventOutput> context) {
        this.context = context;
        reportEvents = context.getStateStore(names.reportEvents());
        blocks = context.getStateStore(names.blocks());
        redirects = context.getStateStore(names.redirects());
        events = context.getStateStore(names.events());
    }

    @Override
    public void process(Record<String, EventReport> record) {
        EventReport report = record.value();
        if (report == null || reportEvents.get(report.getNewsId()) != null) {
            return; // a news reaches matching once (dedupe); a second copy would change nothing
        }
        Facts facts = Facts.of(report);
        Map<String, Map<String, String>> filed = new LinkedHashMap<>(); // key → (facts line → live event id)
        Set<String> joined = new TreeSet<>();
        if (facts != null) {
            for (String key : EventMatching.blockKeys(facts)) {
                Map<String, String> entries = read(key);
                entries.forEach((line, eventId) -> {
                    if (EventMatching.sameEvent(facts, Facts.decode(line.split("\t", -1), 0))) {
                        joined.add(eventId);
                    }
                });
                filed.put(key, entries);
            }
        }

        ClusterEvent merged = EventAssembly.of(report);
        List<ClusterEvent> replaced = new ArrayList<>();
        for (String eventId : joined) {
            ClusterEvent event = events.get(eventId);
            replaced.add(event);
            merged = EventAssembly.merge(merged, event);
        }
        String mergedId = merged.getId();
        for (ClusterEvent old : replaced) {
            if (!old.getId().equals(mergedId)) {
                events.delete(old.getId());
                redirects.put(old.getId(), mergedId);
                context.forward(record.withKey(old.getId()).withValue(EventOutput.tombstone()));
            }
        }
        events.put(mergedId, merged);
        reportEvents.put(report.getNewsId(), mergedId);
        if (facts != null) {
            String line = facts.encode();
            filed.forEach((key, entries) -> {
                entries.replaceAll((l, eventId) -> joined.contains(eventId) ? mergedId : eventId);
                entries.putIfAbsent(line, mergedId);
                write(key, entries);
            });
        }
        context.forward(record.withKey(mergedId).withValue(EventOutput.event(merged)));

        forwardCountChanges(
                record, replaced, merged, Target.CLUSTERS, ActivityKind.CLUSTER, ClusterEvent::getClusterIds);
        forwardCountChanges(
                record, replaced, merged, Target.CONSORTIA, ActivityKind.CONSORTIUM, ClusterEvent::getConsortiumIds);
        forwardCountChanges(
                record, replaced, merged, Target.PROGRAMMES, ActivityKind.PROGRAMME, ClusterEvent::getProgrammeIds);
    }

    /**
     * The block's entries, facts line → the live id of its event. Lines are unique per block: equal facts of two
     * events mean both events match each other's reports, so they are one event already.
     */
    private Map<String, String> read(String key) {
        Map<String, String> entries = new LinkedHashMap<>();
        String block = blocks.get(key);
        if (block != null) {
            for (String entry : block.split("\n")) {
                int tab = entry.indexOf('\t');
                entries.put(entry.substring(tab + 1), live(entry.substring(0, tab)));
            }
        }
        return entries;
    }

    private void write(String key, Map<String, String> entries) {
        StringBuilder block = new StringBuilder();
        entries.forEach((line, eventId) -> {
            if (!block.isEmpty()) {
                block.append('\n');
            }
            block.append(eventId).append('\t').append(line);
        });
        blocks.put(key, block.toString());
    }

    /** The id an event has now: follows the redirects of merges (chains are short: each hop was a merge). */
    private String live(String eventId) {
        String id = eventId;
        for (String next = redirects.get(id); next != null; next = redirects.get(id)) {
            id = next;
        }
        return id;
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
        for (String id : new TreeSet<>(changes.keySet())) {
            Activity change = changes.get(id);
            if (!change.isEmpty()) {
                context.forward(record.withKey(id).withValue(new EventOutput(target, kind.write(id, change))));
            }
        }
    }
}
