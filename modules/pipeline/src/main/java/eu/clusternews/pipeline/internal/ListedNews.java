package eu.clusternews.pipeline.internal;

import java.util.ArrayList;
import java.util.List;

import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.ProgrammeRef;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * An enriched news as a news list shows it, which is what the enriched-news store keeps: without its body, and each
 * consortium with its id, acronym and funding programme only (a list shows no more of it; a consortium's own page reads
 * the reference data). The body is most of a news, and the consortia's titles, periods, budgets, members and parent
 * programmes were a third of what remained; every byte kept is copied into RocksDB, compressed into the changelog and
 * read by every news list.
 */
public final class ListedNews {

    private ListedNews() {}

    /** A shallow copy of {@code enriched} as listed: the parts kept are never changed, so none is copied deeply. */
    public static EnrichedNews of(EnrichedNews enriched) {
        NewsEvent news = shallowCopy(enriched.getNews(), new NewsEvent());
        news.setBody("");
        EnrichedNews copy = shallowCopy(enriched, new EnrichedNews());
        copy.setNews(news);
        copy.setConsortia(consortia(enriched.getConsortia()));
        return copy;
    }

    /** The consortia as {@link #of} keeps them. */
    static List<EnrichedConsortium> consortia(List<EnrichedConsortium> consortia) {
        List<EnrichedConsortium> listed = new ArrayList<>(consortia.size());
        for (EnrichedConsortium consortium : consortia) {
            List<ProgrammeRef> chain = consortium.getProgrammeChain();
            listed.add(EnrichedConsortium.newBuilder()
                    .setId(consortium.getId())
                    .setAcronym(consortium.getAcronym())
                    .setProgrammeChain(chain.isEmpty() ? List.of() : List.of(chain.get(0)))
                    .build());
        }
        return listed;
    }

    private static <R extends SpecificRecordBase> R shallowCopy(R from, R to) {
        for (int i = 0; i < from.getSchema().getFields().size(); i++) {
            to.put(i, from.get(i));
        }
        return to;
    }
}
