package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How readable outputs put durations and fulfilment in words, and which warnings each command prints. */
class OutputWordsTest {
    @TempDir
    Path tmp;

    static final Path UK = CliRun.examples().resolve("uk-ons-2010");

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("0.81 s", Durations.format(0.8134567));
        assertEquals("3.00 s", Durations.format(2.999));
        assertEquals("12.3 s", Durations.format(12.34));
        assertEquals("0.0042 s", Durations.format(0.0041999));
        assertEquals("0 s", Durations.format(0));
        assertEquals("40 min 58 s", Durations.format(40 * 60 + 58.2));
        assertEquals("2 h 02 min", Durations.format(2 * 3600 + 2 * 60 + 10));
        assertEquals("-", Durations.format(Double.NaN));
    }

    /** A duration as printed: a number of at most two decimals and " s", or minutes and seconds. */
    static final Pattern PRINTED = Pattern.compile("(\\d+(\\.\\d{1,2})?|0\\.0\\d+|\\d+ min \\d\\d) s");

    @Test
    void everyCommandPrintsItsDurationThatWay() {
        Path village = CliRun.examples().resolve("village.economy.json");
        String plan = CliRun.of("plan", village.toString()).out();
        String solver = plan.lines().filter(l -> l.trim().startsWith("solver")).findFirst().orElseThrow();
        // before: "glop, 0.7512345 s" (seven significant digits)
        assertTrue(Pattern.compile("solver +glop, " + PRINTED + "$").matcher(solver).find(), solver);
        for (String cmd : new String[] {"leontief", "multipliers"}) {
            String out = CliRun.of(cmd, UK.toString()).out();
            String last = out.lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(Pattern.compile(", " + PRINTED + "$").matcher(last).find(), last);
        }
    }

    @Test
    void fulfilmentInWords() {
        assertEquals("every target met to 1.07%", PlanCommand.fulfilment(0.0107));
        assertEquals("every target met to 50%", PlanCommand.fulfilment(0.5));
        assertEquals("every target met in full", PlanCommand.fulfilment(1));
        assertEquals("every target met, 2.5 times over", PlanCommand.fulfilment(2.5));
    }

    @Test
    void aPlanBelowItsTargetsSaysHowFarTheyAreMet() throws IOException {
        // 10 hours of labour, 1 hour a unit, target 40: λ = 0.25 exactly
        Path f = tmp.resolve("short.economy.json");
        Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"name\": \"short\","
                + "\"products\": [{\"id\": \"bread\"}], \"resources\": [{\"id\": \"labour\", \"available\": 10}],"
                + "\"techniques\": [{\"id\": \"bake\", \"outputs\": {\"bread\": 1}, \"inputs\": {\"labour\": 1}}],"
                + "\"targets\": [{\"product\": \"bread\", \"quantity\": 40}]}");
        CliRun r = CliRun.of("plan", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("λ = 0.25: every target met to 25%"), r.out());
        assertFalse(r.out().contains("times"), r.out());
    }

    /**
     * Column sums of A above 1: 2.5 units of ore per unit of steel. In tonnes that means nothing; in money (the
     * same economy in GBP million, {@link #ORE_IN_MONEY}) it means a sector that loses value, which the Leontief
     * commands warn about and the plan does not care about.
     */
    static final String ORE = "{\"format\": \"gosplan/economy@1\", \"name\": \"ore\","
            + "\"products\": [{\"id\": \"ore\", \"unit\": \"t\"}, {\"id\": \"steel\", \"unit\": \"t\"}],"
            + "\"resources\": [{\"id\": \"labour\", \"available\": 1000}],"
            + "\"techniques\": [{\"id\": \"mine\", \"outputs\": {\"ore\": 1}, \"inputs\": {\"labour\": 1}},"
            + " {\"id\": \"smelt\", \"outputs\": {\"steel\": 1}, \"inputs\": {\"ore\": 2.5, \"labour\": 1}}],"
            + "\"targets\": [{\"product\": \"steel\", \"quantity\": 10}]}";

    static final String ORE_IN_MONEY = ORE.replace("\"unit\": \"t\"", "\"unit\": \"GBP million\"");

    @Test
    void columnSumWarningsAreForTheLeontiefCommandsNotThePlan() throws IOException {
        Path physical = tmp.resolve("ore-t.economy.json");
        Files.writeString(physical, ORE);
        CliRun tonnes = CliRun.of("validate", physical.toString());
        assertFalse(tonnes.out().contains("column sum") || tonnes.err().contains("column sum"), tonnes.out());
        Path f = tmp.resolve("ore.economy.json");
        Files.writeString(f, ORE_IN_MONEY);
        CliRun plan = CliRun.of("plan", f.toString());
        assertEquals(0, plan.exit(), plan.err());
        assertFalse(plan.err().contains("column sum"), plan.err());
        CliRun validate = CliRun.of("validate", f.toString());
        assertTrue(validate.out().contains("column sum") || validate.err().contains("column sum"),
                validate.out() + validate.err());
        CliRun leontief = CliRun.of("leontief", f.toString());
        assertTrue(leontief.err().contains("column sum"), leontief.err());
    }

    @Test
    void conversionWarningsAreForThePlanNotTheLeontiefCommands() {
        // the UK table: two factor rows with negative entries (taxes less subsidies), two stock draws
        CliRun plan = CliRun.of("plan", UK.toString(), "--objective", "min-resource", "--resource", "compensation");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.err().contains("does not become a resource"), plan.err());
        assertTrue(plan.err().contains("gets no target"), plan.err());
        for (String cmd : new String[] {"leontief", "multipliers"}) {
            CliRun r = CliRun.of(cmd, UK.toString());
            assertEquals(0, r.exit(), r.err());
            assertFalse(r.err().contains("warning"), cmd + ": " + r.err());
        }
    }

    @Test
    void verifyWithoutReplaySaysThePlansWereNotReplayed() throws IOException {
        // "0 plans replayed" read as if the recorded plan had been checked and found wanting, or missing
        String log = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", log, "--origin", "example.org/words").exit());
        String key = tmp.resolve("council.key").toString();
        CliRun made = CliRun.of("key", "new", key, "--name", "council-words");
        assertEquals(0, CliRun.of("record", log, "member", made.out().trim(), "--role", "council").exit());
        assertEquals(0, CliRun.of("record", log, "economy", CliRun.examples().resolve("miller-blair-2-3").toString())
                .exit());
        Path targets = Files.writeString(tmp.resolve("targets.csv"),
                "product,quantity,weight\nagriculture,350,\nmanufacturing,1700,\n");
        assertEquals(0, CliRun.of("record", log, "targets", targets.toString(), "--key", key).exit());
        assertEquals(0, CliRun.of("plan", "--record", log, "--objective", "min-resource", "--resource", "labour")
                .exit());
        CliRun plain = CliRun.of("verify", log);
        assertEquals(0, plain.exit(), plain.out() + plain.err());
        assertTrue(plain.out().startsWith("verified: 4 entries, 4 events, 1 plan not replayed (--replay replays it)"),
                plain.out());
        CliRun replayed = CliRun.of("verify", log, "--replay");
        assertTrue(replayed.out().startsWith("verified: 4 entries, 4 events, 1 plan replayed"), replayed.out());
    }
}
