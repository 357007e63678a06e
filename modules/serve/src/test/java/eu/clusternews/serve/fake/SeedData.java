package eu.clusternews.serve.fake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.serve.query.ActivityKind;

/**
 * Realistic sample data shaped like the seeds: the ten clusters of INNO-DROP and CLUSGRID (names and
 * countries from seeds/reference/organisations.json), both consortia and their programme chain, and a
 * handful of news around the May 2017 Berlin training. Counts are invented for the page, not computed.
 */
public final class SeedData {

    public static final String INNO_DROP = "cons:inno-drop";
    public static final String CLUSGRID = "cons:clusgrid";
    public static final String CLUSTER_EXCELLENCE = "prog:cosme-cluster-excellence";
    public static final String COSME = "prog:cosme";
    public static final String TRAINING_NEWS_ID = "news-2017-05-17-bnpt-training";

    /** id, name, country, city, consortium, role. */
    private static final String[][] CLUSTERS = {
        {"org:bnpt", "BalticNet-PlasmaTec", "DE", "Greifswald", INNO_DROP, "coordinator"},
        {"org:nanoprogress", "Nanoprogress", "CZ", "Pardubice", INNO_DROP, "partner"},
        {"org:wsm", "Water Sensors and Membranes", "FR", "Toulouse", INNO_DROP, "partner"},
        {"org:zinnae", "ZINNAE", "ES", "Zaragoza", INNO_DROP, "partner"},
        {"org:ecict", "Eastern Cluster ICT", "PL", "Lublin", CLUSGRID, "coordinator"},
        {"org:pole-scs", "Pôle SCS – Solutions Communicantes Sécurisées", "FR", "Sophia Antipolis", CLUSGRID, "partner"
        },
        {"org:cet", "Canarias Excelencia Tecnológica", "ES", null, CLUSGRID, "partner"},
        {"org:solartys", "Solartys", "ES", "Barcelona", CLUSGRID, "partner"},
        {"org:secpho", "SECPhO", "ES", "Barcelona", CLUSGRID, "partner"},
        {"org:srednogorie", "Industrial Cluster Srednogorie", "BG", null, CLUSGRID, "partner"},
    };

    private SeedData() {}

    public static List<String> clusterIds() {
        return java.util.Arrays.stream(CLUSTERS).map(c -> c[0]).toList();
    }

    public static List<String> clusterNames() {
        return java.util.Arrays.stream(CLUSTERS).map(c -> c[1]).toList();
    }

    /** Loads everything into the fake. */
    public static InMemoryActivityQueries load(InMemoryActivityQueries queries) {
        queries.put(Programme.newBuilder()
                .setId(COSME)
                .setShortName("COSME")
                .setType("eu_funding_programme")
                .setName("Programme for the Competitiveness of Enterprises and small and medium-sized enterprises")
                .setPeriodStart(LocalDate.of(2014, 1, 1))
                .setPeriodEnd(LocalDate.of(2020, 12, 31))
                .setBudgetEur(2.3e9)
                .setSuccessorId("prog:smp-cosme")
                .build());
        queries.put(Programme.newBuilder()
                .setId(CLUSTER_EXCELLENCE)
                .setName("European Cluster Excellence Programme")
                .setShortName("Cluster Excellence Programme")
                .setParentId(COSME)
                .build());
        queries.put(Consortium.newBuilder()
                .setId(INNO_DROP)
                .setAcronym("INNO-DROP")
                .setFullTitle("INNOvation and Development in clusteR excellence and cOoperative Partnerships")
                .setProgrammeId(CLUSTER_EXCELLENCE)
                .setCoordinatorId("org:bnpt")
                .setStartMonth("2016-11")
                .setEndMonth("2018-11")
                .setCountries(List.of("DE", "CZ", "FR", "ES"))
                .setMembers(members(INNO_DROP))
                .build());
        queries.put(Consortium.newBuilder()
                .setId(CLUSGRID)
                .setAcronym("CLUSGRID")
                .setFullTitle("Clusters for Smart Grid")
                .setProgrammeId(CLUSTER_EXCELLENCE)
                .setCoordinatorId("org:ecict")
                .setStartMonth("2016-11")
                .setCountries(List.of("PL", "FR", "ES", "BG"))
                .setMembers(members(CLUSGRID))
                .build());
        for (String[] c : CLUSTERS) {
            queries.put(Organisation.newBuilder()
                    .setId(c[0])
                    .setName(c[1])
                    .setType("cluster_organisation")
                    .setCountry(c[2])
                    .setCity(c[3])
                    .build());
        }
        List<EnrichedNews> news = news();
        news.forEach(queries::put);
        List<ClusterEvent> events = SeedEvents.all();
        events.forEach(queries::put);
        for (int i = 0; i < CLUSTERS.length; i++) {
            ClusterActivity activity = clusterActivity(i, news);
            List<ClusterEvent> involving = events.stream()
                    .filter(e -> e.getClusterIds().contains(activity.getClusterId()))
                    .toList();
            activity.setEventCount(involving.size());
            activity.setEventsByMonth(eventsByMonth(involving));
            queries.put(ActivityKind.CLUSTER, activity);
        }
        for (String consortium : List.of(INNO_DROP, CLUSGRID)) {
            List<EnrichedNews> mentioning = news.stream()
                    .filter(n -> n.getNews().getConsortiumIds().contains(consortium))
                    .toList();
            queries.put(
                    ActivityKind.CONSORTIUM,
                    ConsortiumActivity.newBuilder()
                            .setConsortiumId(consortium)
                            .setProgrammeId(CLUSTER_EXCELLENCE)
                            .setName(consortium.equals(INNO_DROP) ? "INNO-DROP" : "CLUSGRID")
                            .setNewsCount(mentioning.size())
                            .setCountsByMonth(byMonth(mentioning))
                            .setEventCount(events.stream()
                                    .filter(e -> e.getConsortiumIds().contains(consortium))
                                    .count())
                            .setRecentHeadlines(headlines(mentioning))
                            .build());
        }
        for (String programme : List.of(CLUSTER_EXCELLENCE, COSME)) {
            queries.put(
                    ActivityKind.PROGRAMME,
                    ProgrammeActivity.newBuilder()
                            .setProgrammeId(programme)
                            .setNewsCount(news.size())
                            .setCountsByMonth(byMonth(news))
                            .setEventCount(events.size())
                            .setEventsByMonth(eventsByMonth(events))
                            .setConsortiumIds(List.of(CLUSGRID, INNO_DROP))
                            .setRecentHeadlines(headlines(news))
                            .build());
        }
        return queries;
    }

