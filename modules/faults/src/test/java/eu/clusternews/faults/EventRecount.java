package eu.clusternews.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.events.EventAssembly;
import eu.clusternews.pipeline.events.EventMatching;

/**
 * What cluster-events must hold, computed in memory without Kafka and without the pipeline's incremental merging:
 * the events are the connected components of the "same event" relation over all reports (union-find over the pairs
 * that share a blocking key), each assembled by the pipeline's pure {@link EventAssembly}.
 */
final class EventRecount {

    private EventRecount() {}

    static Map<String, ClusterEvent> of(List<EventReport> reports) {
        int[] parent = new int[reports.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            EventMatching.Facts facts = EventMatching.Facts.of(reports.get(i));
            if (facts == null) {
                continue; // neither event nor publication date: it matches nothing, an event of its own
            }
            for (String key : EventMatching.blockKeys(facts)) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> block : blocks.values()) {
            for (int a = 0; a < block.size(); a++) {
                for (int b = a + 1; b < block.size(); b++) {
                    int i = block.get(a);
                    int j = block.get(b);
                    if (EventMatching.sameEvent(reports.get(i), reports.get(j))) {
                        parent[root(parent, i)] = root(parent, j);
                    }
                }
            }
        }
        Map<Integer, List<EventReport>> components = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            components.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        }
        Map<String, ClusterEvent> events = new TreeMap<>();
        for (List<EventReport> component : components.values()) {
            ClusterEvent event = EventAssembly.assemble(component);
            events.put(event.getId(), event);
        }
        return events;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
