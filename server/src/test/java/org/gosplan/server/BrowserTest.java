package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Progress;
import org.gosplan.planner.PlanOptions;
import org.gosplan.record.Event;
import org.gosplan.record.PlanRecords;
import org.gosplan.record.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium at a phone's width, driven through
 * chromedriver. Screenshots go to {@code target/screenshots/}. Skipped where Chromium is not
 * installed, unless {@code -Dgosplan.browser.required=true} (as scripts/test.sh sets, after
 * installing it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SHOTS = Path.of("target", "screenshots");

    private Path dir;
    private Fixture fixture;
    private Server tampering;
    private WebDriver driver;
    private long planIndex;

    static Path village() {
        String root = System.getProperty("gosplan.root");
        return Path.of(root != null ? root : "..", "examples", "village.economy.json");
    }

    /** Serves each event with one hash of its inclusion proof altered: a server that lies. */
    static final class WrongProofs implements Routes {
        @Override
        public void addTo(Javalin app, Served served) {
            app.after("/api/events/{index}", ctx -> {
                ObjectNode e = (ObjectNode) Served.mapper().readTree(ctx.result());
                ArrayNode path = (ArrayNode) e.path("proof").path("inclusion");
                String h = path.get(0).asText();
                path.set(0, Served.mapper().getNodeFactory().textNode((h.charAt(0) == '0' ? "1" : "0")
                        + h.substring(1)));
                ctx.result(Served.mapper().writeValueAsString(e));
            });
        }
    }

    @BeforeAll
    void start() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (Boolean.getBoolean("gosplan.browser.required")) {
            assertTrue(installed, "the browser tests need Debian's chromium and chromium-driver");
        }
        assumeTrue(installed, "chromium and chromedriver are not installed; scripts/test.sh installs them");
        dir = Files.createTempDirectory("gosplan-browser");
        fixture = new Fixture(dir);
        Record r = fixture.record;
        Record.Recorded economy = r.publishEconomy(village(), fixture.operator, Progress.NONE);
        ObjectNode targets = Served.object();
        targets.put("hash", r.storeTargets(r.economy(economy.hash())));
        targets.put("economy", economy.hash());
        r.append("targets.set", targets, fixture.council);
        planIndex = PlanRecords.computeAndRecord(r, PlanOptions.fulfil(), fixture.operator).index();
        List<Routes> lying = new java.util.ArrayList<>(Capabilities.all());
        lying.add(new WrongProofs());
        tampering = Server.start(r, fixture.log, "127.0.0.1", 0, Limits.defaults().unlimitedRates(), null, lying);

        Files.createDirectories(SHOTS);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        // A phone: 375 CSS pixels wide.
        o.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (tampering != null) {
            tampering.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private String waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Keeps what the phone's screen shows, as a test artefact. */
    private void shoot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNoSidewaysScroll(String page) {
        Object wide = ((JavascriptExecutor) driver).executeScript(
                "const d = document.documentElement; if (d.scrollWidth <= d.clientWidth) return null;"
                        + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                        + " > d.clientWidth + 0.5 && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '#' + e.id"
                        + " + '.' + e.className + ' ' + e.getBoundingClientRect().right).join(', ') || 'something'");
        assertEquals(null, wide, page + " scrolls sideways at 375 px; too wide: " + wide);
    }

    @Test
    void thePlanPageShowsLambdaAndAChart() throws Exception {
        driver.get(fixture.url("/plan"));
        String value = waitForText("#value", "times over");
        JsonNode plan = Fixture.json(fixture.get("/api/plans/latest")).get("plan");
        double lambda = plan.get("value").asDouble();
        assertEquals(2.4139, lambda, 1e-4, "the village's λ, as the README gives it");
        assertTrue(value.startsWith("2.413899"), value);
        Object bars = ((JavascriptExecutor) driver).executeScript(
                "const c = Chart.getChart(document.getElementById('levels-chart'));"
                        + "return c ? c.data.labels.length : -1");
        assertEquals((long) Math.min(20, plan.get("levels").size()), bars);
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('levels-chart').getBoundingClientRect().height");
        assertTrue(((Number) height).doubleValue() > 50, "the chart is drawn: " + height);
        assertTrue(driver.findElement(By.id("status")).getText().contains("recorded at entry " + planIndex));
        shoot("plan");
        assertNoSidewaysScroll("/plan");
    }

    @Test
    void anEventPageVerifiesItsInclusionAndCatchesAWrongProof() throws Exception {
        driver.get(fixture.url("/events/1"));
        String ok = waitForText("#inclusion-check", "inclusion verified");
        assertTrue(ok.contains("entry 1"), ok);
        waitForText("#signature-check", "checkpoint signature verified");
        assertTrue(driver.findElement(By.id("inclusion-check")).getAttribute("class").contains("ok"));
        shoot("event");
        assertNoSidewaysScroll("/events/1");

        driver.get("http://127.0.0.1:" + tampering.port() + "/events/1");
        String bad = waitForText("#inclusion-check", "inclusion NOT verified");
        assertTrue(bad.contains("not to the checkpoint"), bad);
        assertTrue(driver.findElement(By.id("inclusion-check")).getAttribute("class").contains("bad"));
        shoot("event-wrong-proof");
    }

    @Test
    void aVoteCastFromThePageIsOnTheLogSignedByTheMembersKey() throws Exception {
        Path keyFile = dir.resolve("citizen.key");
        Files.writeString(keyFile, fixture.citizen + "\n");
        long before = fixture.log.size();
        driver.get(fixture.url("/vote"));
        waitForText("#ballot-info", "approval");
        driver.findElement(By.id("option-2")).click();
        driver.findElement(By.id("key")).sendKeys(keyFile.toAbsolutePath().toString());
        waitForText("#key-info", "Signing as citizen+");
        shoot("vote");
        assertNoSidewaysScroll("/vote");
        driver.findElement(By.id("cast")).click();
        String result = waitForText("#cast-result", "vote recorded at entry");
        long index = Long.parseLong(result.replaceAll(".*entry (\\d+).*", "$1"));
        assertEquals(before, index);
        Event vote = fixture.record.event(index);
        assertEquals("vote.cast", vote.type());
        assertTrue(vote.signedBy(fixture.citizen.verifier()), "signed with the key from the file");
        assertEquals(fixture.ballot, vote.body().get("ballot").asLong());
        assertEquals("[\"east\"]", vote.body().get("approve").toString());
        shoot("vote-cast");
    }

    @Test
    void aClosedStvBallotShowsItsCountStageByStage() throws Exception {
        Record r = fixture.record;
        ObjectNode b = Served.object();
        b.put("title", "Who keeps the bakery's books?");
        b.put("method", "stv");
        List.of("ana", "boris", "chen").forEach(b.putArray("options")::add);
        b.put("electorate", "all");
        b.put("seats", 1).putNull("budget").put("adopt", false);
        long ballot = r.append("ballot.opened", b, fixture.council);
        org.gosplan.council.ballot.Ballots.vote(r, ballot, null, "boris,ana", fixture.citizen);
        org.gosplan.council.ballot.Ballots.vote(r, ballot, null, "boris,chen", fixture.council);
        org.gosplan.council.ballot.Ballots.close(r, ballot, fixture.council);
        driver.get(fixture.url("/ballots/" + ballot));
        assertEquals("boris", waitForText("#winners", "boris"));
        assertTrue(driver.findElement(By.id("status")).getText().contains("after 2 votes"));
        assertEquals("Stages of the count", driver.findElement(By.id("steps-title")).getText());
        assertTrue(!driver.findElements(By.cssSelector("#steps li")).isEmpty(), "the stages are listed");
        assertTrue(driver.findElement(By.id("options")).getText().contains("chen"));
        shoot("ballot-closed");
        assertNoSidewaysScroll("/ballots/" + ballot);
    }

    @Test
    void theFulfilmentPageShowsThePlanAgainstReportsAndFitsAPhone() throws Exception {
        org.gosplan.inspection.Reports.registerUnit(fixture.record, "mill", List.of(
                fixture.record.economy(fixture.record.snapshot().economy().hash()).techniqueId(0)), Map.of(),
                fixture.operator);
        driver.get(fixture.url("/fulfilment"));
        String reported = waitForText("#reported", " of ");
        assertTrue(reported.startsWith("0 of "), reported);
        assertTrue(driver.findElement(By.id("status")).getAttribute("class").contains("check"));
        shoot("fulfilment");
        assertNoSidewaysScroll("/fulfilment");
    }

    @Test
    void anInspectionPageShowsTheDrawWithEveryonesProbability() throws Exception {
        InspectionRoutesTest.Drawn o = InspectionRoutesTest.ordered(fixture, dir);
        org.gosplan.inspection.Draws.record(fixture.record, o.inspection(),
                org.gosplan.ledger.NoteSigner.fromSeed("north", Fixture.seed(11)));
        JsonNode draw = Fixture.json(fixture.get("/api/inspections/" + o.inspection())).get("draw");
        driver.get(fixture.url("/inspections/" + o.inspection()));
        waitForText("#status", "recompute from the log");
        assertEquals(draw.get("seed").asText(), driver.findElement(By.id("seed-value")).getText());
        String table = driver.findElement(By.id("probabilities")).getText();
        assertTrue(table.contains("0.5") && table.contains("drawn"), table);
        shoot("inspection");
        assertNoSidewaysScroll("/inspections/" + o.inspection());
    }

    @Test
    void everyPageFitsAPhone() throws Exception {
        driver.get(fixture.url("/"));
        waitForText("#checkpoint-check", "checkpoint signature verified");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("events-table")));
        shoot("record");
        assertNoSidewaysScroll("/");
        for (String page : new String[] {"/plan", "/vote", "/events/" + planIndex, "/ballots",
            "/inspections"}) {
            driver.get(fixture.url(page));
            Thread.sleep(1500);
            assertNoSidewaysScroll(page);
        }
    }
}
