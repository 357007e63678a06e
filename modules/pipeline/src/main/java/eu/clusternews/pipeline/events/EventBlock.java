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
        /** The redirects' version when eventId was last found live: until it changes, eventId is live. */
        long liveAsOf;

        Filed(Facts facts, String eventId) {
            this.facts = facts;
            this.eventId = eventId;
        }
    }

    /**
     * facts → filed; facts are unique (equal facts of two events would have made them one event). Keyed by the facts,
     * not their stored line: a report files itself under every key of its block, nearly always facts already there,
     * and encoding them to look them up was 2 % of a rebuild's stream thread.
     */
    private final Map<Facts, Filed> entries = new LinkedHashMap<>();

    Collection<Filed> entries() {
        return entries.values();
    }

    /** Files {@code facts} for {@code eventId} unless equal facts are filed already; whether it filed them. */
    boolean fileIfAbsent(Facts facts, String eventId) {
        if (entries.containsKey(facts)) {
            return false;
        }
        entries.put(facts, new Filed(facts, eventId));
        return true;
    }

    /** Between a block and its stored lines. */
    public static final WriteBackStore.Codec<EventBlock, String> CODEC = new WriteBackStore.Codec<>() {
        @Override
        public EventBlock read(String stored) {
            EventBlock block = new EventBlock();
            for (String entry : stored.split("\n")) {
                int tab = entry.indexOf('\t');
                String line = entry.substring(tab + 1);
                Facts facts = Facts.decode(line.split("\t", -1), 0);
                block.entries.put(facts, new Filed(facts, entry.substring(0, tab)));
            }
            return block;
        }

        @Override
        public String write(String key, EventBlock block) {
            StringBuilder stored = new StringBuilder();
            block.entries.forEach((facts, filed) -> {
                if (!stored.isEmpty()) {
                    stored.append('\n');
                }
                stored.append(filed.eventId).append('\t').append(facts.encode());
            });
            return stored.toString();
        }
    };
}
