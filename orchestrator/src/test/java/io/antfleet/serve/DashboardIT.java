package io.antfleet.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.antfleet.cli.Bootstrap;
import io.antfleet.cli.Main;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.docker.HostCommand;
import io.antfleet.store.DataHome;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.StoreConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code antfleet serve} over a real stand-in fleet (applied and run once through {@link Main#run}), driven by
 * Debian's Chromium headless through Playwright, and its API through an HTTP client. Screenshots of the
 * overview and a node grid go to {@code target/screenshots/} (copied into {@code docs/} by hand).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private final String fleet = "dash-it-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final String db = "jdbc:h2:mem:" + fleet.replace('-', '_') + ";DB_CLOSE_DELAY=-1";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Path dir;
    private Injector injector;
    private DashboardServer server;
    private ServeToken token;
    private String firstStart;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void fleetRunOnceAndServed() throws IOException {
        dir = Files.createTempDirectory("dash-it");
        System.setProperty(DataHome.PROPERTY, dir.toString());
        Path spec = write("fleet.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "network: evm-local", "noUpnp: true",
                "antnode: {version: 0.4.16}", "ports: {node: 52100, metrics: 52300, rpc: 52500, blockSize: 10}",
                "containers:", "  - name: a", "    nodes: {min: 2, max: 2}", "  - name: b", "    nodes: {min: 1, max: 1}",
                "autoscale: {nodeCap: 6}", ""));
        Path idle = write("idle.json", "{\"cpu\": 12, \"mem\": 30, \"disk\": 40, \"load1\": 0.3, \"load5\": 0.2, \"load15\": 0.1}");
        assertThat(cli("run", spec.toString(), "--once", "--assume-host", idle.toString())).isZero();
        assertThat(cli("run", "--once", "--assume-host", idle.toString())).isZero();
        injector = Bootstrap.injector(Bootstrap.modules(new GlobalOptions(Optional.of(db), Optional.empty(), OutputFormat.TABLE, false)));
        StringWriter printed = new StringWriter();
        server = injector.getInstance(Dashboard.class).start(new ListenAddress("127.0.0.1", 0), Optional.empty(),
                new PrintWriter(printed, true));
        firstStart = printed.toString();
        token = ServeToken.loadOrCreate(dir.resolve("antfleet"));
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage")));
    }

    @AfterAll
    void closeAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
        if (injector != null) {
            injector.getInstance(StoreConnection.class).close();
        }
        System.clearProperty(DataHome.PROPERTY);
        for (String id : docker("ps", "-aq", "--filter", "label=antfleet.fleet=" + fleet).split("\\s+")) {
            if (!id.isBlank()) {
                docker("rm", "-f", "-v", id);
            }
        }
        for (String volume : docker("volume", "ls", "-q", "--filter", "name=" + fleet).split("\\s+")) {
            if (volume.startsWith(fleet)) {
                docker("volume", "rm", volume);
            }
        }
    }

    @Test
    @Order(1)
    void theFirstStartWritesAnOwnerOnlyTokenAndPrintsItsLoginUrlOnce() throws IOException {
        assertThat(Files.getPosixFilePermissions(token.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(firstStart).contains(server.baseUrl() + "/login?token=" + token.value());
        StringWriter second = new StringWriter();
        try (DashboardServer again = injector.getInstance(Dashboard.class).start(new ListenAddress("127.0.0.1", 0),
                Optional.empty(), new PrintWriter(second, true))) {
            assertThat(second.toString()).contains("dashboard at " + again.baseUrl()).doesNotContain(token.value());
        }
    }

    @Test
    @Order(2)
    void withoutCredentialsTheApiAnswers401AndThePagesTheLoginPage() throws Exception {
        HttpResponse<String> api = get("/api/v1/fleet", Optional.empty());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"antfleet\"");
        assertThat(get("/api/v1/fleet", Optional.of("not-the-token-" + "x".repeat(40))).statusCode()).isEqualTo(401);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            com.microsoft.playwright.Response response = page.navigate(server.baseUrl() + "/");
            assertThat(response.status()).isEqualTo(401);
            assertThat(page.locator("input#token").isVisible()).isTrue();
            assertThat(page.navigate(server.baseUrl() + "/login?token=wrong").status()).isEqualTo(401);
            assertThat(page.locator("#problem").textContent()).contains("not the one in serve.token");
        }
    }

    @Test
    @Order(3)
    void theApiAnswersTheBearerWithTheFleetDecisionsOperationsReadingsAndOpenapi() throws Exception {
        JsonNode fleetJson = json.readTree(get("/api/v1/fleet", Optional.of(token.value())).body());
        assertThat(fleetJson.get("containers")).hasSize(2);
        JsonNode a = container(fleetJson, fleet + "-a");
        assertThat(a.get("containerId").asText()).isNotBlank();
        assertThat(a.get("host").asText()).isEqualTo("local");
        assertThat(a.get("nodes")).hasSize(2);
        JsonNode node = a.get("nodes").get(0);
        assertThat(node.get("service").asText()).isEqualTo("antnode1");
        assertThat(node.get("status").asText()).isEqualTo("RUNNING");
        assertThat(node.get("nodePort").asInt()).isBetween(52100, 52119);
        assertThat(node.get("version").asText()).isEqualTo("0.4.16");
        assertThat(node.get("readAt").asText()).isNotEmpty();
        assertThat(node.get("readings").get("connectedPeers").isNumber()).isTrue();
        assertThat(fleetJson.get("counts").get("RUNNING").asInt()).isEqualTo(3);
        assertThat(fleetJson.get("nodeCap").asInt()).isEqualTo(6);
        assertThat(fleetJson.get("host").get("cpu").get("value").asDouble()).isEqualTo(12.0);
        assertThat(fleetJson.get("host").get("cpu").get("removeAbove").asDouble()).isEqualTo(70.0);

        JsonNode decisions = json.readTree(get("/api/v1/decisions", Optional.of(token.value())).body()).get("decisions");
        assertThat(decisions).isNotEmpty();
        assertThat(decisions.get(0).get("reason").asText()).isNotBlank();
        JsonNode operations = json.readTree(get("/api/v1/operations", Optional.of(token.value())).body()).get("operations");
        assertThat(operations).anySatisfy(o -> assertThat(o.get("state").asText()).isEqualTo("DONE"));

        JsonNode readings = json.readTree(get("/api/v1/readings?node=" + fleet + "-a/antnode1&since=1h", Optional.of(token.value())).body());
        assertThat(readings.get("readings").size()).isGreaterThanOrEqualTo(2);
        assertThat(get("/api/v1/readings?node=" + fleet + "-a/antnode99", Optional.of(token.value())).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/readings?node=x&since=yesterday", Optional.of(token.value())).statusCode()).isEqualTo(400);

        JsonNode history = json.readTree(get("/api/v1/history?since=1h", Optional.of(token.value())).body());
        assertThat(history.get("host").size()).isGreaterThanOrEqualTo(2);
        assertThat(history.get("host").get(0).get("running").asInt()).isEqualTo(3);
        assertThat(history.get("totals").size()).isGreaterThanOrEqualTo(2);

        JsonNode openapi = json.readTree(get("/api/v1/openapi.json", Optional.of(token.value())).body());
        assertThat(openapi.get("paths").has("/api/v1/fleet")).isTrue();
    }

    @Test
    @Order(4)
    void aBearerOrASessionWithoutItsCsrfTokenCannotChangeAnything() throws Exception {
        String stop = "/api/v1/nodes/" + fleet + "-b/antnode1/stop";
        HttpResponse<String> bearer = post(stop, Optional.of("Bearer " + token.value()), Optional.empty(), "{\"confirm\": true}");
        assertThat(bearer.statusCode()).isEqualTo(403);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/login?token=" + token.value());
            Object status = page.evaluate("async path => (await fetch(path, {method: 'POST', headers: {'Content-Type': "
                    + "'application/json', 'X-CSRF-Token': 'forged'}, body: JSON.stringify({confirm: true})})).status", stop);
            assertThat(((Number) status).intValue()).isEqualTo(403);
            Object unconfirmed = page.evaluate("async path => { const csrf = (await (await fetch('/api/v1/session')).json()).csrf;"
                    + " return (await fetch(path, {method: 'POST', headers: {'X-CSRF-Token': csrf}, body: '{}'})).status; }", stop);
            assertThat(((Number) unconfirmed).intValue()).isEqualTo(400);
        }
        JsonNode b = container(json.readTree(get("/api/v1/fleet", Optional.of(token.value())).body()), fleet + "-b");
        assertThat(b.get("nodes").get(0).get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    @Order(5)
    void loggedInByTokenTheOverviewGridAndChartsShowTheFleet() throws IOException {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/login?token=" + token.value());
            assertThat(page.url()).isEqualTo(server.baseUrl() + "/");
            assertThat(context.cookies()).anySatisfy(c -> {
                assertThat(c.name).isEqualTo("antfleet_session");
                assertThat(c.httpOnly).isTrue();
                assertThat(c.sameSite).hasToString("STRICT");
            });
            page.locator("#containers tbody tr").first().waitFor();
            assertThat(page.locator("#containers tbody").textContent()).contains(fleet + "-a", fleet + "-b", "RUNNING 2");
            assertThat(page.locator("#totals").textContent()).contains("nodes of cap 6");
            assertThat(page.locator("#host").textContent()).contains("12.0%", "remove > 70");
            assertThat(page.locator("table.grid[data-container='" + fleet + "-a'] tbody tr").count()).isEqualTo(2);
            assertThat(page.locator("table.grid[data-container='" + fleet + "-a'] tr[data-service='antnode1'] td.status").textContent())
                    .isEqualTo("RUNNING");
            assertThat(page.locator("#decisions tbody tr").count()).isPositive();
            assertThat(page.locator("#operations tbody tr").count()).isPositive();
            // the page's CSP forbids eval, so no waitForFunction: poll with evaluate (a function, not a string)
            await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> ((Number) page.evaluate(
                    "() => window.Chart && Chart.getChart('chart-host') ? Chart.getChart('chart-host').data.labels.length : 0"))
                    .intValue() >= 2);
            Object points = page.evaluate("() => Chart.getChart('chart-nodes').data.datasets[0].data");
            assertThat((List<?>) points).isNotEmpty().allSatisfy(p -> assertThat(((Number) p).intValue()).isEqualTo(3));
            page.locator("table.grid[data-container='" + fleet + "-a'] tr[data-service='antnode2'] button.node-link").click();
            await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> ((Number) page.evaluate(
                    "() => Chart.getChart('chart-node') ? Chart.getChart('chart-node').data.datasets[0].data.length : 0")).intValue() >= 2);
            assertThat(page.locator("#node-chart-title").textContent()).isEqualTo(fleet + "-a/antnode2: records and peers");
            Path shots = Files.createDirectories(Paths.get("target", "screenshots"));
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("dashboard-overview.png")).setFullPage(false));
            page.locator("#nodes").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(shots.resolve("dashboard-node-grid.png")));
        }
    }

    @Test
    @Order(5)
    void onAPhoneThePageFitsItsWidthAndTheGridsScrollWithinTheirBoxes() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/login?token=" + token.value());
            page.locator("table.grid tbody tr").first().waitFor();
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of the page, px").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "dashboard-phone.png")));
        }
    }

    @Test
    @Order(6)
    void aConfirmedStopStopsTheNodeAndTheGridShowsItStopped() throws IOException {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/login?token=" + token.value());
            String row = "table.grid[data-container='" + fleet + "-b'] tr[data-service='antnode1']";
            page.locator(row + " button[data-action='stop']").click();
            assertThat(page.locator("#confirm-text").textContent()).isEqualTo("stop antnode1 in " + fleet + "-b?");
            page.locator("#confirm-yes").click();
            await().pollInSameThread().atMost(Duration.ofSeconds(90))
                    .until(() -> page.locator("#message").textContent().contains("done"));
            assertThat(page.locator("#message").textContent()).isEqualTo("stop " + fleet + "-b/antnode1: done");
            await().pollInSameThread().atMost(Duration.ofSeconds(15))
                    .until(() -> page.locator(row + " td.status").textContent().equals("STOPPED"));
        }
        JsonNode antctl = json.readTree(docker("exec", fleet + "-b", "antctl", "status", "--json"));
        assertThat(antctl.get("nodes").get(0).get("status").asText()).as("antctl's own word").isEqualTo("Stopped");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(get("/api/v1/operations?limit=5",
                Optional.of(token.value())).body()).get("operations").get(0).get("intent").asText()).isEqualTo("stop"));
    }

    @Test
    @Order(7)
    void underRunServeAnActionUsesTheLeaseRunOfThisProcessHolds() throws IOException, InterruptedException {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String run = LeaseHolderProcess.holderForThisProcess("run");
        assertThat(lease.tryAcquire(run, Duration.ofMinutes(5))).isTrue();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(server.baseUrl() + "/login?token=" + token.value());
            Object answer = page.evaluate("async path => { const csrf = (await (await fetch('/api/v1/session')).json()).csrf;"
                    + " const r = await fetch(path, {method: 'POST', headers: {'X-CSRF-Token': csrf, 'Content-Type': 'application/json'},"
                    + " body: JSON.stringify({confirm: true})}); return r.status + ' ' + (await r.text()); }",
                    "/api/v1/nodes/" + fleet + "-b/antnode1/start");
            assertThat(answer.toString()).startsWith("200 ").contains("start " + fleet + "-b/antnode1: done");
            assertThat(lease.current()).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo(run));
        } finally {
            lease.release(run);
        }
        JsonNode b = container(json.readTree(get("/api/v1/fleet", Optional.of(token.value())).body()), fleet + "-b");
        assertThat(b.get("nodes").get(0).get("status").asText()).isEqualTo("RUNNING");
    }

    private static JsonNode container(JsonNode fleetJson, String name) {
        for (JsonNode c : fleetJson.get("containers")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name + " in " + fleetJson);
    }

    private HttpResponse<String> get(String path, Optional<String> bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        bearer.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Optional<String> authorization, Optional<String> csrf, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(a -> b.header("Authorization", a));
        csrf.ifPresent(c -> b.header("X-CSRF-Token", c));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
        if (code != 0) {
            System.err.println(out.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return HostCommand.run(command, Duration.ofSeconds(30)).out();
    }
}
