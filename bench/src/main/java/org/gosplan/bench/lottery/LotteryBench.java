package org.gosplan.bench.lottery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.gosplan.inspection.lottery.Lottery;
import org.gosplan.inspection.lottery.Pool;
import org.gosplan.inspection.lottery.Quota;
import org.gosplan.inspection.lottery.Selection;

/**
 * The lottery's selection probabilities on a generated pool shaped like a citizens' assembly's:
 * {@code --pool} people in five quota categories (gender 3 values, age 5, region 6, education 4,
 * housing 3), the pool skewed against the population as volunteers are (older and more educated
 * people answer more often), quotas at the population's shares of the panel, give or take
 * {@code --slack} (default 10%) of each share. Prints the time of each run and the figures.
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.gosplan.bench.lottery.LotteryBench \
 *     --pool 2000 --panel 200 [--runs 3] [--seed 1] [--write DIR]
 * </pre>
 * {@code --write DIR} also writes {@code DIR/pool.csv} and {@code DIR/quotas.csv}, for
 * {@code gosplan draw --pool DIR/pool.csv --panel 200 --quotas DIR/quotas.csv}.
 */
public final class LotteryBench {
    private LotteryBench() {}

    private static final String[] CATEGORIES = {"gender", "age", "region", "education", "housing"};
    private static final String[][] VALUES = {
        {"female", "male", "other"},
        {"16-29", "30-44", "45-59", "60-74", "75+"},
        {"north", "south", "east", "west", "centre", "islands"},
        {"none", "school", "college", "degree"},
        {"owner", "renter", "social"}};
    /** The population's shares of each value. */
    private static final double[][] POPULATION = {
        {0.49, 0.49, 0.02},
        {0.22, 0.25, 0.25, 0.18, 0.10},
        {0.20, 0.22, 0.15, 0.18, 0.20, 0.05},
        {0.20, 0.35, 0.20, 0.25},
        {0.60, 0.25, 0.15}};
    /** How much more often than its share each value volunteers. */
    private static final double[][] BIAS = {
        {1.0, 1.1, 0.8},
        {0.5, 0.8, 1.1, 1.5, 1.3},
        {1.0, 1.2, 0.9, 1.0, 1.1, 0.6},
        {0.4, 0.8, 1.2, 1.9},
        {1.2, 0.8, 0.5}};

    public static void main(String[] args) throws IOException {
        int n = 2000;
        int k = 200;
        int runs = 3;
        long seed = 1;
        double slack = 0.10;
        Path write = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pool" -> n = Integer.parseInt(args[++i]);
                case "--panel" -> k = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--slack" -> slack = Double.parseDouble(args[++i]);
                case "--write" -> write = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Pool pool = pool(n, new Random(seed));
        List<Quota> quotas = quotas(k, slack);
        if (write != null) {
            write(write, pool, quotas);
        }
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Selection s = Lottery.select(pool, k, quotas);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double max = 0;
            for (int i = 0; i < s.size(); i++) {
                max = Math.max(max, s.probability(i));
            }
            System.out.printf(Locale.ROOT, "run %d: pool %d, panel %d, %d quotas in %d categories, %d types: %.2f s;"
                    + " min probability %.6f (k/n %.6f), max %.6f, %d leximin stages (%s), %d panels found,"
                    + " shares within %.6f of the probabilities%n", r + 1, n, k,
                    quotas.size(), CATEGORIES.length, s.types(), seconds, s.minProbability(), (double) k / n, max,
                    s.stages(), s.leximin() ? "complete" : "stopped at the budget", s.columns(),
                    s.deviation());
        }
    }

    static Pool pool(int n, Random random) {
        List<Pool.Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int c = 0; c < CATEGORIES.length; c++) {
                a.put(CATEGORIES[c], VALUES[c][pick(random, c)]);
            }
            members.add(new Pool.Member(String.format(Locale.ROOT, "p%04d", i + 1), a));
        }
        return new Pool(members);
    }

    private static int pick(Random random, int c) {
        double total = 0;
        for (int v = 0; v < POPULATION[c].length; v++) {
            total += POPULATION[c][v] * BIAS[c][v];
        }
        double u = random.nextDouble() * total;
        for (int v = 0; v < POPULATION[c].length; v++) {
            u -= POPULATION[c][v] * BIAS[c][v];
            if (u < 0) {
                return v;
            }
        }
        return POPULATION[c].length - 1;
    }

    static List<Quota> quotas(int k, double slack) {
        List<Quota> out = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int v = 0; v < VALUES[c].length; v++) {
                double share = POPULATION[c][v] * k;
                out.add(new Quota(CATEGORIES[c], VALUES[c][v], (int) Math.floor(share * (1 - slack)),
                        (int) Math.ceil(share * (1 + slack))));
            }
        }
        return out;
    }

    private static void write(Path dir, Pool pool, List<Quota> quotas) throws IOException {
        Files.createDirectories(dir);
        StringBuilder p = new StringBuilder("id," + String.join(",", CATEGORIES) + "\n");
        for (Pool.Member m : pool.members()) {
            p.append(m.id());
            for (String c : CATEGORIES) {
                p.append(',').append(m.attributes().get(c));
            }
            p.append('\n');
        }
        Files.writeString(dir.resolve("pool.csv"), p, StandardCharsets.UTF_8);
        StringBuilder q = new StringBuilder("attr,value,min,max\n");
        for (Quota x : quotas) {
            q.append(x.attribute()).append(',').append(x.value()).append(',').append(x.min()).append(',')
                    .append(x.max()).append('\n');
        }
        Files.writeString(dir.resolve("quotas.csv"), q, StandardCharsets.UTF_8);
    }
}
