package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * linkages, ghosh, prices, aggregate, compare and multipliers --type-ii end to end, on the
 * bundled tables, against the published figures the planner's tests check the kernels with.
 */
class AnalysisCommandsTest {
    @TempDir
    Path tmp;

    private static final Path EUROSTAT = CliRun.examples().resolve("eurostat-manual-germany");
    private static final Path MB = CliRun.examples().resolve("miller-blair-2-3");
    private static final Path UK = CliRun.examples().resolve("uk-ons-2010");

    private static JsonNode json(CliRun r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    /** Column {@code col} (0 = first after the quoted label) of the ONS published multipliers, in sectors.csv order. */
    private static double[] ons(int col) throws IOException {
        List<String> lines = Files.readAllLines(UK.resolve("published/multipliers_and_effects_product.csv"));
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            v[i - 1] = Double.parseDouble(line.substring(line.indexOf("\",") + 2).split(",")[col]);
        }
        return v;
    }

    private static List<String> ukSectors() throws IOException {
        List<String> lines = Files.readAllLines(UK.resolve("x.csv"));
        return lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    @Test
    void linkagesOfTheEurostatManualTable() throws IOException {
        JsonNode doc = json(CliRun.of("linkages", EUROSTAT.toString(), "--json"));
        // Eurostat Manual (2008), Table 15.19 (p. 506) and Table 15.20 (p. 507; manufacturing's
        // forward linkage printed 1.6691 with digits swapped, see LinkagesTest in the planner)
        String[] ids = {"agriculture", "manufacturing", "construction", "trade", "business-services", "other-services"};
        double[] backward = {1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
        double[] forward = {2.1126, 1.6910, 1.3558, 1.5848, 2.1037, 1.2106};
        for (int j = 0; j < 6; j++) {
            assertEquals(backward[j], doc.get("backwardTotal").get(ids[j]).asDouble(), 0.5e-4, ids[j]);
            assertEquals(forward[j], doc.get("forwardTotal").get(ids[j]).asDouble(), 0.5e-4, ids[j]);
        }
        assertEquals("[\"agriculture\",\"manufacturing\"]", doc.get("keySectors").toString());
        assertEquals("Agriculture group", doc.get("labels").get("agriculture").asText());
        CliRun text = CliRun.of("linkages", EUROSTAT.toString());
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("Business services group") && text.out().contains("1.7048"), text.out());
        assertEquals("", text.err());
        CliRun economy = CliRun.of("linkages", CliRun.examples().resolve("village.economy.json").toString());
        assertEquals(2, economy.exit());
        assertTrue(economy.err().contains("'linkages' needs an input-output table folder"), economy.err());
        assertTrue(economy.noStackTrace());
    }

    @Test
    void ghoshWithACutInPrimaryInputs() throws IOException {
        Path primary = Files.writeString(tmp.resolve("primary.csv"), "sector,primary\nagriculture,550\n");
        JsonNode doc = json(CliRun.of("ghosh", MB.toString(), "--primary", primary.toString(), "--json"));
        // x' = v' G with G = [[0.95, 0.5], [0.1, 0.85]] / 0.7575 (Miller and Blair table 2.3, by hand)
        assertEquals(1000 - 100 * 0.95 / 0.7575, doc.get("output").get("agriculture").asDouble(), 1e-9);
        assertEquals(2000 - 100 * 0.5 / 0.7575, doc.get("output").get("manufacturing").asDouble(), 1e-9);
        assertEquals(1400, doc.get("primaryInputs").get("manufacturing").asDouble(), 0);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "sector,primary\nfarming,1\n");
        CliRun r = CliRun.of("ghosh", MB.toString(), "--primary", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.csv:2: no sector 'farming'"), r.err());
    }

    @Test
    void pricesPushAWageRiseThroughTheUkEconomy() throws IOException {
        JsonNode doc = json(CliRun.of("prices", UK.toString(), "--factor", "compensation=10%", "--json"));
        // dp' = 0.1 s_comp L = 0.1 x the employment-cost effects the ONS publishes
        double[] effects = ons(6);
        List<String> ids = ukSectors();
        for (int j = 0; j < ids.size(); j++) {
            assertEquals(1.0, doc.get("base").get(ids.get(j)).asDouble(), 1e-12, ids.get(j));
            assertEquals(0.1 * effects[j], doc.get("change").get(ids.get(j)).asDouble(), 1e-10, ids.get(j));
        }
        assertTrue(doc.get("level").get("change").asDouble() > 0.03);
        JsonNode held = json(CliRun.of("prices", MB.toString(), "--hold", "agriculture=1.1", "--json"));
        assertEquals(1.1, held.get("prices").get("agriculture").asDouble(), 0);
        assertEquals((1.1 * 0.25 + 0.7) / 0.95, held.get("prices").get("manufacturing").asDouble(), 1e-14);
        CliRun r = CliRun.of("prices", MB.toString(), "--hold", "agriculture");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--hold agriculture: write ID=VALUE"), r.err());
        r = CliRun.of("prices", MB.toString(), "--factor", "wages=0.1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no factor row 'wages'"), r.err());
        assertTrue(r.err().contains("its rows are 'labour'"), r.err());
        // a slip of the keyboard gets the nearest id, as everywhere else
        r = CliRun.of("prices", UK.toString(), "--factor", "compensaton=10%");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("did you mean 'compensation'?"), r.err());
        r = CliRun.of("prices", MB.toString(), "--hold", "agricultur=1.1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no sector 'agricultur'") && r.err().contains("did you mean 'agriculture'?"),
                r.err());
    }

    /** The rank of each value, 1 for the largest, as the ONS ranks its multipliers and effects. */
    private static int[] ranks(double[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = 1;
            for (double w : v) {
                r[i] += w > v[i] ? 1 : 0;
            }
        }
        return r;
    }

    @Test
    void linkagesOfTheUkTableAreTheOnsOutputMultipliersInTheOnsOrder() throws IOException {
        // The total backward linkages (column sums of L) are the output multipliers the ONS
        // published for its 2010 table, and rank the 127 products as the ONS ranks them.
        JsonNode doc = json(CliRun.of("linkages", UK.toString(), "--json"));
        double[] multipliers = ons(0);
        double[] onsRank = ons(1);
        List<String> ids = ukSectors();
        double[] total = new double[ids.size()];
        for (int j = 0; j < ids.size(); j++) {
            total[j] = doc.get("backwardTotal").get(ids.get(j)).asDouble();
            assertEquals(multipliers[j], total[j], 1e-12, ids.get(j));
        }
        int[] rank = ranks(total);
        for (int j = 0; j < ids.size(); j++) {
            assertEquals((int) onsRank[j], rank[j], ids.get(j));
        }
    }

    @Test
    void aGvaPushGivesTheOnsGvaEffectsInTheOnsOrder() throws IOException {
        // The ONS's GVA is compensation, gross operating surplus and taxes less subsidies on
        // production; its GVA effects are that row's total intensities (row of S L). Raised by 10%
        // in every sector, they raise each price by a tenth of its GVA effect.
        JsonNode doc = json(CliRun.of("prices", UK.toString(), "--factor", "compensation=10%",
                "--factor", "gross-operating-surplus=10%", "--factor", "taxes-on-production=10%", "--json"));
        double[] effects = ons(8);
        double[] onsRank = ons(9);
        List<String> ids = ukSectors();
        double[] change = new double[ids.size()];
        for (int j = 0; j < ids.size(); j++) {
            change[j] = doc.get("change").get(ids.get(j)).asDouble();
            assertEquals(0.1 * effects[j], change[j], 1e-12, ids.get(j));
        }
        int[] rank = ranks(change);
        for (int j = 0; j < ids.size(); j++) {
            assertEquals((int) onsRank[j], rank[j], ids.get(j));
        }
    }

    @Test
    void aggregateWritesATableThatKeepsTheTotals() throws IOException {
        Path map = Files.writeString(tmp.resolve("map.csv"), "sector,group,label\n"
                + "agriculture,goods,Goods\nmanufacturing,goods,Goods\nconstruction,goods,Goods\n"
                + "trade,services,Services\nbusiness-services,services,Services\nother-services,services,Services\n");
        Path out = tmp.resolve("two");
        JsonNode doc = json(CliRun.of("aggregate", EUROSTAT.toString(), out.toString(), "--map", map.toString(),
                "--json"));
        assertEquals(3, doc.get("groups").get("goods").get("sectors").asInt());
        assertEquals(43910 + 1079446 + 245606, doc.get("groups").get("goods").get("output").asDouble(), 0);
        assertEquals("sector,goods,services", Files.readAllLines(out.resolve("Z.csv")).get(0));
        // sums by hand over the manual's Z: 1131 + 25480 + 1 + 7930 + 304584 + 64167 + 426 + 7334 + 3875, and
        // 607 + 710 + 762 + 41082 + 11981 + 30360 + 5296 + 23457 + 9155
        assertEquals("goods,414928,123410", Files.readAllLines(out.resolve("Z.csv")).get(1));
        assertEquals("sector,label", Files.readAllLines(out.resolve("sectors.csv")).get(0));
        // the aggregated table is a table: its own final demand gives back its output
        JsonNode x = json(CliRun.of("leontief", out.toString(), "--json"));
        assertEquals(540063 + 692487 + 508918, x.get("output").get("services").asDouble(), 1e-6);
        // refused: an existing folder, an unmapped sector, a sector mapped twice
        CliRun again = CliRun.of("aggregate", EUROSTAT.toString(), out.toString(), "--map", map.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("exists and is not an empty folder"), again.err());
        Path partial = Files.writeString(tmp.resolve("partial.csv"), "sector,group\nagriculture,goods\n");
        CliRun r = CliRun.of("aggregate", EUROSTAT.toString(), tmp.resolve("p").toString(), "--map", partial.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("5 sectors are not mapped: 'manufacturing', 'construction'"), r.err());
        assertFalse(Files.exists(tmp.resolve("p")));
        Path twice = Files.writeString(tmp.resolve("twice.csv"), "sector,group\nagriculture,a\nagriculture,b\n");
        r = CliRun.of("aggregate", MB.toString(), tmp.resolve("t").toString(), "--map", twice.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("twice.csv:3: sector 'agriculture' is mapped twice"), r.err());
    }

    @Test
    void compareTwoDemands() throws IOException {
        Path demand = Files.writeString(tmp.resolve("y.csv"), "sector,demand\nagriculture,600\nmanufacturing,1500\n");
        JsonNode doc = json(CliRun.of("compare", MB.toString(), "--demand", demand.toString(), "--json"));
        // Miller and Blair section 2.3: (600, 1500) needs (1247.52, 1841.58)
        JsonNode agriculture = doc.get("output").get("agriculture");
        assertEquals(1000, agriculture.get("a").asDouble(), 1e-9);
        assertEquals(378000.0 / 303, agriculture.get("b").asDouble(), 1e-9);
        assertEquals(378000.0 / 303 - 1000, agriculture.get("change").asDouble(), 1e-9);
        JsonNode labour = doc.get("factors").get("labour");
        assertEquals(800, labour.get("a").asDouble(), 1e-9);
        assertEquals(0.3 * 378000 / 303 + 0.25 * 558000 / 303, labour.get("b").asDouble(), 1e-9);
        CliRun text = CliRun.of("compare", MB.toString(), "--demand", demand.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("1,247.52") && text.out().contains("1,841.58"), text.out());
    }

    @Test
    void compareTwoPlans() throws IOException {
        Path village = CliRun.examples().resolve("village.economy.json");
        String lessLabour = Files.readString(village).replace("\"available\": 1.0e6", "\"available\": 5.0e5");
        assertFalse(lessLabour.equals(Files.readString(village)));
        Path poorer = Files.writeString(tmp.resolve("poorer.economy.json"), lessLabour);
        CliRun a = CliRun.of("plan", village.toString(), "--json");
        CliRun b = CliRun.of("plan", poorer.toString(), "--json");
        Path planA = Files.writeString(tmp.resolve("a.json"), a.out());
        Path planB = Files.writeString(tmp.resolve("b.json"), b.out());
        JsonNode pa = json(a);
        JsonNode pb = json(b);
        JsonNode doc = json(CliRun.of("compare", planA.toString(), planB.toString(), "--json"));
        assertEquals(pa.get("value").asDouble(), doc.get("value").get("a").asDouble(), 0);
        assertEquals(pb.get("value").asDouble() - pa.get("value").asDouble(), doc.get("value").get("change").asDouble(),
                0);
        assertTrue(doc.get("value").get("change").asDouble() < 0, doc.toString());
        JsonNode labour = doc.get("resourceUse").get("labour");
        assertEquals(pb.get("resourceUse").get("labour").asDouble() - pa.get("resourceUse").get("labour").asDouble(),
                labour.get("change").asDouble(), 1e-9);
        assertEquals(pa.get("levels").size(), doc.get("levels").size());
        CliRun text = CliRun.of("compare", planA.toString(), planB.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("lambda: ") && text.out().contains("labour"), text.out());
        CliRun notAPlan = CliRun.of("compare", planA.toString(), village.toString());
        assertEquals(2, notAPlan.exit());
        assertTrue(notAPlan.err().contains("village.economy.json: not a plan"), notAPlan.err());
    }

    @Test
    void typeIIMultipliers() throws IOException {
        // Miller and Blair table 2.3 with household consumption (50, 400) in Y and labour income (300, 500):
        // closed with income 1000 and no purchases of households from households; the closed
        // inverse by Cramer's rule (HouseholdsClosedTest in the planner) gives row 3 = (0.5353575709149021,
        // 0.45944866160607273) and column sums over the sectors (1.869756292449061, 1.7538953256092689),
        // numpy.linalg.inv run once gave the same digits
        Path t = Files.createDirectories(tmp.resolve("mb"));
        Files.copy(MB.resolve("Z.csv"), t.resolve("Z.csv"));
        Files.copy(MB.resolve("F.csv"), t.resolve("F.csv"));
        Files.writeString(t.resolve("Y.csv"), "sector,households,other\nagriculture,50,300\nmanufacturing,400,1300\n");
        JsonNode doc = json(CliRun.of("multipliers", t.toString(), "--type-ii", "--households-row", "labour",
                "--household-income", "1000", "--json"));
        assertEquals(0.5353575709149021, doc.get("households").get("typeIIEffects").get("agriculture").asDouble(), 1e-13);
        assertEquals(0.45944866160607273, doc.get("households").get("typeIIEffects").get("manufacturing").asDouble(),
                1e-13);
        assertEquals(1.869756292449061, doc.get("output").get("typeII").get("agriculture").asDouble(), 1e-13);
        assertEquals(1.7538953256092689, doc.get("output").get("typeII").get("manufacturing").asDouble(), 1e-13);
        assertEquals(460.0 / 303, doc.get("output").get("typeI").get("agriculture").asDouble(), 1e-14);
        // UK: the Type I employment-cost multipliers are the ONS's; Type II are larger
        JsonNode uk = json(CliRun.of("multipliers", UK.toString(), "--type-ii", "--json"));
        double[] published = ons(2);
        List<String> ids = ukSectors();
        for (int j = 0; j < ids.size(); j++) {
            JsonNode typeI = uk.get("households").get("typeI").get(ids.get(j));
            assertEquals(published[j], typeI.isNull() ? 0.0 : typeI.asDouble(), 1e-9, ids.get(j));
            assertTrue(uk.get("output").get("typeII").get(ids.get(j)).asDouble()
                    > uk.get("output").get("typeI").get(ids.get(j)).asDouble(), ids.get(j));
        }
        CliRun r = CliRun.of("multipliers", UK.toString(), "--type-ii", "--households-column", "consumption");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no final-demand column 'consumption' in Y.csv (it has 'households', 'npish'"),
                r.err());
    }
}
