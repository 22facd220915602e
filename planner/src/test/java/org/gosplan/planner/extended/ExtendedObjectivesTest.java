package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlannerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * min-resource, the least-use stages and the MPS export for plans with years and trade, against
 * answers worked by hand and the exported LP solved by another reader (OR-Tools' MPS reader, GLOP).
 */
class ExtendedObjectivesTest {
    @TempDir
    Path tmp;

    private static final ExtendedPlanner.Options O = ExtendedPlanner.Options.DEFAULT;

    private static PlanOptions minLabour(boolean leastUse) {
        return PlanOptions.minResource("labour").withLeastUse(leastUse);
    }

    private static void proven(ExtendedPlan p) {
        assertEquals("optimal", p.status(), () -> p.primalInfeasibility() + " " + p.dualInfeasibility() + " " + p.gap());
        assertTrue(p.gap() < 1e-9 && p.primalInfeasibility() < 1e-9 && p.dualInfeasibility() < 1e-9);
    }

    /**
     * YearsTest's tractors, every target met (20 t of grain a year), the least labour over both
     * years. By hand: year 1 farms 20 t with its 2 tractors (20 h); year 2 has 1.5 tractors left
     * unless more are made, and a tonne by hand costs 3 h against 1 h on the farm, so making 0.5
     * tractors in year 1 (2.5 h and 0.25 t of grain, which only the hand can make then: 0.75 h)
     * saves 5 t by hand in year 2 (15 h against 5 h). Least labour 20 + 3.25 + 20 = 43.25.
     */
    @Test
    void minResourceOverTwoYearsInvestsWhereItSaves() {
        ExtendedPlan p = ExtendedObjectives.plan(YearsTest.tractors(), O, minLabour(false));
        proven(p);
        assertEquals("min-resource", p.objective());
        assertEquals(43.25, p.value(), 1e-9);
        assertEquals(0.5, p.investment(0, 0, 0), 1e-9);
        assertEquals(2, p.stock(1, 0, 0), 1e-9);
        assertEquals(1, p.lambda(0, 0), 0);
        assertEquals(1, p.lambda(1, 0), 0);
        Map<String, Object> doc = p.toMap();
        assertEquals("min-resource", doc.get("objective"));
        assertEquals("labour", doc.get("resource"));
        assertNull(doc.get("leastUse"), "not asked for");
        // a tonne of grain more in year 2: 1 h on the farm and 0.1 tractor made in year 1 (5 h and half a
        // tonne of grain by hand, 1.5 h): 1.65 h
        assertEquals(1.65, p.valuation(1, 0, 0), 1e-9);
    }

    /**
     * TradeTest's cloth for food, every target met, the least labour: each metre of cloth imported
     * (0.25 USD) saves 2 h of milling and costs half a tonne of food exported (0.5 h), so all 10
     * metres are imported and paid by 5 - 2D t of food: labour 15 - 2D, and a unit of deficit saves 2 h.
     */
    @Test
    void minResourceWithTradeSavesWhatTheBalanceAllows() {
        for (double d : new double[] {0, 1}) {
            ExtendedPlan p = ExtendedObjectives.plan(TradeTest.cloth(d), O, minLabour(true));
            proven(p);
            assertEquals(15 - 2 * d, p.value(), 1e-9, "deficit " + d);
            assertEquals(10, p.imports(0, 0), 1e-9);
            assertEquals(5 - 2 * d, p.exports(0, 1), 1e-9);
            assertEquals(2, p.tradePrice(), 1e-9);
        }
    }

    @Test
    void anUnknownResourceIsNamed() {
        PlannerException x = assertThrows(PlannerException.class, () -> ExtendedObjectives.plan(TradeTest.cloth(0), O,
                PlanOptions.minResource("labor")));
        assertTrue(x.getMessage().contains("no resource 'labor'") && x.getMessage().contains("labour"), x.getMessage());
    }

    /**
     * Bread from a hectare of land, an hour of labour and a litre of water (or two litres, the
     * other technique), tractors from 10 h of labour that nobody asked for; 100 ha in year 1 and
     * 120 in year 2, 1,000 h each year, water unlimited; 10 t of bread a year. Land binds: λ = 10
     * and 12. Every plan that spends idle labour on tractors or water on the thirsty technique is
     * as optimal; the stages leave neither: no tractor, bread by the first technique only, the
     * limited stage's sum 100/100 + 100/1000 + 120/120 + 120/1000 = 2.22, the unlimited stage's
     * water at its least, 100 and 120 litres.
     */
    static Economy bread() {
        EconomyBuilder b = new EconomyBuilder("bread");
        int bread = b.addProduct("bread", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int land = b.addResource("land", "ha", 100);
        int labour = b.addResource("labour", "h", 1000);
        int water = b.addResource("water", "l", Double.NaN);
        b.parts().years(2);
        b.parts().availability(land, 2, 120);
        int dry = b.addTechnique("bread-dry", Double.POSITIVE_INFINITY);
        b.output(dry, bread, 1).resourceInput(dry, land, 1).resourceInput(dry, labour, 1).resourceInput(dry, water, 1);
        int wet = b.addTechnique("bread-wet", Double.POSITIVE_INFINITY);
        b.output(wet, bread, 1).resourceInput(wet, land, 1).resourceInput(wet, labour, 1).resourceInput(wet, water, 2);
        int plant = b.addTechnique("tractor-plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 10);
        b.target(bread, 10, 1);
        return b.build();
    }

    @Test
    void theStagesLeaveNoWasteOverTheYears() {
        ExtendedPlan p = ExtendedObjectives.plan(bread(), O, PlanOptions.DEFAULT);
        proven(p);
        // leximin holds a λ it has raised up to 1e-9 of it (ExtendedPlanner), and the stages keep what it gives
        assertEquals(10, p.lambda(0, 0), 1e-7);
        assertEquals(12, p.lambda(1, 0), 1e-7);
        List<ExtendedStage> stages = p.stages();
        assertEquals(2, stages.size(), stages.toString());
        assertEquals("limited", stages.get(0).minimises());
        assertEquals(List.of("land", "labour"), stages.get(0).resources());
        assertEquals(2.22, stages.get(0).value(), 1e-7);
        assertEquals("unlimited", stages.get(1).minimises());
        assertEquals(List.of("water"), stages.get(1).resources());
        for (ExtendedStage s : stages) {
            assertTrue(s.gap() < 1e-9 && s.primalInfeasibility() < 1e-9 && s.dualInfeasibility() < 1e-9, s.toString());
        }
        double[] made = {100, 120};
        for (int y = 0; y < 2; y++) {
            assertEquals(made[y], p.level(y, 0), 1e-6, "dry bread, year " + (y + 1));
            assertEquals(0, p.level(y, 1), 1e-9, "thirsty bread, year " + (y + 1));
            assertEquals(0, p.level(y, 2), 1e-9, "tractors, year " + (y + 1));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> lu = (Map<String, Object>) p.toMap().get("leastUse");
        assertEquals(2, ((List<?>) lu.get("stages")).size());
    }

    @Test
    void minResourceHasItsStagesToo() {
        // the least labour meets the targets, 10 + 10 h; the limited stage then takes the least land too
        ExtendedPlan p = ExtendedObjectives.plan(bread(), O, minLabour(true));
        proven(p);
        assertEquals(20, p.value(), 1e-9);
        assertEquals(2, p.stages().size());
        assertEquals(10.0 / 100 + 10.0 / 1000 + 10.0 / 120 + 10.0 / 1000, p.stages().get(0).value(), 1e-9);
        for (int y = 0; y < 2; y++) {
            assertEquals(10, p.level(y, 0), 1e-9);
            assertEquals(0, p.level(y, 1) + p.level(y, 2), 1e-9);
        }
    }

    static double solveMps(Path file) {
        Loader.loadNativeLibraries();
        ModelBuilderHelper h = new ModelBuilderHelper();
        assertTrue(h.importFromMpsFile(file.toString()));
        ModelSolverHelper s = new ModelSolverHelper("glop");
        s.solve(h);
        assertEquals(SolveStatus.OPTIMAL, s.getStatus());
        double v = s.getObjectiveValue();
        s.delete();
        h.delete();
        return v;
    }

    @Test
    void theMpsExportSolvedElsewhereGivesTheOptimum() throws IOException {
        Path f = tmp.resolve("tractors.mps");
        ExtendedObjectives.exportMps(YearsTest.tractors(), PlanOptions.DEFAULT, f);
        double[] byHand = YearsTest.leximinByHand();
        assertEquals(-Math.min(byHand[0], byHand[1]), solveMps(f), 1e-7);
        Path g = tmp.resolve("tractors-labour.mps");
        ExtendedObjectives.exportMps(YearsTest.tractors(), minLabour(true), g);
        assertEquals(43.25, solveMps(g), 1e-9);
        Path h = tmp.resolve("cloth.mps");
        ExtendedObjectives.exportMps(TradeTest.cloth(3), PlanOptions.DEFAULT, h);
        assertEquals(-(160 + 2 * 3) / 30.0, solveMps(h), 1e-9);
        String text = Files.readString(f);
        assertTrue(text.contains(" FX BND K1_0_0 2.0") && text.contains("Z2_0"), "named columns, fixed initial stock");
        assertTrue(text.contains("*  technique 0 farm"), "ids mapped back in comments");
    }

    @Test
    void theMpsOfAFederationWithTransportIsTheSameLp() throws IOException {
        // RepublicsTest's complementary republics: the exported LP's optimum is the plan's smallest λ
        Economy e = RepublicsTest.complementary();
        Path f = tmp.resolve("two.mps");
        ExtendedObjectives.exportMps(e, PlanOptions.DEFAULT, f);
        assertEquals(-ExtendedPlanner.plan(e, O).value(), solveMps(f), 1e-9);
        assertEquals(PlanObjective.FULFIL, PlanOptions.DEFAULT.objective());
    }
}
