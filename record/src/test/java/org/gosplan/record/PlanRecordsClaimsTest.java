package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What replay compares beyond the hash: the event's claims, and differences written for people. */
class PlanRecordsClaimsTest {
    private static JsonNode j(String s) throws IOException {
        return Canonical.MAPPER.readTree(s);
    }

    @Test
    void theEventsValueAndStatusMustBeThePlans() throws IOException {
        JsonNode plan = j("{\"status\":\"optimal\",\"value\":2.5}");
        assertNull(PlanRecords.claims(j("{\"status\":\"optimal\",\"value\":2.5}"), plan));
        // Canonical JSON writes 150000.0 as 150000: equal numbers are equal claims.
        assertNull(PlanRecords.claims(j("{\"status\":\"optimal\",\"value\":150000}"),
                j("{\"status\":\"optimal\",\"value\":150000.0}")));
        assertTrue(PlanRecords.claims(j("{\"status\":\"optimal\",\"value\":99}"), plan).contains("value 99"));
        assertTrue(PlanRecords.claims(j("{\"status\":\"infeasible\",\"value\":2.5}"), plan).contains("status"));
        assertTrue(PlanRecords.claims(j("{\"status\":\"optimal\"}"), plan).contains("value"));
        // No value (unbounded, infeasible): the event must say null too.
        JsonNode none = j("{\"status\":\"unbounded\",\"value\":null}");
        assertNull(PlanRecords.claims(j("{\"status\":\"unbounded\",\"value\":null}"), none));
        assertTrue(PlanRecords.claims(j("{\"status\":\"unbounded\",\"value\":1}"), none).contains("value 1"));
    }

    @Test
    void differencesIgnoreHowANumberIsWrittenAndNameTheFirstLevels() throws IOException {
        JsonNode recorded = j("{\"status\":\"optimal\",\"value\":3,\"levels\":{\"a\":150000,\"b\":2},"
                + "\"netOutput\":{\"x\":1}}");
        JsonNode replayed = j("{\"status\":\"optimal\",\"value\":3.0,\"levels\":{\"a\":150000.0,\"b\":2.5},"
                + "\"netOutput\":{\"x\":1.0}}");
        String d = PlanRecords.differences(recorded, replayed);
        assertEquals("levels of 'b': 2 recorded, 2.5 replayed", d);
        assertFalse(d.contains("'a'"));
    }
}
