package eu.clusternews.pipeline.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.clusternews.pipeline.events.EventMatching.Facts;
import eu.clusternews.pipeline.state.WriteBackStore;

/**
 * The distinct {@link Facts} filed under one blocking key, each with the id of its event. Kept decoded in the
 * blocks' {@link WriteBackStore} so that a report compares parsed facts, and stored as lines
 * {@code eventId TAB facts}. An id may be one a merge has since replaced: readers follow the redirects.
 */
public final class EventBlock {

    /** One distinct fact set and the event it was filed for. */
    static final class Filed {
        final Facts facts;
        String eventId;

        Filed(Facts facts, String eventId) {
            this.facts = facts;
            this.eventId = eventId;
        }
    }

    /** facts line → filed; lines are unique (equal facts of two events would have made them one event). */
    private final Map<String, Filed> entries = new LinkedHashMap<>();

    Collection<Filed> entries() {
        return entries.values();
    }

    /** Files {@code facts} for {@code eventId} unless equal facts are filed already. */
    void fileIfAbsent(Facts facts, String eventId) {
        entries.putIfAbsent(facts.encode(), new Filed(facts, eventId));
    }

    /** Between a block and its stored lines. */
    public static final WriteBackStore.Codec<EventBlock, String> CODEC = new WriteBackStore.Codec<>() {
        @Override
        public EventBlock read(String stored) {
            EventBlock block = new EventBlock();
            for (String entry : stored.split("\n")) {
                int tab = entry.indexOf('\t');
                String line = entry.substring(tab + 1);
                block.entries.put(line, new Filed(Facts.decode(line.split("\t", -1), 0), entry.substring(0, tab)));
            }
            return block;
        }

        @Override
        public String write(String key, EventBlock block) {
            StringBuilder stored = new StringBuilder();
            block.entries.forEach((line, filed) -> {
                if (!stored.isEmpty()) {
                    stored.append('\n');
                }
                stored.append(filed.eventId).append('\t').append(line);
            });
            return stored.toString();
        }
    };
}
