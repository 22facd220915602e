package org.gosplan.planner;

import java.util.Random;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;

/** Small economies with known answers, and random ones with alternative techniques, for the plan tests. */
public final class PlanTestEconomies {
    private PlanTestEconomies() {}

    public static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Kantorovich (1939), the machine-assignment problem: 3 milling machines, 3 turret lathes and 1
     * automatic turret lathe make two parts (per machine-day: 10/20, 20/30, 30/80); complete sets of
     * one of each. Optimum 86 2/3 sets; part valuations 2/3 and 1/3; machine prices 20/3, 40/3, 80/3.
     */
    public static Economy kantorovichMachines() {
        EconomyBuilder b = new EconomyBuilder("Kantorovich 1939 machine assignment");
        int p1 = b.addProduct("part-1", "pcs", null);
        int p2 = b.addProduct("part-2", "pcs", null);
        int mill = b.addResource("milling", "machine-days", 3);
        int turret = b.addResource("turret", "machine-days", 3);
        int auto = b.addResource("automatic", "machine-days", 1);
        int[] machines = {mill, turret, auto};
        String[] names = {"milling", "turret", "automatic"};
        double[][] rate = {{10, 20}, {20, 30}, {30, 80}};
        for (int i = 0; i < 3; i++) {
            int t1 = b.addTechnique(names[i] + "-part-1", INF);
            b.output(t1, p1, rate[i][0]).resourceInput(t1, machines[i], 1);
            int t2 = b.addTechnique(names[i] + "-part-2", INF);
            b.output(t2, p2, rate[i][1]).resourceInput(t2, machines[i], 1);
        }
        b.target(p1, 1, 1).target(p2, 1, 1);
        return b.build();
    }

    /** Miller and Blair table 2.3 as an economy: A = [[.15,.25],[.2,.05]], labour (0.3, 0.25), demand (600, 1500). */
    public static Economy millerBlair(double labourAvailable) {
        EconomyBuilder b = new EconomyBuilder("Miller-Blair 2.3");
        int p1 = b.addProduct("1", null, null);
        int p2 = b.addProduct("2", null, null);
        int l = b.addResource("labour", "h", labourAvailable);
        int t1 = b.addTechnique("make-1", INF);
        b.output(t1, p1, 1).productInput(t1, p1, 0.15).productInput(t1, p2, 0.20).resourceInput(t1, l, 0.3);
        int t2 = b.addTechnique("make-2", INF);
        b.output(t2, p2, 1).productInput(t2, p1, 0.25).productInput(t2, p2, 0.05).resourceInput(t2, l, 0.25);
        b.target(p1, 600, 1).target(p2, 1500, 1);
        return b.build();
    }

    /**
     * Corn by two techniques: by hand (1 h + 0.5 corn per corn) or by machine (3 h + 0.1 corn per
     * corn, capacity cap). Labour value by hand 2 h, by machine 10/3 h.
     */
    public static Economy corn(double labour, double target, double machineCapacity) {
        EconomyBuilder b = new EconomyBuilder("corn");
        int c = b.addProduct("corn", "t", null);
        int l = b.addResource("labour", "h", labour);
        int hand = b.addTechnique("by-hand", INF);
        b.output(hand, c, 1).productInput(hand, c, 0.5).resourceInput(hand, l, 1);
        int mach = b.addTechnique("by-machine", machineCapacity);
        b.output(mach, c, 1).productInput(mach, c, 0.1).resourceInput(mach, l, 3);
        b.target(c, target, 1);
        return b.build();
    }

    /**
     * A random economy: n products, k techniques each (single output), each using up to
     * {@code inputs} other products (total input share below {@code share}) and every resource;
     * targets on about half the products; with {@code capacities}, some techniques capped.
     */
    public static Economy random(long seed, int n, int k, int inputs, int resources, boolean limitAll, boolean capacities,
                          double share) {
        return random(seed, n, k, inputs, resources, limitAll, capacities, share, 0);
    }

