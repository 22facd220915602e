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
        String plans = driver.findElement(By.id("plan")).getText();
        assertTrue(plans.contains("entry " + planIndex + " (") && plans.contains("no reports"), plans);
        assertTrue(driver.findElement(By.id("status")).getAttribute("class").contains("check"));
        shoot("fulfilment");
        assertNoSidewaysScroll("/fulfilment");

        // with a report, the chart is drawn, and fits the phone too
        String technique = fixture.record.economy(fixture.record.snapshot().economy().hash()).techniqueId(0);
        org.gosplan.ledger.NoteSigner mill = org.gosplan.ledger.NoteSigner.fromSeed("mill", Fixture.seed(40));
        fixture.record.registerMember(mill.verifier(), org.gosplan.record.Role.ENTERPRISE, List.of(),
                Map.of("unit", "mill"), fixture.operator);
        Path report = Files.writeString(dir.resolve("mill-report.json"), "{\"format\": \"gosplan/report@1\","
                + " \"unit\": \"mill\", \"plan\": \"" + fixture.record.snapshot().plan().hash() + "\","
                + " \"period\": \"2027-Q1\", \"levels\": {\"" + technique + "\": 1}}");
        org.gosplan.inspection.Reports.record(fixture.record, report, mill);
        driver.get(fixture.url("/fulfilment"));
        assertTrue(waitForText("#reported", " of ").startsWith("1 of "));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d).executeScript(
                "return Chart.getChart(document.getElementById('fulfilment-chart')) !== undefined"));
        shoot("fulfilment-reported");
        assertNoSidewaysScroll("/fulfilment (a report charted)");
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
            "/inspections", "/no-such-page"}) {
            driver.get(fixture.url(page));
            Thread.sleep(1500);
            assertNoSidewaysScroll(page);
        }
    }

    /** The cells of each row of the table in {@code css}, as the page shows them. */
    private List<List<String>> rows(String css) {
        List<List<String>> out = new java.util.ArrayList<>();
        for (var tr : driver.findElements(By.cssSelector(css + " tbody tr"))) {
            out.add(tr.findElements(By.tagName("td")).stream().map(td -> td.getText()).toList());
        }
        return out;
    }

    /** A number as a page shows it (7 significant digits, thousands separated). */
    private static double shown(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    /**
     * An equal-shares ballot, worked by hand: an economy of labour alone (a loaf, a book, a bike
     * each take 1 h), proposals of 30 loaves (30 h), 20 books (20 h) and 25 bikes (25 h), a budget
     * of 60 h and three voters: A approves loaves and books, B loaves and bikes, C loaves. Each
     * starts with 20 h; the add1 completion raises that to 34 h: loaves first (10 h from each of
     * the three, 72 h left), then books (20 h from A alone, 52 h left); at 35 h bikes would fit too
     * and the outcome would cost 75 h, over the budget, so 34 h's outcome stands. The ballot page
     * shows the costs before anyone votes (and the vote page beside each option), and after the
     * close the winners and both purchases in order, matching {@code gosplan tally --json}
     * (Counting and TallyJson, as TallyCommand prints it).
     */
    @Test
    void anEqualSharesBallotShowsTheCostsBeforeAndThePurchasesAfter() throws Exception {
        Path own = Files.createTempDirectory(dir, "equal-shares");
        try (Fixture f = new Fixture(own)) {
            Record r = f.record;
            Path economy = Files.writeString(own.resolve("workshop.economy.json"), "{\"format\": \"gosplan/economy@1\","
                    + " \"name\": \"workshop\", \"products\": [{\"id\": \"loaf\", \"unit\": \"u\"},"
                    + " {\"id\": \"book\", \"unit\": \"u\"}, {\"id\": \"bike\", \"unit\": \"u\"}],"
                    + " \"resources\": [{\"id\": \"labour\", \"unit\": \"h\", \"available\": 1000}],"
                    + " \"techniques\": [{\"id\": \"bake\", \"outputs\": {\"loaf\": 1}, \"inputs\": {\"labour\": 1}},"
                    + " {\"id\": \"print\", \"outputs\": {\"book\": 1}, \"inputs\": {\"labour\": 1}},"
                    + " {\"id\": \"build\", \"outputs\": {\"bike\": 1}, \"inputs\": {\"labour\": 1}}],"
                    + " \"targets\": [{\"product\": \"loaf\", \"quantity\": 1}]}");
            r.publishEconomy(economy, f.operator, Progress.NONE);
            long[] proposals = new long[3];
            String[][] made = {{"loaf", "30", "Thirty loaves"}, {"book", "20", "Twenty books"},
                {"bike", "25", "Twenty-five bikes"}};
            for (int k = 0; k < 3; k++) {
                Path t = Files.writeString(own.resolve(made[k][0] + ".csv"), "product,quantity,weight\n" + made[k][0]
                        + "," + made[k][1] + ",\n");
                proposals[k] = org.gosplan.council.proposal.Proposals.make(r, t, made[k][2], f.citizen).index();
            }
            org.gosplan.ledger.NoteSigner third = org.gosplan.ledger.NoteSigner.fromSeed("third", Fixture.seed(3));
            r.registerMember(third.verifier(), org.gosplan.record.Role.CITIZEN, f.operator);
            long ballot = org.gosplan.council.ballot.Ballots.open(r, new org.gosplan.council.ballot.Opening(
                    "What shall the workshop make?", "equal-shares", List.of(proposals[0], proposals[1], proposals[2]),
                    List.of(), null, "labour", 60, "all", false), f.council);

            // before: each proposal's cost, on the ballot page and beside each option on the vote page
            driver.get(f.url("/ballots/" + ballot));
            waitForText("#status", "open: 0 votes so far");
            List<List<String>> before = rows("#options");
            assertEquals(3, before.size(), before.toString());
            double[] hours = {30, 20, 25};
            for (int k = 0; k < 3; k++) {
                assertEquals(proposals[k] + ": " + made[k][2], before.get(k).get(0));
                assertEquals(hours[k], shown(before.get(k).get(1)), 1e-9, "the labour column: " + before.get(k));
            }
            assertTrue(driver.findElement(By.id("facts")).getText().contains("60 of labour"));
            shoot("ballot-equal-shares-open");
            assertNoSidewaysScroll("/ballots/" + ballot + " (open)");
            driver.get(f.url("/vote#" + ballot));
            waitForText("#ballot-info", "equal-shares");
            assertEquals("costs 30 labour (of a budget of 60)", waitForText("#cost-0", "costs"));
            assertEquals("checkbox", driver.findElement(By.id("option-2")).getAttribute("type"),
                    "equal shares takes a set of approved proposals");
            shoot("vote-equal-shares");
            assertNoSidewaysScroll("/vote#" + ballot);

            org.gosplan.council.ballot.Ballots.vote(r, ballot, proposals[0] + "," + proposals[1], null, f.citizen);
            org.gosplan.council.ballot.Ballots.vote(r, ballot, proposals[0] + "," + proposals[2], null, f.council);
            org.gosplan.council.ballot.Ballots.vote(r, ballot, "" + proposals[0], null, third);
            org.gosplan.council.ballot.Ballots.close(r, ballot, f.council);
            var counted = org.gosplan.council.ballot.Counting.count(r, r.snapshot(), ballot);
            JsonNode tally = org.gosplan.council.ballot.TallyJson.of(counted.tally(), ballot,
                    counted.ballot().proposals());
            assertEquals("[" + proposals[0] + "," + proposals[1] + "]", tally.get("winners").toString(),
                    "loaves and books, as worked by hand: " + tally);
            assertEquals(tally.toString(), Fixture.json(f.get("/api/ballots/" + ballot)).get("tally").toString(),
                    "the API's tally is gosplan tally --json's");

            // after: the winners and each purchase in order, as the tally has them
            driver.get(f.url("/ballots/" + ballot));
            String winners = waitForText("#winners", "Thirty loaves");
            assertEquals(proposals[0] + ": Thirty loaves, " + proposals[1] + ": Twenty books", winners);
            assertEquals("Purchases, in order", driver.findElement(By.id("steps-title")).getText());
            List<List<String>> bought = rows("#purchases");
            JsonNode rounds = tally.get("rounds");
            assertEquals(2, rounds.size());
            assertEquals(rounds.size(), bought.size(), bought.toString());
            double[][] byHand = {{30, 10, 72}, {20, 20, 52}};
            for (int k = 0; k < rounds.size(); k++) {
                JsonNode round = rounds.get(k);
                List<String> row = bought.get(k);
                assertEquals(String.valueOf(k + 1), row.get(0));
                assertEquals(round.get("proposal").asLong() + ": " + made[k][2], row.get(1));
                assertEquals(round.get("cost").asDouble(), shown(row.get(2)), 1e-9, row.toString());
                assertEquals(round.get("rho").asDouble(), shown(row.get(3)), 1e-6 * round.get("rho").asDouble());
                assertEquals(round.get("remaining").asDouble(), shown(row.get(4)),
                        1e-6 * round.get("remaining").asDouble());
                assertEquals(byHand[k][0], round.get("cost").asDouble(), 1e-9);
                assertEquals(byHand[k][1], round.get("rho").asDouble(), 1e-9, round.toString());
                assertEquals(byHand[k][2], round.get("remaining").asDouble(), 1e-9, round.toString());
            }
            String approvals = driver.findElement(By.id("counts")).getText();
            assertTrue(approvals.contains(proposals[0] + ": Thirty loaves 3"), approvals);
            shoot("ballot-equal-shares-closed");
            assertNoSidewaysScroll("/ballots/" + ballot + " (closed)");
        }
    }

    /**
     * Record text is never read as HTML: a ballot's title and a candidate's label written as markup
     * show as the characters they are, on every page that shows them, and no element comes of them.
     */
    @Test
    void markupInRecordTextShowsAsTextAndNeverAsElements() throws Exception {
        Path own = Files.createTempDirectory(dir, "markup");
        try (Fixture f = new Fixture(own)) {
            String title = "<img src=x id=xss-title onerror=\"document.title='owned'\">Budget";
            String label = "<b id=xss-label>bold</b>";
            ObjectNode b = Served.object();
            b.put("title", title);
            b.put("method", "approval");
            b.putArray("options").add(label).add("<script>document.title='owned'</script>");
            b.put("electorate", "all");
            b.put("seats", 1).putNull("budget").put("adopt", false);
            long ballot = f.record.append("ballot.opened", b, f.council);
            String[][] pages = {{"/ballots/" + ballot, "#title"}, {"/ballots", "#ballots"}, {"/vote#" + ballot, "#options"},
                {"/", "#events-table"}, {"/events/" + ballot, "#body"}};
            for (String[] page : pages) {
                driver.get(f.url(page[0]));
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(page[1]), page[1].equals("#events-table") ? "ballot.opened"
                                : page[1].equals("#options") ? "bold" : "Budget"));
                Object found = ((JavascriptExecutor) driver).executeScript(
                        "return document.querySelectorAll('#xss-title, #xss-label, main script, main img').length");
                assertEquals(0L, found, page[0] + " made elements of record text");
                assertTrue(!driver.getTitle().contains("owned"), page[0]);
            }
            driver.get(f.url("/ballots/" + ballot));
            assertEquals(title, waitForText("#title", "Budget"));
            assertTrue(driver.findElement(By.id("options")).getText().contains(label));
            shoot("markup-as-text");
        }
    }
}
