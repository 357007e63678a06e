package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** match events: reports of one happening, in any language and order, become one event in cluster-events. */
class EventMatchingStepTest {

    private static final LocalDate APRIL_25 = LocalDate.of(2017, 4, 25);
    private static final LocalDate APRIL_28 = LocalDate.of(2017, 4, 28);

    /** The seed: the German report of the four-day training in Berlin, from INNO-DROP's side (and CLUSGRID's). */
    private static NewsEvent germanReport() {
        return NewsEvent.newBuilder(Fixtures.seedNews())
                .setEventStart(APRIL_25)
                .setEventEnd(APRIL_28)
                .setLocation(berlin())
                .build();
    }

    /** Another INNO-DROP cluster, in English, two weeks later, without the training's dates or place. */
    private static NewsEvent englishReportWithoutDate() {
        return trainingReportBy(
                        "org:nanoprogress", "cons:inno-drop", "news:en-2017-05-03", "en", LocalDate.of(2017, 5, 3))
                .setTitle("Nanoprogress joined the Cluster Excellence training of INNO-DROP")
                .build();
    }

    /** CLUSGRID's side, in Spanish, two months later: the days without the year (extraction resolved it). */
    private static NewsEvent spanishReportTwoMonthsLater() {
        return trainingReportBy("org:secpho", "cons:clusgrid", "news:es-2017-07-04", "es", LocalDate.of(2017, 7, 4))
                .setTitle("Formación en excelencia de clústeres en Berlín")
                .setEventStart(APRIL_25)
                .setEventEnd(APRIL_28)
                .setLocation(
                        Location.newBuilder().setCity("Berlín").setCountry("DE").build())
                .build();
    }

    /** A training report a cluster published about its consortium, naming only itself. */
    private static NewsEvent.Builder trainingReportBy(
            String publisherId, String consortiumId, String newsId, String language, LocalDate publishedAt) {
        return Fixtures.news(newsId)
                .setLanguage(language)
                .setPublishedAt(publishedAt)
                .setKind(NewsKind.TRAINING)
                .setPublisherId(publisherId)
                .setOrganisationIds(List.of(publisherId))
                .setConsortiumIds(List.of(consortiumId));
    }

    /** The seed's reference data and the German, English and Spanish reports of the Berlin training. */
    private static PipelineHarness withTheThreeReportsOfTheTraining() {
        PipelineHarness pipeline = new PipelineHarness().withSeedReference();
        pipeline.publish(germanReport());
        pipeline.publish(englishReportWithoutDate());
        pipeline.publish(spanishReportTwoMonthsLater());
        return pipeline;
    }

