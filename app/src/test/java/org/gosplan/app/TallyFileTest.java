package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosplan tally FILE}: published elections and budgets counted from their files (see resources/elections). */
class TallyFileTest {
    @TempDir
    Path tmp;

    private static String election(String name) {
        try {
            return Path.of(TallyFileTest.class.getResource("/elections/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.out() + r.err());
        try {
            return JsonOutputTest.oneDocument(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void glasgowAnderstonCity2007ElectsTheOfficialFourInTheOfficialOrder() {
        JsonNode t = json("tally", election("00008-00000001.soi"), "--method", "stv", "--seats", "4", "--json");
        assertTrue(t.get("ballot").isNull());
        assertEquals("stv", t.get("method").asText());
        assertEquals(6900, t.get("voters").asInt());
        assertEquals(List.of("Craig MacKay", "Philip Braat", "Nina Baker", "Gordon Matheson"), texts(t.get("winners")));
        assertEquals(1632, t.get("counts").get("Craig MacKay").asInt());
        assertEquals(8, t.get("rounds").size(), "the official count has eight stages");
        CliRun text = CliRun.of("tally", election("00008-00000001.soi"), "--method", "stv", "--seats", "4");
        assertTrue(text.out().contains("winners: Craig MacKay, Philip Braat, Nina Baker, Gordon Matheson"), text.out());
    }

    @Test
    void assen2024EqualSharesBuysWhatTheCityBought() throws IOException {
        String file = election("Netherlands_Assen_2024.pb");
        JsonNode t = json("tally", file, "--method", "equal-shares", "--json");
        Set<String> selected = new TreeSet<>();
        boolean projects = false;
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.equals("PROJECTS") || line.equals("VOTES")) {
                projects = line.equals("PROJECTS");
                continue;
            }
            String[] f = line.split(";");
            if (projects && !f[0].equals("project_id") && f[4].equals("1")) {
                selected.add(f[0]);
            }
        }
        assertEquals(selected, new TreeSet<>(texts(t.get("winners"))));
        assertEquals(84, t.get("voters").asInt());
    }

    @Test
    void malformedFilesAndWrongMethodsExitTwoSayingWhere() throws IOException {
        Path bad = tmp.resolve("bad.soi");
        Files.writeString(bad, "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: a\n"
                + "# ALTERNATIVE NAME 2: b\n1: 1,3\n");
        CliRun r = CliRun.of("tally", bad.toString(), "--method", "stv", "--json");
        assertEquals(2, r.exit(), r.out() + r.err());
        JsonNode where = JsonOutputTest.oneDocument(r).get("errors").get(0).get("where");
        assertTrue(where.asText().endsWith("bad.soi:5"), where.toString());
        CliRun approval = CliRun.of("tally", election("00008-00000001.soi"), "--method", "approval");
        assertEquals(2, approval.exit());
        assertTrue(approval.err().contains("holds rankings"), approval.err());
        CliRun missing = CliRun.of("tally", tmp.resolve("absent.soi").toString(), "--method", "stv");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("absent.soi: no such file or log directory"), missing.err());
        CliRun none = CliRun.of("tally", election("00008-00000001.soi"));
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--method is needed"), none.err());
    }
}
