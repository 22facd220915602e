package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times STV counts of many ranked ballots (docs/benchmarks.md, "Counting (issue 11)"): voters
 * rank candidates drawn by popularity (Plackett–Luce), most stopping after a few preferences, as
 * the Glasgow wards do; {@code full} makes every voter rank every candidate. Not a test: run it
 * with {@code java -cp council/target/classes:council/target/test-classes
 * org.gosplan.council.count.StvBench [ballots] [candidates] [seats] [short|full]}.
 */
public final class StvBench {
    private StvBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean full = args.length > 3 && args[3].equals("full");
        long t0 = System.nanoTime();
        List<RankedBallot> ballots = ballots(new Random(2007), n, m, full);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            names.add("candidate " + (c + 1));
        }
        Options options = new Options(names);
        long made = System.nanoTime();
        System.out.printf("%,d ballots over %d candidates (%s rankings) made in %.2f s%n", n, m,
                full ? "full" : "short", (made - t0) / 1e9);
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            Tally t = Stv.count(options, ballots, seats);
            long end = System.nanoTime();
            System.out.printf("run %d: %d seats counted in %.3f s, %d stages, winners %s%n", run, seats,
                    (end - start) / 1e9, t.rounds().size(), t.winners());
        }
    }

    static List<RankedBallot> ballots(Random r, int n, int m, boolean full) {
        double[] popularity = new double[m];
        for (int c = 0; c < m; c++) {
            popularity[c] = 1.0 / (1 + c) + 0.02;
        }
        List<RankedBallot> out = new ArrayList<>(n);
        double[] left = new double[m];
        for (int i = 0; i < n; i++) {
            int length = full ? m : Math.min(m, 1 + (int) (-Math.log(1 - r.nextDouble()) * 3));
            System.arraycopy(popularity, 0, left, 0, m);
            double total = 0;
            for (double p : left) {
                total += p;
            }
            int[][] groups = new int[length][];
            for (int k = 0; k < length; k++) {
                double x = r.nextDouble() * total;
                int c = 0;
                while (c < m - 1 && (left[c] == 0 || x >= left[c])) {
                    x -= left[c];
                    c++;
                }
                while (left[c] == 0) {
                    c--;
                }
                total -= left[c];
                left[c] = 0;
                groups[k] = new int[] {c};
            }
            out.add(new RankedBallot(groups, 1));
        }
        return out;
    }
}