    @Test
    void threeReportsOfOneTrainingInThreeLanguagesAreOneEventWithThreeReports() {
        try (PipelineHarness pipeline = withTheThreeReportsOfTheTraining()) {

            Map<String, ClusterEvent> events = events(pipeline);
            assertThat(events).hasSize(1);
            ClusterEvent training = events.values().iterator().next();
            assertThat(training.getKind()).isEqualTo(NewsKind.TRAINING);
            assertThat(training.getStart()).isEqualTo(APRIL_25);
            assertThat(training.getEnd()).isEqualTo(APRIL_28);
            assertThat(training.getLocation().getCity()).isEqualTo("Berlin");
            assertThat(training.getLocation().getCountry()).isEqualTo("DE");
            assertThat(training.getLanguages()).containsExactly("de", "en", "es");
            assertThat(training.getConsortiumIds()).containsExactly("cons:clusgrid", "cons:inno-drop");
            assertThat(training.getClusterIds()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
            assertThat(training.getReports())
                    .extracting(EventReport::getNewsId)
                    .containsExactly("news:en-2017-05-03", "news:seed-2017-05-17", "news:es-2017-07-04");
            assertThat(pipeline.<ClusterEvent>store(ClusterNewsTopology.EVENTS_STORE))
                    .containsOnlyKeys(training.getId());
        }
    }

    @Test
    void everyClusterCountsTheTrainingAsOneEventAndEachReportAsOneNews() {
        try (PipelineHarness pipeline = withTheThreeReportsOfTheTraining()) {

            Map<String, ClusterActivity> clusters = pipeline.clusterActivities();
            assertThat(clusters.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.TEN_CLUSTERS);
            assertThat(clusters.values()).allSatisfy(a -> {
                assertThat(a.getEventCount()).as(a.getClusterId()).isEqualTo(1);
                assertThat(a.getEventsByMonth()).as(a.getClusterId()).containsExactly(Map.entry("2017-04", 1L));
            });
            // both consortia are named by the seed; INNO-DROP's members also by the English report, CLUSGRID's by
            // the Spanish one
            assertThat(clusters.get("org:nanoprogress").getNewsCount()).isEqualTo(2);
            assertThat(clusters.get("org:secpho").getNewsCount()).isEqualTo(2);
            Map<String, ConsortiumActivity> consortia = pipeline.consortiumActivities();
            assertThat(consortia.get("cons:inno-drop").getEventCount()).isEqualTo(1);
            assertThat(consortia.get("cons:inno-drop").getNewsCount()).isEqualTo(2);
            assertThat(pipeline.programmeActivities().get("prog:cosme").getEventCount())
                    .isEqualTo(1);
            assertThat(pipeline.latestOutput(pipeline.topics.clusterActivity())
                            .get("org:bnpt")
                            .getEventCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void aTrainingOfTheSameConsortiumInAnotherCityAYearLaterIsAnotherEvent() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            pipeline.publish(germanReport());
            pipeline.publish(report("news:vienna-2018", NewsKind.TRAINING, LocalDate.of(2018, 5, 2), "cons:inno-drop")
                    .setLanguage("en")
                    .setEventStart(LocalDate.of(2018, 4, 24))
                    .setEventEnd(LocalDate.of(2018, 4, 26))
                    .setLocation(Location.newBuilder()
                            .setCity("Wien")
                            .setCountry("AT")
                            .build())
                    .build());

            assertThat(events(pipeline)).hasSize(2);
            assertThat(pipeline.clusterActivities().get("org:bnpt").getEventsByMonth())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("2017-04", 1L, "2018-04", 1L));
        }
    }

    @Test
    void twoMeetingsInBerlinInTheSameMonthWithoutASharedConsortiumAreTwoEvents() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            pipeline.publish(meetingInBerlin("news:meeting-a", LocalDate.of(2017, 6, 6), "cons:inno-drop"));
            pipeline.publish(meetingInBerlin("news:meeting-b", LocalDate.of(2017, 6, 20), "cons:clusgrid"));

            assertThat(events(pipeline)).hasSize(2);
        }
    }

    @Test
    void aReportBridgingTwoEventsMergesThemAndTombstonesTheReplacedId() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            // INNO-DROP's dated report and CLUSGRID's undated one share no consortium: two events so far
            pipeline.publish(report("news:b1", NewsKind.TRAINING, LocalDate.of(2017, 5, 2), "cons:inno-drop")
                    .setEventStart(APRIL_25)
                    .setEventEnd(APRIL_28)
                    .setLocation(berlin())
                    .build());
            pipeline.publish(report("news:b2", NewsKind.TRAINING, LocalDate.of(2017, 5, 10), "cons:clusgrid")
                    .build());
            List<TestRecord<String, ClusterEvent>> before = eventRecords(pipeline);
            assertThat(latest(before)).hasSize(2);

            // CLUSGRID's dated report in Berlin matches the first by date and place, the second by consortium
            pipeline.publish(report("news:b3", NewsKind.TRAINING, LocalDate.of(2017, 5, 20), "cons:clusgrid")
                    .setEventStart(LocalDate.of(2017, 4, 26))
                    .setLocation(berlin())
                    .build());

            List<TestRecord<String, ClusterEvent>> after = eventRecords(pipeline);
            assertThat(after).filteredOn(r -> r.value() == null).hasSize(1);
            Map<String, ClusterEvent> events = latest(concat(before, after));
            assertThat(events).hasSize(1);
            assertThat(events.values().iterator().next().getReports())
                    .extracting(EventReport::getNewsId)
                    .containsExactly("news:b1", "news:b2", "news:b3");
            assertThat(pipeline.clusterActivities().values())
                    .allSatisfy(a ->
                            assertThat(a.getEventCount()).as(a.getClusterId()).isEqualTo(1));
            assertThat(pipeline.<ClusterEvent>store(ClusterNewsTopology.EVENTS_STORE))
                    .isEqualTo(events);
        }
    }

    @Test
    void aReportWhoseFactsAreFiledForItsEventAlreadyWritesNoBlockAgain() {
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            String changelog =
                    pipeline.config.get("application.id") + "-" + ClusterNewsTopology.EVENT_BLOCKS_STORE + "-changelog";
            TestOutputTopic<String, String> blocks =
                    pipeline.driver.createOutputTopic(changelog, new StringDeserializer(), new StringDeserializer());
            pipeline.publish(germanReport());
            assertThat(blocks.readKeyValuesToList())
                    .as("the first report files its facts")
                    .isNotEmpty();

            // the same report under another news id (sorting after the first, so the event keeps its id)
            pipeline.publish(NewsEvent.newBuilder(germanReport())
                    .setId("news:seed-2017-05-17-again")
                    .build());

            assertThat(blocks.readKeyValuesToList())
                    .as("its facts are filed under every key already, for the event it joined")
                    .isEmpty();
            assertThat(events(pipeline).values())
                    .singleElement()
                    .extracting(ClusterEvent::getReportCount)
                    .isEqualTo(2L);
        }
    }

    @Property(tries = 6)
    void theSameReportsInAnyOrderGiveTheSameEventsAndCounts(
            @ForAll @Size(value = 7) @UniqueElements List<@IntRange(max = 6) Integer> order) {
        List<NewsEvent> history = history();
        Map<String, ClusterEvent> reference;
        Map<String, Long> referenceCounts;
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            history.forEach(pipeline::publish);
            reference = events(pipeline);
            referenceCounts = eventCounts(pipeline);
        }
        try (PipelineHarness pipeline = new PipelineHarness().withSeedReference()) {
            order.forEach(i -> pipeline.publish(history.get(i)));
            assertThat(events(pipeline)).isEqualTo(reference);
            assertThat(eventCounts(pipeline)).isEqualTo(referenceCounts);
        }
        assertThat(reference).hasSize(3);
    }

    /** Seven reports of three events; the last two bridge reports that do not match each other directly. */
    private static List<NewsEvent> history() {
        return List.of(
                germanReport(),
                englishReportWithoutDate(),
                spanishReportTwoMonthsLater(),
                meetingInBerlin("news:meeting-a", LocalDate.of(2017, 6, 6), "cons:inno-drop"),
                meetingInBerlin("news:meeting-b", LocalDate.of(2017, 6, 20), "cons:clusgrid"),
                report("news:meeting-a-undated", NewsKind.MEETING, LocalDate.of(2017, 6, 30), "cons:inno-drop")
                        .build(),
                report("news:meeting-b-again", NewsKind.MEETING, LocalDate.of(2017, 6, 25), "cons:clusgrid")
                        .setEventStart(LocalDate.of(2017, 6, 20))
                        .setLocation(berlin())
                        .build());
    }

    /** A report of a happening of this kind naming one consortium; its dates and place, if any, are added. */
    private static NewsEvent.Builder report(String id, NewsKind kind, LocalDate publishedAt, String consortiumId) {
        return Fixtures.news(id).setKind(kind).setPublishedAt(publishedAt).setConsortiumIds(List.of(consortiumId));
    }

    private static NewsEvent meetingInBerlin(String id, LocalDate day, String consortium) {
        return report(id, NewsKind.MEETING, day.plusDays(1), consortium)
                .setEventStart(day)
                .setEventEnd(day)
                .setLocation(berlin())
                .build();
    }

    private static Location berlin() {
        return Location.newBuilder().setCity("Berlin").setCountry("DE").build();
    }

    private static Map<String, Long> eventCounts(PipelineHarness pipeline) {
        Map<String, Long> counts = new TreeMap<>();
        pipeline.clusterActivities().forEach((id, a) -> counts.put(id, a.getEventCount()));
        pipeline.consortiumActivities().forEach((id, a) -> counts.put(id, a.getEventCount()));
        pipeline.programmeActivities().forEach((id, a) -> counts.put(id, a.getEventCount()));
        return counts;
    }

    /** cluster-events as compaction leaves it: the last value per key, tombstoned keys gone. */
    private static Map<String, ClusterEvent> events(PipelineHarness pipeline) {
        return latest(eventRecords(pipeline));
    }

    private static List<TestRecord<String, ClusterEvent>> eventRecords(PipelineHarness pipeline) {
        return pipeline.driver
                .createOutputTopic(
                        pipeline.topics.events().name(),
                        pipeline.topics.events().keyDeserializer(),
                        pipeline.topics.events().valueDeserializer())
                .readRecordsToList();
    }

    private static Map<String, ClusterEvent> latest(List<TestRecord<String, ClusterEvent>> records) {
        Map<String, ClusterEvent> latest = new HashMap<>();
        // compute drops the key when the new value is null: a tombstone
        records.forEach(r -> latest.compute(r.key(), (key, previous) -> r.value()));
        return latest;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
