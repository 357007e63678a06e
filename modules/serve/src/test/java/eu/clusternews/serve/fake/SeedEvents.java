package eu.clusternews.serve.fake;

import static eu.clusternews.serve.fake.SeedData.CLUSGRID;
import static eu.clusternews.serve.fake.SeedData.CLUSTER_EXCELLENCE;
import static eu.clusternews.serve.fake.SeedData.COSME;
import static eu.clusternews.serve.fake.SeedData.INNO_DROP;

import java.time.LocalDate;
import java.util.List;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;

/**
 * Events shaped like the pipeline's event matching would make them from the seeds (written by hand, not computed):
 * the Berlin training reported in German, English and Spanish, the CLUSGRID kick-off in Lublin reported in English
 * and Polish, and the INNO-DROP final conference with no event date in its one report.
 */
public final class SeedEvents {

    public static final String BERLIN_TRAINING = "evt-5b1e0c7a2d9f4e31";
    public static final String LUBLIN_KICKOFF = "evt-0a8c3e6f1b2d4c57";
    public static final String FINAL_CONFERENCE = "evt-9d2f7a1c4e6b8035";

    private SeedEvents() {}

    /** The three events, newest first. */
    public static List<ClusterEvent> all() {
        return List.of(finalConference(), berlinTraining(), lublinKickoff());
    }

    /** The four-day training in Berlin, 25–28 April 2017: ten clusters of both consortia, three reports. */
    public static ClusterEvent berlinTraining() {
        Location berlin = location("Berlin", "DE");
        LocalDate start = LocalDate.of(2017, 4, 25);
        LocalDate end = LocalDate.of(2017, 4, 28);
        return dated(BERLIN_TRAINING, NewsKind.TRAINING, start, end, berlin)
                .setConsortiumIds(List.of(CLUSGRID, INNO_DROP))
                .setClusterIds(SeedData.clusterIds().stream().sorted().toList())
                .setProgrammeIds(List.of(COSME, CLUSTER_EXCELLENCE))
                .setLanguages(List.of("de", "en", "es"))
                .setFirstReportedAt(LocalDate.of(2017, 5, 17))
                .setLastReportedAt(LocalDate.of(2017, 6, 29))
                .setReports(List.of(
                        report(
                                NewsKind.TRAINING,
                                SeedData.TRAINING_NEWS_ID,
                                "Cluster-Excellence-Training in Berlin: zehn Cluster aus INNO-DROP und CLUSGRID",
                                "de",
                                "org:bnpt",
                                LocalDate.of(2017, 5, 17),
                                start,
                                end,
                                berlin),
                        report(
                                NewsKind.TRAINING,
                                "news-2017-05-24-ecict-berlin-training",
                                "Eastern Cluster ICT trained in Berlin with its CLUSGRID partners",
                                "en",
                                "org:ecict",
                                LocalDate.of(2017, 5, 24),
                                null,
                                null,
                                berlin),
                        report(
                                NewsKind.TRAINING,
                                "news-2017-06-29-zinnae-formacion-berlin",
                                "ZINNAE participa en la formación de excelencia de clústeres en Berlín",
                                "es",
                                "org:zinnae",
                                LocalDate.of(2017, 6, 29),
                                start,
                                end,
                                berlin)))
                .build();
    }

    /** The CLUSGRID kick-off in Lublin, 8–9 February 2017, reported in English and Polish. */
    public static ClusterEvent lublinKickoff() {
        Location lublin = location("Lublin", "PL");
        LocalDate start = LocalDate.of(2017, 2, 8);
        LocalDate end = LocalDate.of(2017, 2, 9);
        return dated(LUBLIN_KICKOFF, NewsKind.MEETING, start, end, lublin)
                .setConsortiumIds(List.of(CLUSGRID))
                .setClusterIds(
                        SeedData.clusterIds().subList(4, 10).stream().sorted().toList())
                .setProgrammeIds(List.of(COSME, CLUSTER_EXCELLENCE))
                .setLanguages(List.of("en", "pl"))
                .setFirstReportedAt(LocalDate.of(2017, 2, 9))
                .setLastReportedAt(LocalDate.of(2017, 2, 10))
                .setReports(List.of(
                        report(
                                NewsKind.MEETING,
                                "news-2017-02-09-clusgrid-kickoff",
                                "CLUSGRID partners meet in Lublin to launch the smart grid partnership",
                                "en",
                                "org:ecict",
                                LocalDate.of(2017, 2, 9),
                                start,
                                end,
                                lublin),
                        report(
                                NewsKind.MEETING,
                                "news-2017-02-10-ecict-spotkanie-lublin",
                                "Spotkanie partnerów CLUSGRID w Lublinie",
                                "pl",
                                "org:ecict",
                                LocalDate.of(2017, 2, 10),
                                start,
                                end,
                                lublin)))
                .build();
    }

    /** The INNO-DROP final conference: its one report gives no date for it, so it is placed at its publication. */
    public static ClusterEvent finalConference() {
        return ClusterEvent.newBuilder()
                .setId(FINAL_CONFERENCE)
                .setKind(NewsKind.CONFERENCE)
                .setConsortiumIds(List.of(INNO_DROP))
                .setClusterIds(List.of("org:bnpt", "org:nanoprogress"))
                .setProgrammeIds(List.of(COSME, CLUSTER_EXCELLENCE))
                .setLanguages(List.of("en"))
                .setFirstReportedAt(LocalDate.of(2018, 6, 20))
                .setLastReportedAt(LocalDate.of(2018, 6, 20))
                .setReports(List.of(report(
                        NewsKind.CONFERENCE,
                        "news-2018-06-20-nanoprogress-conference",
                        "Nanoprogress presents AC electrospinning at the INNO-DROP final conference",
                        "en",
                        "org:nanoprogress",
                        LocalDate.of(2018, 6, 20),
                        null,
                        null,
                        null)))
                .build();
    }

    /** An event its reports date and place. */
    private static ClusterEvent.Builder dated(
            String id, NewsKind kind, LocalDate start, LocalDate end, Location location) {
        return ClusterEvent.newBuilder()
                .setId(id)
                .setKind(kind)
                .setStart(start)
                .setEnd(end)
                .setLocation(location);
    }

    private static EventReport report(
            NewsKind kind,
            String newsId,
            String title,
            String language,
            String publisherId,
            LocalDate publishedAt,
            LocalDate eventStart,
            LocalDate eventEnd,
            Location location) {
        return EventReport.newBuilder()
                .setNewsId(newsId)
                .setTitle(title)
                .setLanguage(language)
                .setPublisherId(publisherId)
                .setPublishedAt(publishedAt)
                .setUrl("https://example.org/news/" + newsId)
                .setKind(kind)
                .setEventStart(eventStart)
                .setEventEnd(eventEnd)
                .setLocation(location)
                .build();
    }

    private static Location location(String city, String country) {
        return Location.newBuilder().setCity(city).setCountry(country).build();
    }
}
