package org.gosplan.planner.lp;

import java.lang.reflect.Method;
import java.util.SplittableRandom;

/**
 * Not a test (CI does not run it): draws of {@link LeastUseTest}'s stage property (seed, 2 to 300 products,
 * capacities, techniques on one resource, objective), counting the stages where GLOP's answer does not prove itself
 * and where the finish does not finish. {@code java -cp ... org.gosplan.planner.lp.StageSearch MASTER TRIES}, or
 * {@code one SEED N CAPACITIES PRIMARY MIN_RESOURCE}.
 */
final class StageSearch {
    public static void main(String[] args) throws Exception {
        Method m = LeastUseTest.class.getDeclaredMethod("finishOnAStage", long.class, int.class, boolean.class,
                boolean.class, boolean.class);
        m.setAccessible(true);
        if (args[0].equals("one")) {
            boolean[] r = (boolean[]) m.invoke(null, Long.parseLong(args[1]), Integer.parseInt(args[2]),
                    Boolean.parseBoolean(args[3]), Boolean.parseBoolean(args[4]), Boolean.parseBoolean(args[5]));
            System.out.println(r == null ? "no optimum" : "glop proven " + r[0] + ", finished " + r[1]);
            System.exit(0);
        }
        SplittableRandom draws = new SplittableRandom(Long.parseLong(args[0]));
        int tries = Integer.parseInt(args[1]);
        int stages = 0, unproven = 0, unfinished = 0, failed = 0;
        for (int i = 1; i <= tries; i++) {
            long seed = draws.nextLong();
            int n = 2 + draws.nextInt(299);
            boolean capacities = draws.nextBoolean(), primary = draws.nextBoolean(), min = draws.nextBoolean();
            String inputs = seed + " " + n + " " + capacities + " " + primary + " " + min;
            try {
                boolean[] r = (boolean[]) m.invoke(null, seed, n, capacities, primary, min);
                if (r != null) {
                    stages++;
                    if (!r[0]) {
                        unproven++;
                        System.out.println("GLOP UNPROVEN " + inputs);
                    }
                    if (!r[1]) {
                        unfinished++;
                        System.out.println("UNFINISHED " + inputs);
                    }
                }
            } catch (java.lang.reflect.InvocationTargetException x) {
                failed++;
                System.out.println("FAIL " + inputs + ": " + x.getCause());
            }
            if (i % 50 == 0) {
                System.out.printf("%d tries: %d stages, %d GLOP unproven, %d unfinished, %d failed%n", i, stages,
                        unproven, unfinished, failed);
            }
        }
        System.out.printf("%d tries: %d stages, %d GLOP unproven, %d unfinished, %d failed%n", tries, stages, unproven,
                unfinished, failed);
        System.exit(0);
    }
}
