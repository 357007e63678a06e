package eu.clusternews.pipeline.events;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.aggregate.Activity;
import eu.clusternews.pipeline.aggregate.ActivityKind;
import eu.clusternews.pipeline.commit.CaughtUpCommits;
import eu.clusternews.pipeline.events.EventBlock.Filed;
import eu.clusternews.pipeline.events.EventMatching.Facts;
import eu.clusternews.pipeline.events.EventOutput.Target;
import eu.clusternews.pipeline.state.WriteBackStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

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
 * event-reports topic, so that all reports meet.
 *
 * <p>A news reaches matching once: the dedupe before the repartition lets each news id through once, and under
 * exactly-once the hop delivers each report once; under at-least-once a report replayed after a crash counts again,
 * like the news' partials. (Earlier builds guarded against a second copy with a store of matched news ids: its lookup
 * always missed, and it cost every report a RocksDB read, a write and a changelog record.)
 *
 * <p>All three stores are {@link WriteBackStore}s: events and blocks stay decoded between reports, and each changed
 * key is encoded, logged and (for events) sent to cluster-events once per commit, inside the transaction that
 * commits the reports' offsets — so exactly-once holds across a crash, and an event that many reports join between
 * two commits is encoded and sent once, not once per report. The event-count changes are forwarded as they happen,
 * to the aggregates in the same task, whose write-back stores sum them until the commit like everything else.
 */
public final class EventMatchProcessor implements Processor<String, ReadReport, String, EventOutput> {

    private final Stores names;
    private ProcessorContext<String, EventOutput> context;
    private WriteBackStore<EventBlock, String> blocks;
    private WriteBackStore<String, String> redirects;
    private WriteBackStore<ClusterEvent, ClusterEvent> events;
    private CaughtUpCommits commits;

    /** The names of the three write-back stores the processor uses. */
    public record Stores(String blocks, String redirects, String events) {

        /** Every name, to connect the stores to the processor. */
        public String[] all() {
            return new String[] {blocks, redirects, events};
        }
    }

    public EventMatchProcessor(Stores names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, EventOutput> context) {
        this.context = context;
        blocks = context.getStateStore(names.blocks());
        redirects = context.getStateStore(names.redirects());
        events = context.getStateStore(names.events());
        // events reach cluster-events when written back: once per event and commit, in the bytes written for the
        // changelog (framed for the topic, not encoded again); no value is a merged event's tombstone
        events.attach(
                context, written -> written.value() == null ? EventOutput.tombstone() : EventOutput.event(written));
        commits = CaughtUpCommits.of(context);
    }

    @Override
    public void process(Record<String, ReadReport> record) {
        commits.processed();
        if (record.value() == null || record.value().report() == null) {
            return;
        }
        EventReport report = record.value().report();
        long timestamp = record.timestamp();
        Facts facts = Facts.of(report);
        Map<String, EventBlock> filed = new TreeMap<>(); // blocking key → its block, ids made live
        Set<String> joined = new TreeSet<>();
        if (facts != null) {
            for (String key : EventMatching.blockKeys(facts)) {
                EventBlock block = blocks.current(key);
                block = block == null ? new EventBlock() : block;
                for (Filed entry : block.entries()) {
                    // following the redirects of every entry of every block at every report was 2 % of a
                    // rebuild's stream thread: only when a redirect was written since the entry was last followed
                    if (entry.liveAsOf != redirects.version()) {
                        entry.eventId = live(entry.eventId);
                        entry.liveAsOf = redirects.version();
                    }
                    if (EventMatching.sameEvent(facts, entry.facts)) {
                        joined.add(entry.eventId);
                    }
                }
                filed.put(key, block);
            }
        }

        ClusterEvent merged = EventAssembly.of(report, record.value().binary());
        List<ClusterEvent> replaced = new ArrayList<>();
        for (String eventId : joined) {
            ClusterEvent event = events.current(eventId);
            replaced.add(event);
            merged = EventAssembly.merge(merged, event);
        }
        String mergedId = merged.getId();
        for (ClusterEvent old : replaced) {
            if (!old.getId().equals(mergedId)) {
                events.delete(old.getId(), timestamp);
                redirects.put(old.getId(), mergedId, timestamp);
            }
        }
        events.put(mergedId, merged, timestamp);
        filed.forEach((key, block) -> {
            boolean changed = false;
            for (Filed entry : block.entries()) {
                if (joined.contains(entry.eventId) && !entry.eventId.equals(mergedId)) {
                    entry.eventId = mergedId;
                    changed = true;
                }
            }
            changed |= block.fileIfAbsent(facts, mergedId);
            // a report whose facts are filed already, for the event it joined, leaves its blocks as stored: written
            // back anyway, every busy block was encoded, put and logged again at every commit. (Ids the redirects
            // resolved while reading are not a change: the stored ones lead to the same events.)
            if (changed) {
                blocks.put(key, block, timestamp);
            }
        });

        countChanges(record, replaced, merged, Target.CLUSTERS, ActivityKind.CLUSTER, ClusterEvent::getClusterIds);
        countChanges(
                record, replaced, merged, Target.CONSORTIA, ActivityKind.CONSORTIUM, ClusterEvent::getConsortiumIds);
        countChanges(
                record, replaced, merged, Target.PROGRAMMES, ActivityKind.PROGRAMME, ClusterEvent::getProgrammeIds);
    }

    /** The id an event has now: follows the redirects of merges (chains are short: each hop was a merge). */
    private String live(String eventId) {
        String id = eventId;
        for (String next = redirects.current(id); next != null; next = redirects.current(id)) {
            id = next;
        }
        return id;
    }

    /**
     * Each entity of the kind counts the merged event once and the events it replaced no more: the changes go to the
     * kind's aggregate now, in this task (ClusterNewsTopology.CORE_PARTITIONS), whose write-back store sums them until
     * the commit; so nothing of them is held outside a store when a commit happens.
     */
    private void countChanges(
            Record<String, ReadReport> report,
            List<ClusterEvent> replaced,
            ClusterEvent merged,
            Target target,
            ActivityKind<?> kind,
            Function<ClusterEvent, List<String>> entities) {
        if (replaced.size() == 1
                && entities.apply(replaced.get(0)).equals(entities.apply(merged))
                && Objects.equals(EventAssembly.month(replaced.get(0)), EventAssembly.month(merged))) {
            return; // a report joined one event and moved neither its month nor its entities: no count changes
        }
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
        changes.forEach((id, change) -> {
            if (!change.isEmpty()) {
                context.forward(report.withKey(id).withValue(EventOutput.countChange(target, kind.write(id, change))));
            }
        });
    }
}
