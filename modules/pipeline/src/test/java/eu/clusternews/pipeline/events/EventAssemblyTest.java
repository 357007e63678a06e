package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** An event is a merge of its reports: any order and any grouping of the merges give the same event. */
class EventAssemblyTest {

    private static final String[] CITIES = {"Berlin", "Berlín", "BERLIN", "Wien", null};
    private static final String[] COUNTRIES = {"DE", "AT", null};
    private static final String[] LANGUAGES = {"de", "en", "es", null};

    @Property(tries = 300)
    void anyOrderAndGroupingOfMergesGivesTheSameEvent(
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        List<EventReport> reports = randomReports(size, new Random(seed));
        ClusterEvent inOrder = EventAssembly.assemble(reports);

        List<EventReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(seed + 1));
        int cut = new Random(seed + 2).nextInt(size);
        ClusterEvent grouped = cut == 0
                ? EventAssembly.assemble(shuffled)
                : EventAssembly.merge(
                        EventAssembly.assemble(shuffled.subList(cut, size)),
                        EventAssembly.assemble(shuffled.subList(0, cut)));

        assertThat(grouped).isEqualTo(inOrder);
        assertThat(inOrder.getReportCount()).isEqualTo(size);
        assertThat(inOrder.getReports()).hasSize(Math.min(size, EventAssembly.MAX_LISTED_REPORTS));
    }

    /** Reports' ids come in any order and with repeats; an event of two or more reports lists them sorted, once. */
    @Property(tries = 300)
    void anEventOfSeveralReportsListsTheSortedUnionOfTheirIds(@ForAll("severalReports") List<EventReport> reports) {
        ClusterEvent event = EventAssembly.assemble(reports);

        assertThat(event.getConsortiumIds())
                .containsExactlyElementsOf(sortedUnion(reports, EventReport::getConsortiumIds));
        assertThat(event.getClusterIds()).containsExactlyElementsOf(sortedUnion(reports, EventReport::getClusterIds));
        assertThat(event.getProgrammeIds())
                .containsExactlyElementsOf(sortedUnion(reports, EventReport::getProgrammeIds));
    }

    @Provide
    Arbitrary<List<EventReport>> severalReports() {
        return EventArbitraries.reports().list().ofMinSize(2).ofMaxSize(6);
    }

    private static TreeSet<String> sortedUnion(List<EventReport> reports, Function<EventReport, List<String>> ids) {
        TreeSet<String> union = new TreeSet<>();
        reports.forEach(r -> union.addAll(ids.apply(r)));
        return union;
    }

    @Property(tries = 300)
    void reportsAreListedOldestFirstUndatedLastTiesByNewsId(
            @ForAll @IntRange(min = 0, max = 8) int first, @ForAll @IntRange(min = 0, max = 8) int second) {
        EventReport a = reportPublished(first);
        EventReport b = reportPublished(second);
        Comparator<EventReport> composed = Comparator.comparing(
                        EventReport::getPublishedAt, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(EventReport::getNewsId);

        assertThat(Integer.signum(EventAssembly.REPORT_ORDER.compare(a, b)))
                .isEqualTo(Integer.signum(composed.compare(a, b)));
    }

    /** Three days or none, two news ids: every case of the order, ties included. */
    private static EventReport reportPublished(int choice) {
        LocalDate published = choice % 3 == 0 ? null : LocalDate.of(2024, 1, choice % 3);
        return dated(choice < 4 ? "news-a" : "news-b", choice == 8 ? LocalDate.of(2024, 1, 1) : published);
    }

    @Test
    void takesTheMostReportedKindCityAndSpellingAndTheSmallestNewsIdAsItsId() {
        ClusterEvent event = EventAssembly.assemble(List.of(
                report("news:c", NewsKind.TRAINING, "Berlin", "DE"),
                report("news:a", NewsKind.OTHER, "Berlín", "DE"),
                report("news:b", NewsKind.TRAINING, "Berlin", null),
                report("news:d", NewsKind.MEETING, "Wien", "AT")));

        assertThat(event.getId()).isEqualTo("evt:news:a");
        assertThat(event.getKind()).isEqualTo(NewsKind.TRAINING);
        assertThat(event.getLocation().getCity()).isEqualTo("Berlin");
        assertThat(event.getLocation().getCountry()).isEqualTo("DE");
        assertThat(event.getReportCount()).isEqualTo(4);
    }

    @Test
    void aReportThatComesAfterAFullListLeavesTheListTheSameObjectAndAnEarlierOneEntersIt() {
        List<EventReport> twenty = new ArrayList<>();
        for (int day = 1; day <= EventAssembly.MAX_LISTED_REPORTS; day++) {
            twenty.add(dated("news:" + day, LocalDate.of(2017, 5, day)));
        }
        ClusterEvent full = EventAssembly.assemble(twenty);

        ClusterEvent later = EventAssembly.merge(full, EventAssembly.of(dated("news:z", LocalDate.of(2017, 6, 1))));
        ClusterEvent earlier = EventAssembly.merge(full, EventAssembly.of(dated("news:0", LocalDate.of(2017, 4, 1))));

        assertThat(later.getReports()).isSameAs(full.getReports());
        assertThat(later.getReportCount()).isEqualTo(21);
        assertThat(earlier.getReports()).isNotSameAs(full.getReports());
        assertThat(earlier.getReports().get(0).getNewsId()).isEqualTo("news:0");
        assertThat(earlier.getReports())
                .hasSize(EventAssembly.MAX_LISTED_REPORTS)
                .doesNotContain(twenty.get(19));
        assertThatThrownBy(() -> later.getReports().add(twenty.get(0)))
                .as("listed reports are never changed in place")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMergedListCarriesTheBinariesWrittenForItsReportsAndTheEventEncodesAsAPlainOneDoes() {
        InternalAvroSerde<ClusterEvent> serde = InternalAvroSerde.of(ClusterEvent.class);
        List<EventReport> twenty = new ArrayList<>();
        for (int day = 1; day <= EventAssembly.MAX_LISTED_REPORTS; day++) {
            twenty.add(dated("news:" + day, LocalDate.of(2017, 5, day)));
        }
        ClusterEvent full = EventAssembly.assemble(twenty);
        serde.serialize("events", full); // the write-back at a commit: keeps each listed report's binary
        ListedReports written = (ListedReports) full.getReports();

        ClusterEvent earlier = EventAssembly.merge(full, EventAssembly.of(dated("news:0", LocalDate.of(2017, 4, 1))));
        ListedReports merged = (ListedReports) earlier.getReports();

        Schema reportSchema =
                ClusterEvent.getClassSchema().getField("reports").schema().getElementType();
        assertThat(written.binary(0, reportSchema))
                .as("kept for the serde's schema")
                .isNotNull();
        assertThat(merged.binary(0, reportSchema))
                .as("the new report is not written yet")
                .isNull();
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.binary(i, reportSchema)).isSameAs(written.binary(i - 1, reportSchema));
        }
        ClusterEvent plain = ClusterEvent.newBuilder(earlier)
                .setReports(new ArrayList<>(earlier.getReports()))
                .build();
        assertThat(serde.serialize("events", earlier)).isEqualTo(serde.serialize("events", plain));
        assertThat(serde.deserialize("events", serde.serialize("events", earlier)))
                .isEqualTo(earlier);
    }

    private static EventReport dated(String id, LocalDate published) {
        return EventReport.newBuilder()
                .setNewsId(id)
                .setTitle(id)
                .setPublishedAt(published)
                .setKind(NewsKind.TRAINING)
                .build();
    }

    private static List<EventReport> randomReports(int size, Random random) {
        List<EventReport> reports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LocalDate start = random.nextInt(3) == 0 ? null : LocalDate.of(2017, 4, 20 + random.nextInt(8));
            EventReport.Builder r = EventReport.newBuilder()
                    .setNewsId("news:" + random.nextInt(1_000_000) + "-" + i)
                    .setTitle("report " + i)
                    .setLanguage(LANGUAGES[random.nextInt(LANGUAGES.length)])
                    .setPublishedAt(random.nextInt(4) == 0 ? null : LocalDate.of(2017, 5, 1 + random.nextInt(28)))
                    .setKind(NewsKind.values()[random.nextInt(NewsKind.values().length)])
                    .setEventStart(start)
                    .setEventEnd(start == null ? null : start.plusDays(random.nextInt(4)))
                    .setConsortiumIds(random.nextBoolean() ? List.of("cons:inno-drop") : List.of("cons:clusgrid"))
                    .setClusterIds(List.of("org:c" + random.nextInt(5)))
                    .setProgrammeIds(List.of());
            String city = CITIES[random.nextInt(CITIES.length)];
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            if (city != null || country != null) {
                r.setLocation(
                        Location.newBuilder().setCity(city).setCountry(country).build());
            }
            reports.add(r.build());
        }
        return reports;
    }

    private static EventReport report(String id, NewsKind kind, String city, String country) {
        return EventReport.newBuilder()
                .setNewsId(id)
                .setTitle(id)
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setKind(kind)
                .setLocation(
                        Location.newBuilder().setCity(city).setCountry(country).build())
                .build();
    }
}
