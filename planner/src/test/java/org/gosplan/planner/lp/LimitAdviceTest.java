package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.modelbuilder.SolveStatus;
import org.gosplan.planner.LimitAdvice;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/** Issue 16, item 2: a plan without a proven answer says what happened and what to try, in plain words. */
class LimitAdviceTest {

    @Test
    void noPlanFromTheSimplexMethodNamesWhatHappenedAndWhatToTry() {
        LpModel m = LpPlanner.model(PlanTestEconomies.kantorovichMachines(), PlanOptions.fulfil());
        String note = "the simplex method (GLOP) stopped without an answer: " + LpOrTools.inWords(SolveStatus.ABNORMAL);
        Plan p = PlanAssembly.without(m, PlanStatus.LIMIT,
                LpSolution.without(LpSolution.Outcome.LIMIT, "glop", 0, 0.1, note), null);
        String advice = LimitAdvice.of(p, PlanOptions.fulfil());
        assertTrue(advice.startsWith("no plan: the simplex method (GLOP) stopped without an answer: it met a numerical"),
                advice);
        assertTrue(advice.contains("--method pdlp") && advice.contains("--time-limit") && advice.contains("units"),
                advice);
    }

    @Test
    void aPlanCutOffByItsTimeLimitGivesItsCertificateAndSuggestsMoreTime() {
        PlanOptions o = PlanOptions.fulfil().withMethod(PlanMethod.HARMONY).withTimeLimit(1e-9);
        Plan p = Planner.plan(PlanTestEconomies.kantorovichMachines(), o);
        String advice = LimitAdvice.of(p, o);
        assertTrue(advice.startsWith("harmony is a heuristic") && advice.contains("--method auto"), advice);
        PlanOptions optimal = PlanOptions.fulfil();
        assertNull(LimitAdvice.of(Planner.plan(PlanTestEconomies.kantorovichMachines(), optimal), optimal));
    }

    @Test
    void everySolverStatusIsPutInWordsWithoutTheSolversOwnNames() {
        for (SolveStatus s : SolveStatus.values()) {
            String w = LpOrTools.inWords(s);
            assertFalse(w.contains(s.name()) || w.contains("_") || w.contains("proto"), s + ": " + w);
        }
    }
}
