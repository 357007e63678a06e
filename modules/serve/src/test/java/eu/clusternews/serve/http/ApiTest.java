package eu.clusternews.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import eu.clusternews.serve.fake.SeedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicBoolean live = new AtomicBoolean(true);
    private InMemoryActivityQueries queries;
    private ClusterNewsServer server;

    @BeforeEach
    void startServer() {
        queries = SeedData.load(new InMemoryActivityQueries());
        server = ClusterNewsServer.builder(queries)
                .host("127.0.0.1")
                .port(0)
                .readiness(() -> ready.get()
                        ? ReadinessCheck.Readiness.ready("Kafka Streams RUNNING")
                        : ReadinessCheck.Readiness.notReady("Kafka Streams is REBALANCING"))
                .liveness(() -> live.get()
                        ? ReadinessCheck.Readiness.ready("Kafka Streams RUNNING")
                        : ReadinessCheck.Readiness.notReady("Kafka Streams is ERROR"))
                .deadLetterCount(() -> 3)
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listsTheTenSeedClustersWithTheirDocumentedFields() throws Exception {
        JsonNode body = getJson("/api/clusters", 200);
        assertThat(body.get("count").asInt()).isEqualTo(10);
        assertThat(ids(body)).containsExactlyInAnyOrderElementsOf(SeedData.clusterIds());
        JsonNode bnpt = item(body, "org:bnpt");
        assertThat(iterable(bnpt.fieldNames()))
                .containsExactly(
                        "id",
                        "name",
                        "country",
                        "newsCount",
                        "eventCount",
                        "firstPublishedAt",
                        "lastPublishedAt",
                        "undatedCount",
                        "countsByRole",
                        "countsByKind",
                        "countsByMonth",
                        "eventsByMonth",
                        "consortiumIds",
                        "programmeIds",
                        "clusterIds",
                        "recentHeadlines");
        assertThat(bnpt.get("name").asText()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(bnpt.get("lastPublishedAt").asText()).isEqualTo("2018-06-20");
        assertThat(bnpt.get("countsByMonth").get("2017-05").asLong()).isEqualTo(1);
    }

    @Test
    void sortsClustersByNewsCountDescendingByDefaultWithTiesById() throws Exception {
        List<JsonNode> items = clustersLargestFirstBy("newsCount", "/api/clusters");
        assertThat(items.get(0).get("id").asText()).isEqualTo("org:bnpt");
    }

    @Test
    void sortsClustersByNameAscendingAndByLastPublishedAtWhenAsked() throws Exception {
        List<String> names = items(getJson("/api/clusters?sort=name", 200)).stream()
                .map(i -> i.get("name").asText())
                .toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> latest = items(getJson("/api/clusters?sort=lastPublishedAt&order=asc", 200)).stream()
                .map(i -> i.get("lastPublishedAt").asText())
                .toList();
        assertThat(latest).isSorted();
    }

    @Test
    void filtersClustersByCountryConsortiumKindAndSince() throws Exception {
        assertThat(ids(getJson("/api/clusters?country=es", 200)))
                .containsExactlyInAnyOrder("org:zinnae", "org:cet", "org:solartys", "org:secpho");
        assertThat(ids(getJson("/api/clusters?consortium=cons:inno-drop", 200)))
                .containsExactlyInAnyOrder("org:bnpt", "org:nanoprogress", "org:wsm", "org:zinnae");
        assertThat(ids(getJson("/api/clusters?kind=label_award", 200))).containsExactly("org:zinnae");
        assertThat(ids(getJson("/api/clusters?since=2018-03-01&programme=prog:cosme", 200)))
                .containsExactlyInAnyOrder("org:secpho", "org:pole-scs", "org:nanoprogress", "org:bnpt");
    }

    /** A bad query of each listing, and what its 400 answer's message must name: the parameter, what is accepted. */
    static Stream<Arguments> badListingQueries() {
        return Stream.of(
                refused("/api/clusters?sort=size", "sort", "newsCount", "size"),
                refused("/api/clusters?since=May-2017", "since", "ISO date"),
                refused("/api/clusters?kind=party", "kind", "TRAINING"),
                refused("/api/clusters?contry=DE", "contry", "country"),
                refused("/api/clusters?order=up", "order", "asc", "desc"),
                refused("/api/news?limit=0", "limit", "500"),
                refused("/api/news?limit=ten", "limit"),
                refused("/api/news?from=2018-01-01&until=2017-01-01", "after"),
                refused("/api/news?until=yesterday", "until"),
                refused("/api/events?language=german", "language", "ISO 639-1", "german"),
                refused("/api/events?kind=party", "kind", "TRAINING"),
                refused("/api/events?from=2018-01-01&until=2017-01-01", "after"),
                refused("/api/events?from=last-year", "from", "ISO date"),
                refused("/api/events?limit=501", "limit", "500"),
                refused("/api/events?lang=de", "lang", "language"),
                refused("/api/events?cluster=", "cluster", "empty"));
    }

    private static Arguments refused(String pathAndQuery, String... named) {
        return Arguments.of(pathAndQuery, List.of(named));
    }

    @ParameterizedTest(name = "{0} answers 400 naming {1}")
    @MethodSource("badListingQueries")
    void refusesABadListingParameterWith400AndAMessageNamingItAndWhatIsAccepted(String pathAndQuery, List<String> named)
            throws Exception {
        JsonNode refusal = getJson(pathAndQuery, 400);
        assertThat(refusal.get("error").asText()).isEqualTo("bad_request");
        assertThat(refusal.get("message").asText()).contains(named);
    }

    @Test
    void answersAnUnknownClusterConsortiumOrProgrammeWith404AndAJsonError() throws Exception {
        JsonNode cluster = getJson("/api/clusters/org:nobody", 404);
        assertThat(cluster.get("error").asText()).isEqualTo("not_found");
        assertThat(cluster.get("message").asText()).contains("org:nobody");
        assertThat(getJson("/api/consortia/cons:nothing", 404).get("message").asText())
                .contains("cons:nothing");
        assertThat(getJson("/api/programmes/prog:nothing", 404).get("message").asText())
                .contains("prog:nothing");
        assertThat(getJson("/api/nothing-here", 404).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void describesAClusterWithTimelineRecentNewsAndItsConsortiaWithProgrammes() throws Exception {
        JsonNode detail = getJson("/api/clusters/org:zinnae", 200);
        assertThat(detail.get("cluster").get("id").asText()).isEqualTo("org:zinnae");
        assertThat(detail.get("organisation").get("city").asText()).isEqualTo("Zaragoza");
        JsonNode timeline = detail.get("timeline");
        assertThat(timeline.get(0).get("month").asText()).isEqualTo("2016-11");
        assertThat(timeline.get(timeline.size() - 1).get("month").asText()).isEqualTo("2017-09");
        assertThat(timeline).hasSize(11); // months without news are there, as 0
        assertThat(detail.get("recentNews").get(0).get("title").asText()).startsWith("ZINNAE receives");
        JsonNode consortium = detail.get("consortia").get(0);
        assertThat(consortium.get("acronym").asText()).isEqualTo("INNO-DROP");
        assertThat(consortium.get("programmeChain"))
                .extracting(p -> p.get("id").asText())
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
    }

    @Test
    void describesAConsortiumWithPeriodBudgetNamedMembersAndActivity() throws Exception {
        JsonNode consortium = getJson("/api/consortia/cons:inno-drop", 200);
        assertThat(consortium.get("startMonth").asText()).isEqualTo("2016-11");
        assertThat(consortium.get("endMonth").asText()).isEqualTo("2018-11");
        assertThat(consortium.get("totalBudgetEur").isNull()).isTrue();
        assertThat(consortium.get("members").get(0).get("name").asText()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(consortium.get("members").get(0).get("role").asText()).isEqualTo("coordinator");
        assertThat(consortium.get("activity").get("newsCount").asLong()).isEqualTo(3);
        assertThat(ids(getJson("/api/consortia", 200))).containsExactly("cons:clusgrid", "cons:inno-drop");
    }

    @Test
    void describesAProgrammeWithItsParentsAndTheConsortiaItFunds() throws Exception {
        JsonNode programme = getJson("/api/programmes/prog:cosme-cluster-excellence", 200);
        assertThat(programme.get("parents"))
                .extracting(p -> p.get("shortName").asText())
                .containsExactly("COSME");
        assertThat(programme.get("consortiumIds"))
                .extracting(JsonNode::asText)
                .containsExactly("cons:clusgrid", "cons:inno-drop");
        JsonNode cosme = getJson("/api/programmes/prog:cosme", 200);
        assertThat(cosme.get("budgetEur").asDouble()).isEqualTo(2.3e9);
        assertThat(cosme.get("periodStart").asText()).isEqualTo("2014-01-01");
    }

    @Test
    void describesAProgrammesActivityWithItsCountsMonthsAndNewestHeadlineFirst() throws Exception {
        JsonNode activity = getJson("/api/programmes/prog:cosme", 200).get("activity");
        assertThat(activity.get("newsCount").asLong()).isEqualTo(6);
        assertThat(activity.get("eventCount").asLong()).isEqualTo(3);
        assertThat(activity.get("eventsByMonth").get("2017-04").asLong()).isEqualTo(1);
        assertThat(activity.get("countsByMonth").get("2017-05").asLong()).isEqualTo(1);
        assertThat(activity.get("consortiumIds"))
                .extracting(JsonNode::asText)
                .containsExactly("cons:clusgrid", "cons:inno-drop");
        assertThat(activity.get("recentHeadlines").get(0).get("newsId").asText())
                .isEqualTo("news-2018-06-20-nanoprogress-conference");
        assertThat(activity.get("firstPublishedAt").isNull())
                .as("the seed aggregate sets no dates")
                .isTrue();
    }

    @Test
    void listsNewsNewestFirstFilteredByClusterConsortiumDatesKindAndLimit() throws Exception {
        List<String> dates = items(getJson("/api/news", 200)).stream()
                .map(n -> n.get("publishedAt").asText())
                .toList();
        assertThat(dates).hasSize(6).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ids(getJson("/api/news?cluster=org:zinnae&kind=LABEL_AWARD", 200)))
                .containsExactly("news-2017-09-14-zinnae-label");
        assertThat(ids(getJson("/api/news?consortium=cons:clusgrid&from=2017-01-01&until=2017-12-31", 200)))
                .containsExactly(SeedData.TRAINING_NEWS_ID, "news-2017-02-09-clusgrid-kickoff");
        assertThat(getJson("/api/news?limit=2", 200).get("count").asInt()).isEqualTo(2);
        JsonNode first = items(getJson("/api/news?limit=1", 200)).get(0);
        assertThat(first.get("clusters").get(0).get("roles").get(0).asText()).isIn("PUBLISHER", "MENTIONED");
        assertThat(first.get("enrichedAt").asText()).isEqualTo("2026-11-28T10:00:01Z");
    }

    @Test
    void listsEventsNewestFirstEachWithItsReportsTheirLanguagesAndNamedPublishers() throws Exception {
        JsonNode body = getJson("/api/events", 200);
        assertThat(ids(body))
                .containsExactly(SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
        JsonNode berlin = item(body, SeedEvents.BERLIN_TRAINING);
        assertThat(berlin.get("kind").asText()).isEqualTo("TRAINING");
        assertThat(berlin.get("start").asText()).isEqualTo("2017-04-25");
        assertThat(berlin.get("end").asText()).isEqualTo("2017-04-28");
        assertThat(berlin.get("location").get("city").asText()).isEqualTo("Berlin");
        assertThat(berlin.get("languages")).extracting(JsonNode::asText).containsExactly("de", "en", "es");
        assertThat(berlin.get("clusterIds")).hasSize(10);
        assertThat(berlin.get("reportCount").asInt()).isEqualTo(3);
        JsonNode german = berlin.get("reports").get(0);
        assertThat(german.get("newsId").asText()).isEqualTo(SeedData.TRAINING_NEWS_ID);
        assertThat(german.get("language").asText()).isEqualTo("de");
        assertThat(german.get("publisherId").asText()).isEqualTo("org:bnpt");
        assertThat(german.get("publisherName").asText()).isEqualTo("BalticNet-PlasmaTec");
        assertThat(german.get("publishedAt").asText()).isEqualTo("2017-05-17");
        assertThat(german.get("url").asText()).endsWith(SeedData.TRAINING_NEWS_ID);
        assertThat(berlin.get("reports").get(1).get("eventStart").isNull())
                .as("the English report gives no date")
                .isTrue();
    }

    @Test
    void filtersEventsByClusterConsortiumProgrammeKindLanguageAndLimit() throws Exception {
        assertThat(ids(getJson("/api/events?cluster=org:zinnae", 200))).containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(ids(getJson("/api/events?consortium=cons:clusgrid", 200)))
                .containsExactly(SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
        assertThat(ids(getJson("/api/events?programme=prog:cosme", 200))).hasSize(3);
        assertThat(ids(getJson("/api/events?programme=prog:horizon-2020", 200))).isEmpty();
        assertThat(ids(getJson("/api/events?kind=training", 200))).containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(ids(getJson("/api/events?language=pl", 200))).containsExactly(SeedEvents.LUBLIN_KICKOFF);
        assertThat(ids(getJson("/api/events?language=ES", 200))).containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(ids(getJson("/api/events?language=en&consortium=cons:inno-drop&limit=1", 200)))
                .containsExactly(SeedEvents.FINAL_CONFERENCE);
    }

    @Test
    void filtersEventsByTheirOwnDatesAndUndatedEventsByTheDatesOfTheirReports() throws Exception {
        assertThat(ids(getJson("/api/events?from=2017-04-28&until=2017-04-28", 200)))
                .as("the last day of the Berlin training")
                .containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(ids(getJson("/api/events?from=2017-04-29&until=2017-12-31", 200)))
                .as("reported in May and June, but over on 28 April")
                .isEmpty();
        assertThat(ids(getJson("/api/events?until=2017-02-08", 200))).containsExactly(SeedEvents.LUBLIN_KICKOFF);
        assertThat(ids(getJson("/api/events?from=2018-06-01", 200)))
                .as("the conference has no date of its own: its report's publication places it")
                .containsExactly(SeedEvents.FINAL_CONFERENCE);
    }

    @Test
    void answersOneEventByIdAndAnUnknownEventWith404() throws Exception {
        JsonNode berlin = getJson("/api/events/" + SeedEvents.BERLIN_TRAINING, 200);
        assertThat(berlin.get("id").asText()).isEqualTo(SeedEvents.BERLIN_TRAINING);
        assertThat(berlin.get("reports"))
                .extracting(r -> r.get("language").asText())
                .containsExactly("de", "en", "es");
        JsonNode unknown = getJson("/api/events/evt-nothing", 404);
        assertThat(unknown.get("error").asText()).isEqualTo("not_found");
        assertThat(unknown.get("message").asText()).isEqualTo("no event with id 'evt-nothing'");
    }

    @Test
    void clusterConsortiumAndProgrammeDetailsListTheirEventsNewestFirst() throws Exception {
        assertThat(getJson("/api/clusters/org:zinnae", 200).get("events"))
                .extracting(e -> e.get("id").asText())
                .containsExactly(SeedEvents.BERLIN_TRAINING);
        assertThat(getJson("/api/consortia/cons:inno-drop", 200).get("events"))
                .extracting(e -> e.get("id").asText())
                .containsExactly(SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING);
        assertThat(getJson("/api/programmes/prog:cosme", 200).get("events"))
                .extracting(e -> e.get("id").asText())
                .containsExactly(SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
        assertThat(getJson("/api/clusters/org:zinnae", 200)
                        .get("consortia")
                        .get(0)
                        .get("events")
                        .isNull())
                .as("a consortium inside another answer comes without its events")
                .isTrue();
        assertThat(items(getJson("/api/consortia", 200)))
                .allSatisfy(c -> assertThat(c.get("events").isNull()).isTrue());
    }

    @Test
    void ranksClustersByEventCountWhenAskedWithTiesById() throws Exception {
        List<JsonNode> items = clustersLargestFirstBy("eventCount", "/api/clusters?sort=eventCount");
        assertThat(items.subList(8, 10))
                .extracting(i -> i.get("id").asText())
                .as("in the Berlin training only")
                .containsExactly("org:wsm", "org:zinnae");
        assertThat(items.get(9).get("eventsByMonth").get("2017-04").asLong()).isEqualTo(1);
    }

    @Test
    void answers503WithRetryAfterWhileTheStoresAreRebalancingNeverAPartialList() throws Exception {
        queries.rebalance("Kafka Streams is REBALANCING");
        for (String path : List.of(
                "/api/clusters",
                "/api/clusters/org:bnpt",
                "/api/consortia/cons:inno-drop",
                "/api/programmes/prog:cosme",
                "/api/news",
                "/api/events",
                "/api/events/" + SeedEvents.BERLIN_TRAINING)) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).contains("2");
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo("unavailable");
            assertThat(body.get("message").asText()).contains("REBALANCING");
        }
        queries.recover();
        assertThat(get("/api/clusters").statusCode()).isEqualTo(200);
    }

    /** Each health endpoint, the check it reports, and what that check says when it fails. */
    static Stream<Arguments> healthChecks() {
        return Stream.of(
                Arguments.of("/health/live", "live", "ERROR"), Arguments.of("/health/ready", "ready", "REBALANCING"));
    }

    @ParameterizedTest(name = "{0} answers 200 UP, then 503 DOWN with the detail once its check fails")
    @MethodSource("healthChecks")
    void reportsLivenessAndReadinessFromTheSuppliedChecksSoASupervisorSeesADeadOrBusyPipeline(
            String path, String failingCheck, String failure) throws Exception {
        assertThat(getJson("/health/live", 200).get("status").asText()).isEqualTo("UP");
        assertThat(getJson("/health/ready", 200).get("status").asText()).isEqualTo("UP");
        (failingCheck.equals("live") ? live : ready).set(false);
        JsonNode down = getJson(path, 503);
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.get("detail").asText()).contains(failure);
    }

    @Test
    void exposesApiLatenciesAndTheDeadLetterCountAsPrometheusText() throws Exception {
        get("/api/clusters");
        get("/api/clusters/org:bnpt");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/clusters/{id}\"}")
                .contains("clusternews_dlq_records_total 3.0");
    }

    @Test
    void servesThePageWithAContentSecurityPolicyAndChartJsFromTheWebjar() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<canvas id=\"timeline-chart\"").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        HttpResponse<String> chart = get("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void streamsAnActivityEventWhenTheQueriesReportAChange() throws Exception {
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/stream"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: hello"));

        ClusterActivity zinnae = queries.storedCluster("org:zinnae");
        queries.change(SeedData.withOneMoreNews(zinnae, LocalDate.of(2019, 1, 15)));

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: activity"));
        String data = lines.stream()
                .filter(l -> l.startsWith("data:") && l.contains("org:zinnae"))
                .findFirst()
                .orElseThrow();
        JsonNode change = json.readTree(data.substring("data:".length()));
        assertThat(change.get("entity").asText()).isEqualTo("cluster");
        assertThat(change.get("id").asText()).isEqualTo("org:zinnae");
        assertThat(change.get("activity").get("newsCount").asLong()).isEqualTo(zinnae.getNewsCount() + 1);
        assertThat(response.get().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
    }

    // ---- helpers

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode())
                .as("status of GET %s: %s", path, response.body())
                .isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json.readTree(response.body());
    }

    /** The clusters the listing at {@code path} answers, asserted to come largest {@code count} first. */
    private List<JsonNode> clustersLargestFirstBy(String count, String path) throws IOException, InterruptedException {
        List<JsonNode> items = items(getJson(path, 200));
        assertThat(items)
                .extracting(i -> i.get(count).asLong())
                .as("%s, largest first", count)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        return items;
    }

    private static List<JsonNode> items(JsonNode listing) {
        return StreamSupport.stream(listing.get("items").spliterator(), false).toList();
    }

    private static List<String> ids(JsonNode listing) {
        return items(listing).stream().map(i -> i.get("id").asText()).toList();
    }

    private static JsonNode item(JsonNode listing, String id) {
        return items(listing).stream()
                .filter(i -> i.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