    private static List<Member> members(String consortium) {
        List<Member> members = new ArrayList<>();
        for (String[] c : CLUSTERS) {
            if (c[4].equals(consortium)) {
                members.add(Member.newBuilder()
                        .setOrganisationId(c[0])
                        .setRole(c[5])
                        .build());
            }
        }
        return members;
    }

    /**
     * The seed news, one a row: publication date | id | kind | publisher | consortia mentioned (- for none) | clusters
     * involved, where a consortium id stands for its member clusters | title.
     */
    private static final String NEWS = """
            2017-05-17 | news-2017-05-17-bnpt-training | TRAINING | org:bnpt | cons:inno-drop cons:clusgrid | cons:inno-drop cons:clusgrid | Cluster excellence training in Berlin for ten clusters of INNO-DROP and CLUSGRID
            2016-11-23 | news-2016-11-23-inno-drop-kickoff | PROJECT_LAUNCH | org:bnpt | cons:inno-drop | cons:inno-drop | INNO-DROP kick-off meeting in Greifswald
            2017-02-09 | news-2017-02-09-clusgrid-kickoff | MEETING | org:ecict | cons:clusgrid | cons:clusgrid | CLUSGRID partners meet in Lublin to launch the smart grid partnership
            2017-09-14 | news-2017-09-14-zinnae-label | LABEL_AWARD | org:zinnae | - | org:zinnae | ZINNAE receives the Silver label of the European Cluster Excellence Initiative
            2018-03-06 | news-2018-03-06-secpho-visit | STUDY_VISIT | org:secpho | cons:clusgrid | org:secpho org:pole-scs | SECPhO study visit to Pôle SCS in Sophia Antipolis
            2018-06-20 | news-2018-06-20-nanoprogress-conference | CONFERENCE | org:nanoprogress | cons:inno-drop | org:nanoprogress org:bnpt | Nanoprogress presents AC electrospinning at the INNO-DROP final conference
            """;

    private static List<EnrichedNews> news() {
        return NEWS.lines()
                .map(row -> row.split(" \\| "))
                .map(c -> enriched(
                        c[1],
                        c[6],
                        LocalDate.parse(c[0]),
                        NewsKind.valueOf(c[2]),
                        c[4].equals("-") ? List.of() : List.of(c[4].split(" ")),
                        Arrays.stream(c[5].split(" "))
                                .flatMap(id -> id.startsWith("cons:")
                                        ? members(id).stream().map(Member::getOrganisationId)
                                        : Stream.of(id))
                                .toList(),
                        c[3]))
                .toList();
    }

    /** A news item BNPT published about itself alone, mentioning no consortium. */
    public static EnrichedNews newsOfBnpt(String id, String title, LocalDate publishedAt, NewsKind kind) {
        return enriched(id, title, publishedAt, kind, List.of(), List.of("org:bnpt"), "org:bnpt");
    }

