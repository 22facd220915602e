package org.gosplan.planner.extended;

/**
 * min-resource over years and republics: every target of every year and republic met in full
 * (each λ held at 1), the least use of one resource summed over the years. The same
 * {@link SpaceModel} as fulfil, its λ fixed and its objective replaced, so that every other
 * constraint (capital, transport, trade and its balance) is the plan's own. The valuations are
 * the duals of the product rows: the resource saved by one unit less of a product in a year and
 * republic; the trade price is the resource saved by one unit of currency more allowed as deficit.
 */
final class MinResource {
    private MinResource() {}

    /** The objective solved; {@code least} the LP's variables that carry its cost, for the stages to clear. */
    static ExtendedPlanner.Leximin solve(SpaceModel m, int resource, ResourceUse use, ExtendedPlanner.Options o) {
        Lp lp = m.lp;
        setUp(m, resource, use);
        ExtendedPlanner.Leximin x = new ExtendedPlanner.Leximin(m);
        x.publication = new Publication();
        x.publication.minimised = resource;
        Lp.Solution s = lp.solve(o.pdlp(), o.tolerance(), o.timeLimitSeconds());
        x.rounds = 1;
        x.first = s;
        x.last = s;
        x.status = s.x() == null && s.status() == Lp.Status.OPTIMAL ? Lp.Status.LIMIT : s.status();
        x.value = s.x() == null ? Double.NaN : -s.objective() + 0.0;
        return x;
    }

    /** Turns fulfil's LP {@code m} into min-resource's: every λ held at 1, the objective minus the use of {@code resource}. */
    static void setUp(SpaceModel m, int resource, ResourceUse use) {
        Lp lp = m.lp;
        lp.setCost(m.least, 0);
        lp.setUpper(m.least, 0);
        for (int[] row : m.lambda) {
            for (int v : row) {
                if (v >= 0) {
                    lp.setLower(v, 1);
                    lp.setUpper(v, 1);
                }
            }
        }
        double[] cost = new double[lp.vars()];
        for (int y = 0; y < use.years; y++) {
            use.addTo(cost, y, resource, -1);
        }
        for (int j = 0; j < cost.length; j++) {
            if (cost[j] != 0) {
                lp.setCost(j, cost[j]);
            }
        }
    }

    /** The variables whose cost is the resource's use. */
    static int[] costVars(ResourceUse use, int resource) {
        java.util.TreeSet<Integer> vars = new java.util.TreeSet<>();
        for (int y = 0; y < use.years; y++) {
            for (int v : use.var[y][resource]) {
                vars.add(v);
            }
        }
        return vars.stream().mapToInt(Integer::intValue).toArray();
    }
}
