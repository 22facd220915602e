package org.gosplan.bench.plan;

import java.util.SplittableRandom;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;

/**
 * Random economies with alternative techniques for the plan benchmarks, a pure function of the
 * arguments (SplittableRandom with the seed).
 *
 * <p>Every product has {@code techniques} techniques, each making one unit... between 0.5 and 1.5
 * units of it from 1 to {@code 2 * inputs - 1} other products (uniform; total input per unit of
 * output between 0.1 and 0.7, so every choice of techniques is productive) and from labour
 * (0.1 to 2.1 h per unit level). Every product has a target between 1 and 10.
 *
 * <p>With {@code hard}: two more resources (energy, land) that each technique uses with
 * probability 1/2 (0.1 to 1.1 per unit level), limited to about half of what the cheapest-labour plan at
 * λ = 1 would roughly need of them, and a capacity (between 2 and 20) on the first technique of every other product;
 * labour is limited as well.
 */
public final class PlanEconomies {
    private PlanEconomies() {}

    public static Economy generate(int n, int techniques, int inputs, boolean hard, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EconomyBuilder b = new EconomyBuilder("random " + n + "x" + techniques + (hard ? " hard" : "") + " seed " + seed,
                n * techniques);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        // typical gross output per product: target 5.5 times an output multiplier about 1.7
        int labour = b.addResource("labour", "h", 0.0 + n * 5.5 * 1.7 * 1.1);
        int energy = -1, land = -1;
        if (hard) {
            energy = b.addResource("energy", "MWh", n * 5.5 * 1.7 * 0.6 * 0.5);
            land = b.addResource("land", "ha", n * 5.5 * 1.7 * 0.6 * 0.5);
        }
        int[] used = new int[2 * inputs];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < techniques; j++) {
                double cap = hard && j == 0 && rnd.nextBoolean() ? 2 + 18 * rnd.nextDouble() : Double.POSITIVE_INFINITY;
                int t = b.addTechnique("p" + p + "-t" + j, cap);
                double out = 0.5 + rnd.nextDouble();
                b.output(t, p, out);
                int m = 1 + rnd.nextInt(2 * inputs - 1);
                m = Math.min(m, n - 1);
                int got = 0;
                while (got < m) {
                    int q = rnd.nextInt(n);
                    boolean dup = q == p;
                    for (int i = 0; i < got && !dup; i++) {
                        dup = used[i] == q;
                    }
                    if (!dup) {
                        used[got++] = q;
                    }
                }
                java.util.Arrays.sort(used, 0, got);
                double total = out * (0.1 + 0.6 * rnd.nextDouble());
                double[] share = new double[got];
                double s = 0;
                for (int i = 0; i < got; i++) {
                    share[i] = 0.2 + rnd.nextDouble();
                    s += share[i];
                }
                for (int i = 0; i < got; i++) {
                    b.productInput(t, used[i], total * share[i] / s);
                }
                b.resourceInput(t, labour, 0.1 + 2 * rnd.nextDouble());
                if (hard) {
                    if (rnd.nextBoolean()) {
                        b.resourceInput(t, energy, 0.1 + rnd.nextDouble());
                    }
                    if (rnd.nextBoolean()) {
                        b.resourceInput(t, land, 0.1 + rnd.nextDouble());
                    }
                }
            }
        }
        for (int p = 0; p < n; p++) {
            b.target(p, 1 + 9 * rnd.nextDouble(), 1);
        }
        return b.build();
    }
}