    /**
     * As {@link #random(long, int, int, int, int, boolean, boolean, double)}, and a share {@code primary} of the
     * techniques make their product from the last resource alone, without product inputs or r0: the farm's tractors
     * at scale. Where r0 binds and the last resource does not, idle amounts of it can make any surplus of those
     * products at the same optimum, and an optimal plan may waste it.
     */
    public static Economy random(long seed, int n, int k, int inputs, int resources, boolean limitAll, boolean capacities,
                                 double share, double primary) {
        Random rnd = new Random(seed);
        EconomyBuilder b = new EconomyBuilder("random-" + seed, n * k);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        for (int r = 0; r < resources; r++) {
            b.addResource("r" + r, null, r == 0 || limitAll ? 1000.0 * (1 + rnd.nextInt(5)) : Double.NaN);
        }
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < k; j++) {
                double cap = capacities && rnd.nextInt(3) == 0 ? 1 + 50 * rnd.nextDouble() : INF;
                int t = b.addTechnique("p" + p + "-t" + j, cap);
                b.output(t, p, 0.5 + rnd.nextDouble());
                if (primary > 0 && rnd.nextDouble() < primary) {
                    b.resourceInput(t, resources - 1, 0.1 + rnd.nextDouble());
                    continue;
                }
                inputs(b, rnd, t, p, n, inputs, share, null);
                resources(b, rnd, t, resources);
            }
        }
        for (int p = 0; p < n; p++) {
            if (p == 0 || rnd.nextBoolean()) {
                b.target(p, 1 + 10 * rnd.nextDouble(), 1);
            }
        }
        return b.build();
    }

    /**
     * Joint production: n products, two techniques each (a third capped), up to 4 inputs, and a third of
     * the techniques with a by-product (0.05 to 0.2 units of another product); three resources, all
     * limited for fulfil, only r0 for min-resource; targets on about half the products.
     */
    public static Economy randomJoint(long seed, int n, boolean minResource) {
        Random rnd = new Random(seed);
        EconomyBuilder b = new EconomyBuilder("joint-" + seed, n * 2);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        for (int r = 0; r < 3; r++) {
            b.addResource("r" + r, null, r == 0 || !minResource ? 1000.0 * (1 + rnd.nextInt(5)) : Double.NaN);
        }
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < 2; j++) {
                double cap = rnd.nextInt(3) == 0 ? 1 + 50 * rnd.nextDouble() : INF;
                int t = b.addTechnique("p" + p + "-t" + j, cap);
                b.output(t, p, 0.5 + rnd.nextDouble());
                java.util.Set<Integer> used = new java.util.TreeSet<>();
                inputs(b, rnd, t, p, n, 4, 0.4, used);
                if (rnd.nextInt(3) == 0) {
                    int q = rnd.nextInt(n);
                    if (q != p && !used.contains(q)) {
                        b.output(t, q, 0.05 + 0.15 * rnd.nextDouble());
                    }
                }
                resources(b, rnd, t, 3);
            }
        }
        for (int p = 0; p < n; p++) {
            if (p == 0 || rnd.nextBoolean()) {
                b.target(p, 1 + 10 * rnd.nextDouble(), 1);
            }
        }
        return b.build();
    }

    /** Up to {@code inputs} other products as inputs of t, together below {@code share}; into {@code used} if given. */
    private static void inputs(EconomyBuilder b, Random rnd, int t, int p, int n, int inputs, double share,
                               java.util.Set<Integer> used) {
        int m = Math.min(n - 1, rnd.nextInt(inputs + 1));
        double total = share * rnd.nextDouble();
        java.util.Set<Integer> chosen = used == null ? new java.util.TreeSet<>() : used;
        while (chosen.size() < m) {
            int q = rnd.nextInt(n);
            if (q != p) {
                chosen.add(q);
            }
        }
        for (int q : chosen) {
            b.productInput(t, q, total / m * (0.5 + rnd.nextDouble()) / 1.5);
        }
    }

    /** Resource r0 always, each other resource with probability 1/2. */
    private static void resources(EconomyBuilder b, Random rnd, int t, int resources) {
        for (int r = 0; r < resources; r++) {
            if (r == 0 || rnd.nextBoolean()) {
                b.resourceInput(t, r, 0.1 + rnd.nextDouble());
            }
        }
    }

    /**
     * A farm where land binds and labour does not (issue 16): grain by hand (12 h, 0.25 ha) or by tractor (3 h,
     * 0.2 ha, 0.001 tractor), tractors from labour alone (400 h), bread from 0.8 grain and 2 h; 2,000,000 h of
     * labour, 50,000 ha of land; targets 80,000 bread and 53 tractors. Worked by hand: land alone bounds λ, at
     * 0.8 * 0.2 = 0.16 ha per bread, λ = 50,000 / (0.16 * 80,000) = 3.90625; bread 312,500, grain 250,000 by
     * tractor, tractors 53 λ + 250 = 457.03125, labour 3 * 250,000 + 400 * 457.03125 + 2 * 312,500 = 1,557,812.5
     * h. Idle labour can make up to 1,105 more tractors at the same λ.
     */
    public static Economy farm() {
        EconomyBuilder b = new EconomyBuilder("farm: land binds, labour does not");
        int grain = b.addProduct("grain", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int bread = b.addProduct("bread", "t", null);
        int labour = b.addResource("labour", "h", 2e6);
        int land = b.addResource("land", "ha", 5e4);
        int hand = b.addTechnique("grain-by-hand", INF);
        b.output(hand, grain, 1).resourceInput(hand, labour, 12).resourceInput(hand, land, 0.25);
        int tr = b.addTechnique("grain-by-tractor", INF);
        b.output(tr, grain, 1).productInput(tr, tractor, 0.001).resourceInput(tr, labour, 3).resourceInput(tr, land, 0.2);
        int plant = b.addTechnique("tractor-plant", INF);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 400);
        int bakery = b.addTechnique("bakery", INF);
        b.output(bakery, bread, 1).productInput(bakery, grain, 0.8).resourceInput(bakery, labour, 2);
        b.target(bread, 8e4, 1).target(tractor, 53, 1);
        return b.build();
    }

    /**
     * Policy iteration's ground: labour (2,000,000 h) the only limited resource, land unlimited; grain by ox
     * (3.4 h, 0.5 ha) or by hoe (3.4 h, 0.3 ha): the same labour, so both are optimal for λ; bread from 0.8
     * grain and 2 h, target 80,000. λ = 2,000,000 / (4.72 * 80,000) = 5.296610169491525; the least land is by
     * hoe, 0.3 * 0.8 * 80,000 λ = 19,200 λ ha.
     */
    public static Economy oxOrHoe() {
        EconomyBuilder b = new EconomyBuilder("ox or hoe");
        int grain = b.addProduct("grain", "t", null);
        int bread = b.addProduct("bread", "t", null);
        int labour = b.addResource("labour", "h", 2e6);
        int land = b.addResource("land", "ha", Double.NaN);
        int ox = b.addTechnique("grain-by-ox", INF);
        b.output(ox, grain, 1).resourceInput(ox, labour, 3.4).resourceInput(ox, land, 0.5);
        int hoe = b.addTechnique("grain-by-hoe", INF);
        b.output(hoe, grain, 1).resourceInput(hoe, labour, 3.4).resourceInput(hoe, land, 0.3);
        int bakery = b.addTechnique("bakery", INF);
        b.output(bakery, bread, 1).productInput(bakery, grain, 0.8).resourceInput(bakery, labour, 2);
        b.target(bread, 8e4, 1);
        return b.build();
    }
}
