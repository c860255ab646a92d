package org.perfgraph.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfgraph.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard and the upload page as a person uses them: Debian's headless chromium (driven through Debian's
 * chromium-driver, nothing downloaded) against the shared test service with the seeds. Each test checks that the
 * page logged no console error and that no request left 127.0.0.1. Screenshots go to target/browser/. Where
 * chromium or chromedriver is not installed the tests are skipped with that message.
 */
class BrowserTest extends GraphTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path ARTIFACTS = Path.of("target", "browser");
    // a cold service on a starved shared machine answered the first dashboard (14 requests) in over 120 s once
    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One browser for all tests of the class. */
    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void browser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        if (browser == null) {
            Files.createDirectories(ARTIFACTS.resolve("downloads"));
            profile = Files.createTempDirectory("perfgraph-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", ARTIFACTS.resolve("downloads").toAbsolutePath().toString(),
                    "download.prompt_for_download", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().scriptTimeout(PATIENCE);
            browser.manage().timeouts().pageLoadTimeout(PATIENCE);
        }
        // a clean page and empty logs for each test
        browser.get("about:blank");
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
    }

    @AfterEach
    void pageStayedLocalAndQuiet() {
        if (browser == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("console errors").isEmpty();
        assertThat(requestedUrls()).as("requests").isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("(http://127\\.0\\.0\\.1:" + port + "/.*|data:.*|about:blank|blob:http://127\\.0\\.0\\.1:.*)"));
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every URL the browser requested since the logs were last read (Chrome's network events). */
    private static List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
                urls.add(message.path("params").path("request").path("url").asString());
            }
        }
        return urls;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
    }

    /** The whole page (not only the window), as a person scrolling it would see it. */
    private static void screenshot(String name) {
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 8000), "scale", 1)));
        try {
            Files.write(ARTIFACTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every panel of the current filter state has drawn (or failed). */
    private static void dashboardReady() {
        waiting().until(d -> {
            Object generation = ((JavascriptExecutor) d).executeScript("return document.body.getAttribute('data-generation')");
            return generation != null && generation.equals(d.findElement(By.tagName("body")).getAttribute("data-ready"));
        });
        for (WebElement panel : browser.findElements(By.cssSelector("section.panel"))) {
            assertThat(panel.getAttribute("data-ready")).as(panel.getAttribute("id") + ": " + text(panel, ".state")).isEqualTo("true");
        }
    }

    private static String text(WebElement root, String css) {
        return root.findElement(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    private static String figure(String name) {
        return text(browser.findElement(By.cssSelector("[data-figure=" + name + "]")), ".v");
    }

    /** The rows of a panel's accessible table, each row's cells' text. */
    private static List<List<String>> tableRows(String panel, int table) {
        WebElement t = browser.findElements(By.cssSelector("#" + panel + " .tables table")).get(table);
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : t.findElements(By.cssSelector("tbody tr"))) {
            rows.add(tr.findElements(By.cssSelector("th, td")).stream().map(c -> c.getAttribute("textContent").trim()).toList());
        }
        return rows;
    }

    @Test
    void the_root_redirects_to_the_dashboard() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
        browser.get(base() + "/");
        waiting().until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        dashboardReady();
    }

    @Test
    void every_panel_renders_the_seed_figures_with_a_chart_and_a_table() throws Exception {
        browser.get(base() + "/dashboard");
        dashboardReady();
        screenshot("dashboard");

        assertThat(figure("documents")).isEqualTo("2");
        assertThat(figure("units")).isEqualTo("2");
        assertThat(figure("projects")).isEqualTo("22");
        assertThat(figure("targets")).isEqualTo("214");
        // the reuse ranking starts with the Minhang boilerplate indicator, filed by 10 projects
        List<List<String>> reuse = tableRows("panel-reuse", 0);
        assertThat(reuse.get(0)).containsSequence("长效管理机制健全性", "10");
        assertThat(reuse.get(1)).containsSequence("项目成本控制率", "9");
        // targets by L1/L2 and value kind add up to every target
        assertThat(tableRows("panel-categories", 0).stream().mapToInt(r -> Integer.parseInt(r.get(3).replace(",", ""))).sum())
                .isEqualTo(214);
        // heat map: both units against the 10 most reused indicators; 长效管理机制健全性 only in Minhang's 10 forms
        List<List<String>> heat = tableRows("panel-heatmap", 0);
        assertThat(heat).hasSize(2);
        assertThat(heat).anySatisfy(r -> assertThat(r).startsWith("投资促进中心（上海市闵行区）", "10"));
        // the near-duplicate pair of the seeds, with the differing characters marked
        assertThat(browser.findElements(By.cssSelector("#panel-similar .pair"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#panel-similar .pair ins")).getAttribute("textContent")).isNotBlank();
        assertThat(tableRows("panel-similar", 0)).singleElement().satisfies(r -> assertThat(r).startsWith("簇 1", "2", "1"));
        // findings by kind, and the quality ranking of the two units as the API ranks them (most findings first)
        // findings: every kind of the schema's enum, each with its exact count as the API totals it
        assertThat(tableRows("panel-findings", 0)).containsExactlyElementsOf(findingCountsFromApi());
        assertThat(tableRows("panel-findings", 0)).hasSize(11).extracting(r -> r.get(0))
                .contains("指标值无法衡量", "套话指标（多个项目填报相同）", "指标值比同类宽松", "指标值与往年相同");
        // the same goal text pasted into several projects: the seeds' two, with their statements
        List<List<String>> shared = tableRows("panel-shared", 0);
        assertThat(shared).extracting(r -> r.get(2) + "/" + r.get(3)).containsExactly("2/7", "1/6");
        assertThat(shared.get(0).get(1)).startsWith("预计聘请专业机构或行业专家开展项目评估");
        assertThat(browser.findElements(By.cssSelector("#panel-shared .shared-list a.source-link"))).isNotEmpty();
        String sharedCsv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                browser.findElement(By.cssSelector("#panel-shared a.csv")).getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(sharedCsv.lines().count()).isEqualTo(1 + 7 + 6);
        assertThat(browser.findElements(By.cssSelector("#panel-findings .findings-list li"))).isNotEmpty();
        List<List<String>> quality = tableRows("panel-quality", 0);
        assertThat(quality).extracting(r -> r.get(8)).containsExactly(findingsFromApi().toArray(String[]::new));
        assertThat(quality).extracting(r -> r.get(1)).containsExactly("投资促进中心（上海市闵行区）", "投资促进中心（珠海高新技术产业开发区）");

        // every chart drew on its canvas, and every panel offers PNG and CSV
        for (WebElement panel : browser.findElements(By.cssSelector("section.panel"))) {
            assertThat(panel.findElement(By.cssSelector(".chart")).getAttribute("data-rendered")).isEqualTo("true");
            assertThat(panel.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
            assertThat(panel.findElement(By.cssSelector("a.csv")).getAttribute("href")).startsWith(base() + "/export/");
            assertThat(panel.findElements(By.cssSelector("button.png"))).hasSize(1);
        }
        Path png = ARTIFACTS.resolve("downloads").resolve("指标复用排行.png");
        Files.deleteIfExists(png);
        browser.findElement(By.cssSelector("#panel-reuse button.png")).click();
        waiting().until(d -> Files.exists(png));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // the overview's CSV link is the projects export under the same filter
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                browser.findElement(By.cssSelector("#panel-overview a.csv")).getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(csv.lines().count()).isEqualTo(1 + 22);
    }

    @Test
    void a_filter_changes_every_number_and_stays_in_the_url() throws Exception {
        browser.get(base() + "/dashboard");
        dashboardReady();
        new Select(browser.findElement(By.id("f-region"))).selectByValue("珠海高新技术产业开发区");
        waiting().until(d -> d.getCurrentUrl().contains("region="));
        dashboardReady();
        screenshot("dashboard-zhuhai");
        assertThat(figure("projects")).isEqualTo("10");
        assertThat(figure("targets")).isEqualTo("62");
        assertThat(figure("units")).isEqualTo("1");
        assertThat(tableRows("panel-reuse", 0).get(0)).containsSequence("项目验收通过率", "4");
        assertThat(tableRows("panel-quality", 0)).singleElement()
                .satisfies(r -> assertThat(r.get(1)).isEqualTo("投资促进中心（珠海高新技术产业开发区）"));
        assertThat(tableRows("panel-heatmap", 0)).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#panel-overview a.csv")).getAttribute("href")).contains("where=");
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                browser.findElement(By.cssSelector("#panel-overview a.csv")).getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(csv.lines().count()).isEqualTo(1 + 10);

        // the URL alone restores the filter; the unit filter narrows the analytics alike
        String url = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(url);
        dashboardReady();
        assertThat(new Select(browser.findElement(By.id("f-region"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("珠海高新技术产业开发区");
        assertThat(figure("projects")).isEqualTo("10");
        new Select(browser.findElement(By.id("f-region"))).selectByValue("");
        dashboardReady();
        new Select(browser.findElement(By.id("f-unit"))).selectByVisibleText("投资促进中心（上海市闵行区）");
        dashboardReady();
        assertThat(figure("projects")).isEqualTo("12");
        assertThat(tableRows("panel-reuse", 0).get(0)).containsSequence("长效管理机制健全性", "10");
        assertThat(browser.findElements(By.cssSelector("#panel-similar .pair"))).isEmpty();
        // the shared goal texts are Zhuhai's: none under the Minhang unit, and the CSV link carries the scope
        assertThat(browser.findElements(By.cssSelector("#panel-shared .tables tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#panel-shared a.csv")).getAttribute("href")).contains("where=");
        assertThat(tableRows("panel-findings", 0)).containsExactlyElementsOf(findingCountsFromApi(
                browser.findElement(By.id("f-unit")).getAttribute("value")));
    }

    @Test
    void a_finding_links_to_its_project_and_to_its_source_line() {
        browser.get(base() + "/dashboard");
        dashboardReady();
        WebElement finding = browser.findElement(By.cssSelector("#panel-findings .findings-list li[data-kind=CODE_LABEL_MISMATCH]"));
        String line = finding.findElement(By.cssSelector("a.source-link")).getText().replaceAll(".*第 (\\d+) 行", "$1");
        finding.findElement(By.cssSelector("a.source-link")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#detail pre.source .hit")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("source=").contains("line=" + line);
        String hit = browser.findElement(By.cssSelector("#detail pre.source .hit")).getAttribute("textContent").trim();
        // README: 211003386 活动次数 in 高新区展厅更新经费, filed under a foreign L1
        assertThat(hit).startsWith(line).contains("211003386");
        screenshot("dashboard-source-line");

        finding = browser.findElement(By.cssSelector("#panel-findings .findings-list li[data-kind=CODE_LABEL_MISMATCH]"));
        finding.findElement(By.cssSelector("a.project-link")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#detail h2")).stream().anyMatch(h -> h.getText().equals("高新区展厅更新经费")));
        assertThat(browser.getCurrentUrl()).contains("project=");
        assertThat(browser.findElements(By.cssSelector("#detail table tbody tr"))).isNotEmpty();
    }

    @Test
    void the_upload_page_dry_runs_a_seed_file_then_imports_it_on_confirmation() throws Exception {
        String name = "上传测试-珠海.txt";
        Path file = Files.createTempDirectory("perfgraph-upload").resolve(name);
        try (var seed = getClass().getResourceAsStream("/samples/000_4081c7b18e37fcb4.txt")) {
            Files.write(file, seed.readAllBytes());
        }
        try {
            browser.get(base() + "/import");
            // the editor key, entered once, is kept for the browser session
            browser.findElement(By.id("key-input")).sendKeys(EDITOR_KEY);
            browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
            assertThat(browser.findElement(By.id("key-set")).isDisplayed()).isTrue();
            assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('perfgraph.key')")).isEqualTo(EDITOR_KEY);

            browser.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
            WebElement result = waiting().until(d -> d.findElements(By.cssSelector(".file-result")).stream()
                    .filter(r -> "dry-run".equals(r.getAttribute("data-stage")) || "error".equals(r.getAttribute("data-stage")))
                    .findFirst().orElse(null));
            assertThat(result.getAttribute("data-stage")).as(text(result, ".state")).isEqualTo("dry-run");
            Map<String, String> dry = summary(result.findElement(By.cssSelector(".dry-run table")));
            assertThat(dry).containsEntry("状态", "试运行（未写入）").containsEntry("项目数", "10").containsEntry("绩效指标数", "62");
            // a dry run writes nothing
            assertThat(stored(name)).isFalse();
            screenshot("import-dry-run");

            result.findElement(By.cssSelector("button.confirm")).click();
            waiting().until(d -> "imported".equals(result.getAttribute("data-stage")) || "error".equals(result.getAttribute("data-stage")));
            assertThat(result.getAttribute("data-stage")).as(text(result, ".state")).isEqualTo("imported");
            assertThat(summary(result.findElement(By.cssSelector(".imported table")))).containsEntry("状态", "已导入")
                    .containsEntry("项目数", "10");
            assertThat(stored(name)).isTrue();
            screenshot("import-done");
        } finally {
            editor().document("mutation($n: String!) { removeDocument(input: {name: $n}) { removed } }").variable("n", name)
                    .execute().errors().verify();
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
    }

    @Test
    void a_file_dropped_on_the_page_that_cannot_be_read_is_refused_naming_it() {
        browser.get(base() + "/import");
        browser.executeScript("sessionStorage.setItem('perfgraph.key', arguments[0])", EDITOR_KEY);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("key-set")).isDisplayed()).isTrue();
        try {
            // what a person's drag and drop hands the page: a DataTransfer holding the file
            browser.executeScript("var dt = new DataTransfer();"
                    + "dt.items.add(new File([new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])], '损坏的表.bin'));"
                    + "document.getElementById('dropzone').dispatchEvent("
                    + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
            WebElement result = waiting().until(d -> d.findElements(By.cssSelector(".file-result[data-stage=error]")).stream()
                    .findFirst().orElse(null));
            String message = text(result, ".state");
            assertThat(message).startsWith("不能导入：").contains("损坏的表.bin").doesNotContain("Exception");
            assertThat(result.findElements(By.cssSelector("button.confirm"))).isEmpty();
            assertThat(stored("损坏的表.bin")).isFalse();
            screenshot("import-refused");
        } finally {
            browser.executeScript("sessionStorage.clear()");
        }
    }

    private static Map<String, String> summary(WebElement table) {
        Map<String, String> m = new HashMap<>();
        for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.cssSelector("th, td"));
            m.put(cells.get(0).getAttribute("textContent").trim(), cells.get(1).getAttribute("textContent").trim());
        }
        return m;
    }

    private boolean stored(String name) {
        return graphQl.document("query($n: String!) { documents(where: {name: {eq: $n}}) { totalCount } }").variable("n", name)
                .execute().path("documents.totalCount").entity(Integer.class).get() == 1;
    }

    private List<List<String>> findingCountsFromApi() {
        return findingCountsFromApi(null);
    }

    /** Each finding kind of the schema, its label and its totalCount (under a unit, or all): the findings panel's table. */
    @SuppressWarnings("unchecked")
    private List<List<String>> findingCountsFromApi(String unitId) {
        List<String> kinds = graphQl.document("{ __type(name: \"FindingKind\") { enumValues { name } } }").execute()
                .path("__type.enumValues[*].name").entityList(String.class).get();
        Map<String, String> labels = Map.ofEntries(Map.entry("CODE_LABEL_MISMATCH", "编码与类别不符"),
                Map.entry("DUPLICATE_INDICATOR", "指标重复"), Map.entry("TEXT_FROM_OTHER_PROJECT", "目标文本取自其他项目"),
                Map.entry("UNIT_NAME_MISMATCH", "计量单位与指标名不符"), Map.entry("CATEGORY_BY_NAME", "指标名所示类别不符"),
                Map.entry("PERIOD_ANNUAL_DIFFER", "实施周期值与年度值不一致"), Map.entry("PARSE_UNCERTAIN", "读取存疑"),
                Map.entry("VAGUE_TARGET", "指标值无法衡量"), Map.entry("BOILERPLATE_TARGET", "套话指标（多个项目填报相同）"),
                Map.entry("TARGET_LOOSER_THAN_PEERS", "指标值比同类宽松"), Map.entry("TARGET_UNCHANGED_ACROSS_YEARS", "指标值与往年相同"));
        List<List<String>> rows = new ArrayList<>();
        for (String kind : kinds) {
            Map<String, Object> where = unitId == null ? null : Map.of("unitId", unitId);
            Map<String, Object> vars = new HashMap<>();
            vars.put("w", where);
            Integer total = graphQl.document("query($w: FindingFilter) { findings(kinds: [" + kind + "], where: $w, first: 1) { totalCount } }")
                    .variables(vars).execute().path("findings.totalCount").entity(Integer.class).get();
            rows.add(List.of(labels.getOrDefault(kind, kind), String.format(java.util.Locale.ROOT, "%,d", total)));
        }
        return rows;
    }

    /** The units' findings as qualityByUnit answers, in its order: what the ranking panel must show. */
    @SuppressWarnings("unchecked")
    private List<String> findingsFromApi() {
        return graphQl.document("{ qualityByUnit { findings } }").execute().path("qualityByUnit").entityList(Map.class).get()
                .stream().map(m -> String.valueOf(((Map<String, Object>) m).get("findings"))).toList();
    }
}
