package eu.clusternews.serve.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import eu.clusternews.serve.fake.SeedEvents;
import eu.clusternews.serve.http.ClusterNewsServer;
import eu.clusternews.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The dashboard in headless Debian Chromium over the in-memory queries. Skipped, saying why, where
 * /usr/bin/chromium or /usr/bin/chromedriver is missing ({@code apt-get install chromium chromium-driver}).
 * The screenshot lands in target/dashboard.png (and target/dashboard-phone.png).
 */
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Path userDataDir;
    private static ChromeDriver driver;
    private InMemoryActivityQueries queries;
    private ClusterNewsServer server;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.assumeInstalled();
        userDataDir = Files.createTempDirectory("clusternews-chromium-");
        driver = Chromium.start(userDataDir);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (userDataDir != null) {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void startServer() {
        queries = SeedData.load(new InMemoryActivityQueries());
        server = ClusterNewsServer.builder(queries).port(0).start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndShowsTheTenSeedClusters() {
        openDashboard();
        List<String> names = driver.findElements(By.cssSelector("#cluster-table tbody th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(SeedData.clusterNames());
        assertThat(driver.findElements(By.cssSelector("#consortium-list [data-consortium-id]")))
                .hasSize(2);
        assertThat(driver.findElement(By.cssSelector("[data-programme-id='prog:cosme']"))
                        .getText())
                .contains("COSME");
        assertThat(driver.findElements(By.cssSelector("#news-list li"))).hasSize(6);
        assertThat(driver.executeScript(
                        "return document.querySelector('#timeline-chart').width > 0 && typeof Chart === 'function'"))
                .isEqualTo(true);
        assertNoConsoleErrors();
    }

    @Test
    void sortsTheTableWhenAColumnHeaderButtonIsPressedWithTheKeyboard() {
        openDashboard();
        WebElement byName = driver.findElement(By.cssSelector("button[data-sort='name']"));
        byName.sendKeys(org.openqa.selenium.Keys.ENTER);
        await().atMost(WAIT)
                .until(() ->
                        "ascending".equals(byName.findElement(By.xpath("..")).getDomAttribute("aria-sort")));
        List<String> names = driver.findElements(By.cssSelector("#cluster-table tbody th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void updatesTheClusterRowLiveWhenAnActivityChangeArrives() {
        openDashboardLive();
        ClusterActivity zinnae = changeZinnaeByOneMoreNews(LocalDate.of(2019, 2, 1));
        By newsCell = By.cssSelector("tr[data-cluster-id='org:zinnae'] td.number");
        await().atMost(WAIT)
                .until(() -> driver.findElement(newsCell).getText().equals(Long.toString(zinnae.getNewsCount() + 1)));
        assertThat(driver.findElement(By.cssSelector("tr[data-cluster-id='org:zinnae']"))
                        .getText())
                .contains("2019-02-01");
        assertNoConsoleErrors();
    }

    @Test
    void showsHostileNewsTitlesAsTextAndNeverRunsThem() {
        String scriptTitle = "<script>window.__xss = 'script'</script> Training in Berlin";
        String imgTitle = "<img src=x onerror=\"window.__xss = 'img'\"> Label awarded";
        queries.put(SeedData.newsOfBnpt("news-hostile-1", scriptTitle, LocalDate.of(2030, 1, 2), NewsKind.TRAINING));
        queries.put(SeedData.newsOfBnpt("news-hostile-2", imgTitle, LocalDate.of(2030, 1, 1), NewsKind.LABEL_AWARD));
        openDashboard();
        await().atMost(WAIT)
                .until(() -> !driver.findElements(By.cssSelector("[data-news-id='news-hostile-2']"))
                        .isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-news-id='news-hostile-1'] .news-title"))
                        .getText())
                .isEqualTo(scriptTitle);
        assertThat(driver.findElement(By.cssSelector("[data-news-id='news-hostile-2'] .news-title"))
                        .getText())
                .isEqualTo(imgTitle);
        assertThat(driver.findElements(By.cssSelector("#news-list img, #news-list script")))
                .isEmpty();
        assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertNoConsoleErrors();
    }

    @Test
    void showsTheBerlinTrainingAsOneEventWithItsReportsInThreeLanguagesLinkedAndAttributed() {
        openDashboard();
        By berlin = By.cssSelector("[data-event-id='" + SeedEvents.BERLIN_TRAINING + "']");
        await().atMost(WAIT).until(() -> !driver.findElements(berlin).isEmpty());
        WebElement event = driver.findElement(berlin);
        assertThat(event.findElement(By.cssSelector(".event-when")).getText()).isEqualTo("2017-04-25 – 2017-04-28");
        assertThat(event.findElement(By.cssSelector(".event-head")).getText()).contains("training", "Berlin, DE");
        assertThat(event.findElements(By.cssSelector(".event-languages .lang")))
                .extracting(l -> l.getDomAttribute("data-language"))
                .containsExactly("de", "en", "es");
        List<WebElement> reports = event.findElements(By.cssSelector(".event-report"));
        assertThat(reports).hasSize(3);
        assertThat(reports)
                .extracting(r -> r.findElement(By.cssSelector(".lang")).getDomAttribute("data-language"))
                .containsExactly("de", "en", "es");
        assertThat(reports)
                .extracting(
                        r -> r.findElement(By.cssSelector(".report-publisher")).getText())
                .containsExactly("BalticNet-PlasmaTec", "Eastern Cluster ICT", "ZINNAE");
        assertThat(reports)
                .extracting(r -> r.findElement(By.cssSelector(".report-date")).getText())
                .containsExactly("2017-05-17", "2017-05-24", "2017-06-29");
        WebElement spanish = reports.get(2).findElement(By.cssSelector("a.report-title"));
        assertThat(spanish.getText())
                .isEqualTo("ZINNAE participa en la formación de excelencia de clústeres en Berlín");
        assertThat(spanish.getDomAttribute("href"))
                .isEqualTo("https://example.org/news/news-2017-06-29-zinnae-formacion-berlin");
        assertThat(spanish.getDomAttribute("lang")).isEqualTo("es");
        assertThat(driver.findElements(By.cssSelector("#event-list > li")))
                .extracting(e -> e.getDomAttribute("data-event-id"))
                .as("newest first")
                .containsExactly(SeedEvents.FINAL_CONFERENCE, SeedEvents.BERLIN_TRAINING, SeedEvents.LUBLIN_KICKOFF);
        assertNoConsoleErrors();
    }

    @Test
    void listsOnlyTheEventsReportedInTheLanguageChosen() {
        openDashboard();
        await().atMost(WAIT)
                .until(() -> driver.findElements(By.cssSelector("#event-language-filter option[value='pl']"))
                                .size()
                        == 1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("event-language-filter")))
                .selectByValue("pl");
        await().atMost(WAIT).until(() -> eventIdsOnPage().equals(List.of(SeedEvents.LUBLIN_KICKOFF)));
        assertNoConsoleErrors();
    }

    @Test
    void ranksTheClustersAndChartsThemByEventsWhenTheEventsButtonIsPressed() {
        openDashboard();
        WebElement byEvents = driver.findElement(By.cssSelector("button[data-rank='eventCount']"));
        byEvents.click();
        await().atMost(WAIT).until(() -> "true".equals(byEvents.getDomAttribute("aria-pressed")));
        assertThat(driver.findElement(By.cssSelector("button[data-rank='newsCount']"))
                        .getDomAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(driver.findElement(By.id("timeline-heading")).getText()).isEqualTo("Events per month");
        List<String> rows = driver.findElements(By.cssSelector("#cluster-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-cluster-id"))
                .toList();
        List<Long> events = driver.findElements(By.cssSelector("#cluster-table tbody td.event-count")).stream()
                .map(c -> Long.parseLong(c.getText()))
                .toList();
        assertThat(events).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(rows.subList(8, 10)).as("only in the Berlin training").containsExactly("org:wsm", "org:zinnae");
        assertThat(driver.executeScript("return state.chart.data.datasets.length"))
                .isEqualTo(10L);
        assertThat(driver.executeScript(
                        "return state.chart.data.labels[0] + '..' + state.chart.data.labels.slice(-1)[0]"))
                .as("events are charted by the month they took place")
                .isEqualTo("2017-02..2018-06");

        driver.findElement(By.cssSelector("button[data-rank='newsCount']")).click();
        await().atMost(WAIT)
                .until(() ->
                        driver.findElement(By.id("timeline-heading")).getText().equals("News per month"));
        assertNoConsoleErrors();
    }

    @Test
    void showsANewEventLiveWhenAnActivityChangeArrives() {
        openDashboardLive();
        ClusterEvent visit = ClusterEvent.newBuilder()
                .setId("evt-live-visit")
                .setKind(NewsKind.STUDY_VISIT)
                .setStart(LocalDate.of(2019, 2, 1))
                .setEnd(LocalDate.of(2019, 2, 1))
                .setClusterIds(List.of("org:zinnae"))
                .setLanguages(List.of("es"))
                .setFirstReportedAt(LocalDate.of(2019, 2, 2))
                .setLastReportedAt(LocalDate.of(2019, 2, 2))
                .setReports(List.of(EventReport.newBuilder()
                        .setNewsId("news-live-visit")
                        .setTitle("<img src=x onerror=\"window.__xss = 'event'\"> Visita de estudio")
                        .setLanguage("es")
                        .setPublisherId("org:zinnae")
                        .setPublishedAt(LocalDate.of(2019, 2, 2))
                        .build()))
                .build();
        queries.put(visit);
        changeZinnaeByOneMoreNews(LocalDate.of(2019, 2, 2));

        await().atMost(WAIT)
                .until(() ->
                        !eventIdsOnPage().isEmpty() && eventIdsOnPage().get(0).equals("evt-live-visit"));
        assertThat(driver.findElement(By.cssSelector("[data-event-id='evt-live-visit'] .report-title"))
                        .getText())
                .isEqualTo("<img src=x onerror=\"window.__xss = 'event'\"> Visita de estudio");
        assertThat(driver.findElements(By.cssSelector("#event-list img"))).isEmpty();
        assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertNoConsoleErrors();
    }

    /** The ids of the events listed, read in one go so a re-render cannot interfere. */
    @SuppressWarnings("unchecked")
    private static List<String> eventIdsOnPage() {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('#event-list > li'), e => e.dataset.eventId);");
    }

    @Test
    void takesAScreenshotOfTheDashboardOnALaptopAndAPhone() throws IOException {
        openDashboard();
        screenshot(1280, Path.of("target/dashboard.png"));
        screenshot(390, Path.of("target/dashboard-phone.png"));
        assertThat(Files.size(Path.of("target/dashboard.png"))).isGreaterThan(10_000);
    }

    private void screenshot(int width, Path target) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 160, 6000)));
        await().pollDelay(Duration.ofMillis(300))
                .atMost(WAIT)
                .until(() -> true); // let the chart redraw at the new size
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private void openDashboard() {
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(server.uri().toString());
        await().atMost(WAIT)
                .until(() -> driver.findElements(By.cssSelector("#cluster-table tbody tr"))
                                        .size()
                                >= 10
                        && !driver.findElements(By.cssSelector("#news-list li")).isEmpty()
                        && !driver.findElements(By.cssSelector("#programme-list [data-programme-id]"))
                                .isEmpty());
    }

    /** Opens the dashboard and waits until it listens to live changes: it says so and the server has its stream. */
    private void openDashboardLive() {
        openDashboard();
        await().atMost(WAIT)
                .until(() -> driver.findElement(By.id("live-status")).getText().contains("on"));
        await().atMost(WAIT).until(() -> queries.listenerCount() > 0);
    }

    /** Sends ZINNAE's activity after one more news published that day, as the pipeline would; returns it before. */
    private ClusterActivity changeZinnaeByOneMoreNews(LocalDate publishedAt) {
        ClusterActivity zinnae = queries.storedCluster("org:zinnae");
        queries.change(SeedData.withOneMoreNews(zinnae, publishedAt));
        return zinnae;
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }
}
