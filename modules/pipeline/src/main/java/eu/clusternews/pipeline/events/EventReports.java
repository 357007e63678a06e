package eu.clusternews.pipeline.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.ProgrammeRef;
import eu.clusternews.pipeline.FanOut;

/** Which news report an event, and what each one says about it. */
public final class EventReports {

    /** The kinds that are happenings with a date and a place; other kinds are events only when they give a date. */
    static final Set<NewsKind> EVENT_KINDS =
            EnumSet.of(NewsKind.TRAINING, NewsKind.MEETING, NewsKind.CONFERENCE, NewsKind.STUDY_VISIT);

    private EventReports() {}

    /** The news as a report of an event, or empty when it reports none (a funding call, a label award, ...). */
    public static Optional<EventReport> of(EnrichedNews enriched) {
        NewsEvent news = enriched.getNews();
        if (!EVENT_KINDS.contains(news.getKind()) && news.getEventStart() == null) {
            return Optional.empty();
        }
        List<String> consortia = new ArrayList<>();
        for (EnrichedConsortium c : enriched.getConsortia()) {
            consortia.add(c.getId());
        }
        List<String> clusters = new ArrayList<>();
        for (ClusterInvolvement c : enriched.getClusters()) {
            clusters.add(c.getClusterId());
        }
        List<String> programmes = new ArrayList<>();
        for (ProgrammeRef p : enriched.getProgrammes()) {
            programmes.add(p.getId());
        }
        String url = news.getUrl();
        return Optional.of(EventReport.newBuilder()
                .setNewsId(news.getId())
                .setTitle(bounded(news.getTitle(), FanOut.MAX_HEADLINE_TITLE_CHARS))
                .setLanguage(news.getLanguage())
                .setPublisherId(news.getPublisherId())
                .setPublishedAt(news.getPublishedAt())
                .setUrl(url != null && url.length() <= FanOut.MAX_HEADLINE_URL_CHARS ? url : null)
                .setKind(news.getKind())
                .setEventStart(news.getEventStart())
                .setEventEnd(news.getEventStart() == null ? null : news.getEventEnd())
                .setLocation(news.getLocation())
                .setConsortiumIds(sortedDistinct(consortia))
                .setClusterIds(sortedDistinct(clusters))
                .setProgrammeIds(sortedDistinct(programmes))
                .build());
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static List<String> sortedDistinct(List<String> ids) {
        List<String> list = new ArrayList<>(new TreeSet<>(ids));
        return Collections.unmodifiableList(list);
    }
}
