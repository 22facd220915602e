package org.gosplan.economy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random valid economies for property tests, built with {@link EconomyBuilder}. */
final class RandomEconomies {
    private RandomEconomies() {}

    /** Pieces of ids: need CSV quoting (quote, leading/trailing space), JSON-pointer escapes, unicode. */
    private static final String[] ID_PIECES = {
        "a", "b", "z", "Q", "0", "7", " ", "\"", "'", "-", "_", ".", "/", "~", ";", ":", "#", "\\",
        "é", "ж", "€", "漢", "😀", "\u00a0", "Aa", "BB", "{", "}", "[", "]", "=", "+"
    };
    /** Pieces of units and names: anything, commas and quotes and line breaks included. */
    private static final String[] TEXT_PIECES = {
        "t", "kg", "GBP million", ",", "\"", "\"\"", " ", "é", "漢", "😀", "\n", "\r\n", "a,b", "x\"y", "\\", "\t"
    };

    static Arbitrary<Economy> economies() {
        return Arbitraries.randomValue(RandomEconomies::economy);
    }

    static String id(Random r, Set<String> taken) {
        while (true) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                b.append(ID_PIECES[r.nextInt(ID_PIECES.length)]);
            }
            String s = b.toString();
            if (taken.add(s)) {
                return s;
            }
        }
    }

    static String text(Random r) {
        if (r.nextInt(3) == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(TEXT_PIECES[r.nextInt(TEXT_PIECES.length)]);
        }
        return b.toString();
    }

    /** A positive finite double: ordinary, integral, tiny, huge, subnormal, or any bit pattern. */
    static double positive(Random r) {
        switch (r.nextInt(9)) {
            case 0:
                return 1 + r.nextInt(1000);
            case 1:
                return r.nextDouble() + Double.MIN_NORMAL;
            case 2:
                return Double.MIN_VALUE * (1 + r.nextInt(1000));
            case 3:
                return Double.MAX_VALUE * (0.5 + r.nextDouble() / 2);
            case 4:
                return new double[] {0.1, 0.2, 0.3, 1e15, 1e16, 1e22, 1e23, 9007199254740993.0, 123456789012345678.0,
                        0.000001, 1.0 / 3, 2.0 / 3, 4.35, 1e-5, 5e-324, 2.2250738585072014E-308}[r.nextInt(16)];
            case 5:
                return Math.pow(10, r.nextInt(600) - 300) * r.nextDouble() + Double.MIN_VALUE;
            default: {
                while (true) {
                    double d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
                    if (Double.isFinite(d) && d > 0) {
                        return d;
                    }
                }
            }
        }
    }

    static Economy economy(Random r) {
        Set<String> items = new HashSet<>();
        Set<String> techIds = new HashSet<>();
        EconomyBuilder b = new EconomyBuilder(r.nextInt(4) == 0 ? "" : id(r, new HashSet<>()) + " \"name\", é");
        int np = 1 + r.nextInt(8);
        int nr = r.nextInt(4);
        int nt = r.nextInt(10);
        for (int p = 0; p < np; p++) {
            if (b.addProduct(id(r, items), text(r), text(r)) != p) {
                throw new AssertionError("addProduct");
            }
        }
        for (int k = 0; k < nr; k++) {
            double available = r.nextInt(3) == 0 ? Double.NaN : r.nextInt(5) == 0 ? 0.0 : positive(r);
            if (b.addResource(id(r, items), text(r), available) != k) {
                throw new AssertionError("addResource");
            }
        }
        for (int t = 0; t < nt; t++) {
            double capacity = r.nextInt(2) == 0 ? Double.POSITIVE_INFINITY : r.nextInt(5) == 0 ? 0.0 : positive(r);
            int ti = b.addTechnique(id(r, techIds), capacity);
            // joint production: 1..3 distinct outputs
            for (int p : distinct(r, np, 1 + r.nextInt(Math.min(3, np)))) {
                b.output(ti, p, positive(r));
            }
            // product inputs, possibly its own outputs
            for (int p : distinct(r, np, r.nextInt(Math.min(4, np) + 1))) {
                b.productInput(ti, p, positive(r));
            }
            if (nr > 0) {
                for (int k : distinct(r, nr, r.nextInt(nr + 1))) {
                    b.resourceInput(ti, k, positive(r));
                }
            }
        }
        for (int p : distinct(r, np, r.nextInt(np + 1))) {
            b.target(p, positive(r), r.nextBoolean() ? 1.0 : positive(r));
        }
        return b.build();
    }

    private static List<Integer> distinct(Random r, int n, int k) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, r);
        return all.subList(0, k);
    }
}
