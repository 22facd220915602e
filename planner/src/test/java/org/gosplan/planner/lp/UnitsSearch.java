package org.gosplan.planner.lp;

import java.util.SplittableRandom;

/**
 * Not a test (CI does not run it): replays random draws of {@link PlanUnitsTest#anEconomyInOtherUnitsHasTheSamePlan}
 * (seed, 2 to 30 products, joint or not, fulfil or min-resource), each under a time limit, and prints every failure
 * with its inputs, then failures/tries. Run with the planner's test class path:
 * {@code java -cp ... org.gosplan.planner.lp.UnitsSearch MASTER_SEED TRIES [SECONDS]}.
 */
final class UnitsSearch {
    private UnitsSearch() {}

    public static void main(String[] args) {
        if (args[0].equals("one")) {
            // one draw: seed n joint min-resource
            PlanUnitsTest.sameInOtherUnits(Long.parseLong(args[1]), Integer.parseInt(args[2]),
                    Boolean.parseBoolean(args[3]), Boolean.parseBoolean(args[4]));
            System.out.println("passed");
            System.exit(0);
        }
        if (args[0].equals("notes")) {
            // one draw, one method: both plans and their notes
            long seed = Long.parseLong(args[1]);
            int n = Integer.parseInt(args[2]);
            boolean joint = Boolean.parseBoolean(args[3]), minResource = Boolean.parseBoolean(args[4]);
            org.gosplan.economy.Economy e = joint ? org.gosplan.planner.PlanTestEconomies.randomJoint(seed, n,
                    minResource) : org.gosplan.planner.PlanTestEconomies.random(seed, n, 2, 4, 3, !minResource,
                    !minResource, 0.4);
            java.util.Random rnd = new java.util.Random(seed);
            double[] kp = PlanUnitsTest.powersOfTen(rnd, e.products());
            double[] kr = PlanUnitsTest.powersOfTen(rnd, e.resources());
            double[] kt = PlanUnitsTest.powersOfTen(rnd, e.techniques());
            org.gosplan.economy.Economy other = PlanUnitsTest.rescaled(e, kp, kr, kt);
            org.gosplan.planner.PlanOptions o = (minResource ? org.gosplan.planner.PlanOptions.minResource("r0")
                    : org.gosplan.planner.PlanOptions.fulfil()).withMethod(org.gosplan.planner.PlanMethod.of(args[5]));
            for (org.gosplan.economy.Economy x : new org.gosplan.economy.Economy[] {e, other}) {
                org.gosplan.planner.Plan p = org.gosplan.planner.Planner.plan(x, o);
                System.out.println(p + "\n  " + p.certificate() + "\n  " + p.solver().note());
            }
            System.exit(0);
        }
        long master = Long.parseLong(args[0]);
        int tries = Integer.parseInt(args[1]);
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        SplittableRandom draws = new SplittableRandom(master);
        int failed = 0;
        long t0 = System.nanoTime();
        for (int i = 1; i <= tries; i++) {
            long seed = draws.nextLong();
            int n = 2 + draws.nextInt(29);
            boolean joint = draws.nextBoolean();
            boolean minResource = draws.nextBoolean();
            String inputs = "seed " + seed + ", n " + n + (joint ? ", joint" : "") + (minResource ? ", min-resource"
                    : ", fulfil");
            try {
                PlanUnitsTest.withinTime(seconds, inputs, () -> PlanUnitsTest.sameInOtherUnits(seed, n, joint,
                        minResource));
            } catch (Throwable x) {
                failed++;
                String m = String.valueOf(x.getMessage());
                System.out.println("FAIL try " + i + " (" + inputs + "): " + x.getClass().getSimpleName() + ": "
                        + (m.length() > 600 ? m.substring(0, 600) + "..." : m));
            }
            if (i % 100 == 0) {
                System.out.printf("%d tries, %d failed, %.0f s%n", i, failed, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf("master %d: %d failed of %d tries, %.0f s%n", master, failed, tries,
                (System.nanoTime() - t0) / 1e9);
        System.exit(0);
    }
}
