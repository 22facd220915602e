package org.gosplan.inspection.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gosplan.inspection.InspectionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The report format (inspection.md): read back field by field; mistakes located at file, line and field. */
class ReportReaderTest {
    static final String GOOD = """
            {"format": "gosplan/report@1", "unit": "steelworks-3", "plan": "%s", "period": "2027-Q1",
             "levels": {"make-steel": 40, "roll": 2.5},
             "delivered": [{"product": "steel", "to": "forge", "quantity": 30}],
             "received": [{"product": "coal", "from": "mine", "quantity": 80},
                          {"product": "coal", "from": "mine-2", "quantity": 1e1}],
             "resources": {"labour": 120}}
            """.formatted("ab".repeat(32));

    static Report read(String text) throws IOException {
        return ReportReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "r.json");
    }

    static InspectionException refused(String text) {
        return assertThrows(InspectionException.class, () -> read(text));
    }

    @Test
    void aReportReadsBackFieldByField() throws IOException {
        Report r = read(GOOD);
        assertEquals("steelworks-3", r.unit());
        assertEquals("ab".repeat(32), r.plan());
        assertEquals("2027-Q1", r.period());
        assertEquals(Map.of("make-steel", 40.0, "roll", 2.5), r.levels());
        assertEquals(List.of("make-steel", "roll"), List.copyOf(r.levels().keySet()));
        assertEquals(List.of(new Flow("steel", "forge", 30)), r.delivered());
        assertEquals(List.of(new Flow("coal", "mine", 80), new Flow("coal", "mine-2", 10)), r.received());
        assertEquals(Map.of("labour", 120.0), r.resources());
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        Report r = read(GOOD);
        java.nio.file.Path f = dir.resolve("r.json");
        ReportWriter.write(r, f);
        assertEquals(r, ReportReader.read(f));
    }

    @Test
    void listsAndAmountsMayBeLeftOut() throws IOException {
        Report r = read("{\"format\": \"gosplan/report@1\", \"unit\": \"u\", \"plan\": \"p\", \"period\": \"q\"}");
        assertEquals(Map.of(), r.levels());
        assertEquals(List.of(), r.delivered());
    }

    @Test
    void mistakesAreLocatedAtFileLineAndField() {
        assertEquals("r.json:3:64 delivered[0].quantity",
                refused(GOOD.replace("\"quantity\": 30", "\"quantity\": -30")).where());
        assertEquals("r.json:4:63 received[0].quantity",
                refused(GOOD.replace("\"quantity\": 80", "\"quantity\": \"80\"")).where());
        assertEquals("r.json:4:15 received[0]",
                refused(GOOD.replace("\"from\": \"mine\", ", "")).where());
        InspectionException typo = refused(GOOD.replace("\"received\"", "\"recieved\""));
        assertEquals("r.json:4:2 recieved", typo.where());
        assertTrue(typo.getMessage().contains("unknown field"), typo.getMessage());
        assertTrue(refused(GOOD.replace("report@1", "report@2")).getMessage().contains("this reader reads"));
        assertTrue(refused(GOOD.replace("\"unit\": \"steelworks-3\", ", "")).where().endsWith(" unit"));
        assertTrue(refused(GOOD.replace("\"roll\"", "\"make-steel\"")).getMessage().contains("Duplicate field"));
        assertTrue(refused(GOOD.replace("\"levels\": {", "\"levels\": [")).where().startsWith("r.json:"));
        assertTrue(refused(GOOD + "{}").getMessage().contains("after the report"));
        assertTrue(refused("[]").getMessage().contains("a report is a JSON object"));
        assertTrue(refused("").where().startsWith("r.json"));
    }

    private static final char[] SPECIAL = {'{', '}', '[', ']', '"', ',', ':', '-', '0', '9', 'e', '.', ' ', '\n', 'x',
        '\\', '\u00e9', 'n'};

    @Property(tries = 2000)
    void corruptionIsRefusedWithALocatedErrorOrRead(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int edits) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(GOOD);
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.setCharAt(at, SPECIAL[r.nextInt(SPECIAL.length)]);
                case 1 -> s.insert(at, SPECIAL[r.nextInt(SPECIAL.length)]);
                case 2 -> s.deleteCharAt(at);
                default -> s.setLength(at);
            }
        }
        try {
            Report got = read(s.toString());
            assertTrue(got.unit() != null && got.plan() != null && got.period() != null);
            for (Flow f : got.delivered()) {
                assertTrue(f.quantity() >= 0 && Double.isFinite(f.quantity()));
            }
        } catch (InspectionException x) {
            assertTrue(x.where().startsWith("r.json"), x.getMessage());
        } catch (IOException | RuntimeException x) {
            fail("not a located InspectionException for " + s + ": " + x);
        }
    }
}
