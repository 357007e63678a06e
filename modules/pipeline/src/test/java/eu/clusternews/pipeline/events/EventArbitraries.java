package eu.clusternews.pipeline.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Any event report and any event, for the layout properties: any text, dates, optional fields left out. */
final class EventArbitraries {

    private EventArbitraries() {}

    static Arbitrary<EventReport> reports() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30); // any code points, surrogate pairs included
        Arbitrary<String> nullableText = text.injectNull(0.3);
        Arbitrary<LocalDate> dates = dates();
        Arbitrary<List<String>> lists = text.list().ofMaxSize(4);
        Arbitrary<Location> locations = locations(nullableText);
        Arbitrary<EventReport.Builder> texts = Combinators.combine(text, text, nullableText, nullableText, nullableText)
                .as((newsId, title, language, publisher, url) -> EventReport.newBuilder()
                        .setNewsId(newsId)
                        .setTitle(title)
                        .setLanguage(language)
                        .setPublisherId(publisher)
                        .setUrl(url));
        return Combinators.combine(
                        texts,
                        dates,
                        Arbitraries.of(NewsKind.class),
                        dates,
                        dates,
                        locations,
                        Combinators.combine(lists, lists, lists).as(List::of))
                .as((builder, published, kind, start, end, location, ids) -> builder.setPublishedAt(published)
                        .setKind(kind)
                        .setEventStart(start)
                        .setEventEnd(end)
                        .setLocation(location)
                        .setConsortiumIds(ids.get(0))
                        .setClusterIds(ids.get(1))
                        .setProgrammeIds(ids.get(2))
                        .build());
    }

    /** Any event, its vote maps sorted or not, its reports any reports. */
    static Arbitrary<ClusterEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20);
        Arbitrary<LocalDate> dates = dates();
        Arbitrary<List<String>> lists = text.list().ofMaxSize(4);
        Arbitrary<Map<String, Long>> votes = Arbitraries.maps(text, Arbitraries.longs())
                .ofMaxSize(4)
                .flatMap(map -> Arbitraries.of(true, false).map(sorted -> sorted ? new TreeMap<>(map) : map));
        Arbitrary<Location> locations = locations(text.injectNull(0.3));
        Arbitrary<ClusterEvent.Builder> head = Combinators.combine(
                        text, Arbitraries.of(NewsKind.class), votes, dates, dates, locations, votes)
                .as((id, kind, kindVotes, start, end, location, placeVotes) -> ClusterEvent.newBuilder()
                        .setId(id)
                        .setKind(kind)
                        .setKindVotes(kindVotes)
                        .setStart(start)
                        .setEnd(end)
                        .setLocation(location)
                        .setPlaceVotes(placeVotes));
        return Combinators.combine(
                        head,
                        Combinators.combine(lists, lists, lists, lists).as(List::of),
                        dates,
                        dates,
                        Arbitraries.longs(),
                        reports().list().ofMaxSize(5))
                .as((builder, ids, first, last, count, reports) -> builder.setConsortiumIds(ids.get(0))
                        .setClusterIds(ids.get(1))
                        .setProgrammeIds(ids.get(2))
                        .setLanguages(ids.get(3))
                        .setFirstReportedAt(first)
                        .setLastReportedAt(last)
                        .setReportCount(count)
                        .setReports(reports)
                        .build());
    }

    /** Any day from 1887 to 2189, or none. */
    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers()
                .between(-30_000, 80_000)
                .map(LocalDate::ofEpochDay)
                .injectNull(0.3);
    }

    private static Arbitrary<Location> locations(Arbitrary<String> nullableText) {
        return Combinators.combine(nullableText, nullableText).as(Location::new).injectNull(0.4);
    }
}