    /** A news item, as the pipeline would enrich it. */
    private static EnrichedNews enriched(
            String id,
            String title,
            LocalDate publishedAt,
            NewsKind kind,
            List<String> consortia,
            List<String> clusters,
            String publisher) {
        NewsEvent event = NewsEvent.newBuilder()
                .setId(id)
                .setSource("seeds/news/" + id + ".txt")
                .setUrl("https://example.org/news/" + id)
                .setTitle(title)
                .setLanguage("en")
                .setPublishedAt(publishedAt)
                .setIngestedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .setKind(kind)
                .setPublisherId(publisher)
                .setLocation(
                        Location.newBuilder().setCity("Berlin").setCountry("DE").build())
                .setConsortiumIds(consortia)
                .setOrganisationIds(clusters)
                .build();
        List<ClusterInvolvement> involvements = clusters.stream()
                .map(c -> ClusterInvolvement.newBuilder()
                        .setClusterId(c)
                        .setRoles(
                                c.equals(publisher)
                                        ? List.of(ClusterRole.PUBLISHER, ClusterRole.MENTIONED)
                                        : List.of(ClusterRole.MENTIONED))
                        .build())
                .toList();
        return EnrichedNews.newBuilder()
                .setNews(event)
                .setClusters(involvements)
                .setEnrichedAt(Instant.parse("2026-11-28T10:00:01Z"))
                .build();
    }

    private static ClusterActivity clusterActivity(int index, List<EnrichedNews> allNews) {
        String[] c = CLUSTERS[index];
        List<EnrichedNews> mine = allNews.stream()
                .filter(n ->
                        n.getClusters().stream().anyMatch(i -> i.getClusterId().equals(c[0])))
                .toList();
        Map<String, Long> byKind = new TreeMap<>();
        mine.forEach(n -> byKind.merge(n.getNews().getKind().name(), 1L, Long::sum));
        return ClusterActivity.newBuilder()
                .setClusterId(c[0])
                .setName(c[1])
                .setCountry(c[2])
                .setNewsCount(mine.size())
                .setCountsByKind(byKind)
                .setCountsByMonth(byMonth(mine))
                .setCountsByRole(Map.of("MENTIONED", (long) mine.size()))
                .setFirstPublishedAt(mine.stream()
                        .map(n -> n.getNews().getPublishedAt())
                        .min(LocalDate::compareTo)
                        .orElse(null))
                .setLastPublishedAt(mine.stream()
                        .map(n -> n.getNews().getPublishedAt())
                        .max(LocalDate::compareTo)
                        .orElse(null))
                .setConsortiumIds(List.of(c[4]))
                .setProgrammeIds(List.of(CLUSTER_EXCELLENCE, COSME))
                .setRecentHeadlines(headlines(mine))
                .build();
    }

    static Map<String, Long> byMonth(List<EnrichedNews> news) {
        Map<String, Long> months = new LinkedHashMap<>();
        news.forEach(n -> months.merge(n.getNews().getPublishedAt().toString().substring(0, 7), 1L, Long::sum));
        return months;
    }

    /** Events per month of the event's day, as the pipeline counts them. */
    static Map<String, Long> eventsByMonth(List<ClusterEvent> events) {
        Map<String, Long> months = new TreeMap<>();
        events.forEach(e -> months.merge(
                eu.clusternews.serve.query.EventQuery.day(e).toString().substring(0, 7), 1L, Long::sum));
        return months;
    }

    static List<Headline> headlines(List<EnrichedNews> news) {
        return news.stream()
                .sorted((a, b) ->
                        b.getNews().getPublishedAt().compareTo(a.getNews().getPublishedAt()))
                .map(n -> Headline.newBuilder()
                        .setNewsId(n.getNews().getId())
                        .setTitle(n.getNews().getTitle())
                        .setPublishedAt(n.getNews().getPublishedAt())
                        .setKind(n.getNews().getKind())
                        .setUrl(n.getNews().getUrl())
                        .build())
                .toList();
    }

    /** The activity of a cluster after one more news item, for live-update tests. */
    public static ClusterActivity withOneMoreNews(ClusterActivity activity, LocalDate publishedAt) {
        Map<String, Long> months = new TreeMap<>(activity.getCountsByMonth());
        months.merge(publishedAt.toString().substring(0, 7), 1L, Long::sum);
        return ClusterActivity.newBuilder(activity)
                .setNewsCount(activity.getNewsCount() + 1)
                .setCountsByMonth(months)
                .setLastPublishedAt(publishedAt)
                .build();
    }
}
