package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times approval and equal-shares counts of a large participatory budget (not a unit test; see
 * docs/benchmarks.md): {@code voters} ballots over {@code proposals} proposals, popularity
 * falling as 1/(rank+10), each voter approving 1 to 15 proposals (geometric, mean about 4),
 * costs 10,000 to 500,000, the budget a fifth of all costs. Prints each count's time.
 */
public final class EqualSharesBench {
    private EqualSharesBench() {
    }

    /** A participatory budget drawn as the class comment says. */
    record Budget(Options options, List<ApprovalBallot> ballots, double[] costs, double budget) {
    }

    static Budget budget(int voters, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] cumulative = new double[m];
        double sum = 0;
        for (int c = 0; c < m; c++) {
            sum += 1.0 / (c + 10);
            cumulative[c] = sum;
        }
        double[] costs = new double[m];
        double total = 0;
        for (int c = 0; c < m; c++) {
            costs[c] = 10_000 + r.nextInt(490_001);
            total += costs[c];
        }
        double budget = Math.floor(total / 5);
        List<ApprovalBallot> ballots = new ArrayList<>(voters);
        int[] pick = new int[15];
        for (int v = 0; v < voters; v++) {
            int k = 1;
            while (k < 15 && r.nextDouble() < 0.75) {
                k++;
            }
            int got = 0;
            while (got < k) {
                double x = r.nextDouble() * sum;
                int lo = java.util.Arrays.binarySearch(cumulative, x);
                int c = lo >= 0 ? lo : -lo - 1;
                boolean dup = false;
                for (int i = 0; i < got; i++) {
                    dup |= pick[i] == c;
                }
                if (!dup) {
                    pick[got++] = c;
                }
            }
            ballots.add(ApprovalBallot.of(java.util.Arrays.copyOf(pick, got)));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            names.add("p" + c);
        }
        return new Budget(new Options(names), ballots, costs, budget);
    }

    public static void main(String[] args) {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Budget pb = budget(voters, m, seed);
        List<ApprovalBallot> ballots = pb.ballots();
        double[] costs = pb.costs();
        double budget = pb.budget();
        Options options = pb.options();
        for (int run = 0; run < runs; run++) {
            long c0 = cpu.getProcessCpuTime();
            long t0 = System.nanoTime();
            Tally approval = Approval.count(options, ballots, 10);
            long t1 = System.nanoTime();
            long c1 = cpu.getProcessCpuTime();
            Tally shares = EqualShares.count(options, ballots, costs, budget);
            long t2 = System.nanoTime();
            long c2 = cpu.getProcessCpuTime();
            double spent = 0;
            for (String w : shares.winners()) {
                spent += costs[Integer.parseInt(w.substring(1))];
            }
            System.out.printf("run %d: %,d ballots, %,d proposals: approval %.2f s; equal shares %.2f s "
                    + "(%d bought, %.1f%% of the budget %.0f, %s); both %.2f s of CPU (all threads), equal shares alone %.2f s%n", run, voters, m, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, shares.winners().size(), 100 * spent / budget, budget,
                    approval.winners().get(0), (c2 - c0) / 1e9, (c2 - c1) / 1e9);
        }
    }
}
