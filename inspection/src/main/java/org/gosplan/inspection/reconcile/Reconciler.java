package org.gosplan.inspection.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;

/**
 * Holds the reports of one plan and period against each other (double entry), against the
 * technology (no output without the inputs and resources to make it) and against the plan
 * (inspection.md's finding kinds). Linear in the size of the books: each unit's report is taken in
 * by a counting sort on the unit's index and worked on in scratch arrays over products; deliveries
 * and receipts meet in one hash table keyed by (supplier, receiver, product). No nested loops over
 * units or lines.
 */
public final class Reconciler {
    private Reconciler() {}

    /**
     * Reconciles {@code books} with the plan's technique levels and net outputs (indexed as the
     * economy's techniques and products). Figures within {@code tolerance} of each other, relative to
     * the larger, agree.
     */
    public static Reconciliation reconcile(Books books, double[] plannedLevels, double[] plannedNet, double tolerance) {
        return new Run(books, plannedLevels, plannedNet, tolerance).run();
    }

    private static final class Run {
        final Books b;
        final Economy e;
        final double[] plannedLevels;
        final double[] plannedNet;
        final double tol;
        final List<Finding> findings = new ArrayList<>();
        final double[] net; // reported net output per product
        // units that delivered more of a product than they made and received
        final Growable.Ints overProduct = new Growable.Ints();
        final Growable.Ints overUnit = new Growable.Ints();
        final Growable.Doubles overSources = new Growable.Doubles();
        final Growable.Doubles overDelivered = new Growable.Doubles();

        Run(Books books, double[] plannedLevels, double[] plannedNet, double tolerance) {
            this.b = books;
            this.e = books.economy;
            this.plannedLevels = plannedLevels;
            this.plannedNet = plannedNet;
            this.tol = tolerance;
            this.net = new double[e.products()];
        }

        /** Whether {@code a} and {@code c} differ by more than the tolerance, relative to the larger. */
        boolean differ(double a, double c) {
            return Math.abs(a - c) > tol * Math.max(Math.abs(a), Math.abs(c));
        }

        Reconciliation run() {
            units();
            deliveries();
            missing();
            Map<String, Double> fulfilment = products();
            unbalanced();
            findings.sort(Comparator.comparingDouble((Finding f) -> -Math.abs(f.difference()))
                    .thenComparing(Finding::kind)
                    .thenComparing(f -> String.join("\n", f.units()))
                    .thenComparing(f -> f.product() == null ? "" : f.product())
                    .thenComparing(f -> f.resource() == null ? "" : f.resource()));
            return new Reconciliation(b.units(), b.reported(), findings, fulfilment);
        }

        /** Each reporting unit against the technology: what its levels need, made, received and delivered. */
        void units() {
            int nu = b.units();
            int[] levelOrder = new int[b.level.n];
            int[] levelStart = Growable.group(b.levelUnit.a, b.level.n, nu, levelOrder);
            int[] resOrder = new int[b.used.n];
            int[] resStart = Growable.group(b.resourceUnit.a, b.used.n, nu, resOrder);
            int[] delOrder = new int[b.delivered.n];
            int[] delStart = Growable.group(b.deliverySupplier.a, b.delivered.n, nu, delOrder);
            int[] recOrder = new int[b.received.n];
            int[] recStart = Growable.group(b.receiptReceiver.a, b.received.n, nu, recOrder);

            int np = e.products();
            int nr = e.resources();
            double[] made = new double[np];
            double[] need = new double[np];
            double[] got = new double[np];
            double[] gave = new double[np];
            int[] touched = new int[np];
            int[] stamp = new int[np];
            double[] needR = new double[nr];
            double[] usedR = new double[nr];
            int[] touchedR = new int[nr];
            int[] stampR = new int[nr];
            SparseMatrix out = e.outputs();
            SparseMatrix in = e.productInputs();
            SparseMatrix res = e.resourceInputs();
            for (int u = 0; u < nu; u++) {
                if (!b.reported[u]) {
                    continue;
                }
                int mark = u + 1;
                int nt = 0;
                int ntr = 0;
                for (int k = levelStart[u]; k < levelStart[u + 1]; k++) {
                    int i = levelOrder[k];
                    int t = b.levelTechnique.a[i];
                    double z = b.level.a[i];
                    nt = column(out, t, z, made, touched, stamp, mark, nt);
                    nt = column(in, t, z, need, touched, stamp, mark, nt);
                    ntr = column(res, t, z, needR, touchedR, stampR, mark, ntr);
                }
                for (int k = delStart[u]; k < delStart[u + 1]; k++) {
                    int i = delOrder[k];
                    nt = touch(b.deliveryProduct.a[i], gave, b.delivered.a[i], touched, stamp, mark, nt);
                }
                for (int k = recStart[u]; k < recStart[u + 1]; k++) {
                    int i = recOrder[k];
                    nt = touch(b.receiptProduct.a[i], got, b.received.a[i], touched, stamp, mark, nt);
                }
                for (int k = resStart[u]; k < resStart[u + 1]; k++) {
                    int i = resOrder[k];
                    ntr = touch(b.resource.a[i], usedR, b.used.a[i], touchedR, stampR, mark, ntr);
                }
                for (int k = 0; k < nt; k++) {
                    int p = touched[k];
                    net[p] += made[p] - need[p];
                    double available = got[p] + made[p] - gave[p];
                    // a unit that delivered more than it made and received is unbalanced in p; its own
                    // use of p is then not a second finding
                    boolean over = gave[p] > got[p] + made[p] && differ(gave[p], got[p] + made[p]);
                    if (!over && need[p] > available && differ(need[p], available)) {
                        String unit = b.units.id(u);
                        String product = e.productId(p);
                        findings.add(new Finding(Kind.INPUTS_SHORT, List.of(unit), product, null, null, need[p],
                                available, available - need[p], "unit " + unit + " reports levels that need "
                                + num(need[p]) + " " + product + " but had " + num(available) + " (received "
                                + num(got[p]) + ", made " + num(made[p]) + ", delivered " + num(gave[p]) + "): "
                                + num(need[p] - available) + " short, so part of its reported output is on paper"));
                    }
                    if (over) {
                        overProduct.add(p);
                        overUnit.add(u);
                        overSources.add(got[p] + made[p]);
                        overDelivered.add(gave[p]);
                    }
                    made[p] = 0;
                    need[p] = 0;
                    got[p] = 0;
                    gave[p] = 0;
                }
                for (int k = 0; k < ntr; k++) {
                    int r = touchedR[k];
                    if (needR[r] > usedR[r] && differ(needR[r], usedR[r])) {
                        String unit = b.units.id(u);
                        String resource = e.resourceId(r);
                        findings.add(new Finding(Kind.RESOURCE_SHORT, List.of(unit), null, null, resource, needR[r],
                                usedR[r], usedR[r] - needR[r], "unit " + unit + " reports levels that need "
                                + num(needR[r]) + " " + resource + " but reports using " + num(usedR[r]) + ": "
                                + num(needR[r] - usedR[r]) + " short, so part of its reported output is on paper"));
                    }
                    needR[r] = 0;
                    usedR[r] = 0;
                }
            }
        }

        /** Adds column {@code t} of {@code m} times {@code z} into {@code acc}, noting the rows first touched. */
        static int column(SparseMatrix m, int t, double z, double[] acc, int[] touched, int[] stamp, int mark, int n) {
            int[] start = m.columnStarts();
            int[] row = m.rowIndexes();
            double[] v = m.values();
            for (int k = start[t]; k < start[t + 1]; k++) {
                n = touch(row[k], acc, v[k] * z, touched, stamp, mark, n);
            }
            return n;
        }

        static int touch(int i, double[] acc, double q, int[] touched, int[] stamp, int mark, int n) {
            if (stamp[i] != mark) {
                stamp[i] = mark;
                touched[n++] = i;
            }
            acc[i] += q;
            return n;
        }

        /** Double entry: every (supplier, receiver, product) between two units that both reported. */
        void deliveries() {
            int lines = b.delivered.n + b.received.n;
            int cap = Integer.highestOneBit(Math.max(16, lines * 2 - 1)) << 1;
            int[] slot = new int[cap]; // 1 + entry, 0 for empty
            int[] sup = new int[Math.max(1, lines)];
            int[] rec = new int[sup.length];
            int[] prod = new int[sup.length];
            double[] said = new double[sup.length]; // by the supplier
            double[] heard = new double[sup.length]; // by the receiver
            int n = 0;
            for (int side = 0; side < 2; side++) {
                Growable.Ints s = side == 0 ? b.deliverySupplier : b.receiptSupplier;
                Growable.Ints r = side == 0 ? b.deliveryReceiver : b.receiptReceiver;
                Growable.Ints p = side == 0 ? b.deliveryProduct : b.receiptProduct;
                double[] q = side == 0 ? b.delivered.a : b.received.a;
                for (int i = 0; i < p.n; i++) {
                    int a = s.a[i];
                    int c = r.a[i];
                    int d = p.a[i];
                    if (!b.reported[a] || !b.reported[c]) {
                        continue;
                    }
                    int h = mix(a, c, d) & (cap - 1);
                    int at;
                    while (true) {
                        int x = slot[h];
                        if (x == 0) {
                            at = n++;
                            slot[h] = at + 1;
                            sup[at] = a;
                            rec[at] = c;
                            prod[at] = d;
                            break;
                        }
                        if (sup[x - 1] == a && rec[x - 1] == c && prod[x - 1] == d) {
                            at = x - 1;
                            break;
                        }
                        h = (h + 1) & (cap - 1);
                    }
                    if (side == 0) {
                        said[at] += q[i];
                    } else {
                        heard[at] += q[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (differ(said[i], heard[i])) {
                    String s = b.units.id(sup[i]);
                    String r = b.units.id(rec[i]);
                    String product = e.productId(prod[i]);
                    findings.add(new Finding(Kind.DELIVERY_MISMATCH, List.of(s, r), product, null, null, said[i],
                            heard[i], heard[i] - said[i], "unit " + s + " says it delivered " + num(said[i]) + " "
                            + product + " to " + r + ", which says it received " + num(heard[i]) + " from " + s
                            + ": the two sides of the entry differ by " + num(Math.abs(heard[i] - said[i]))));
                }
            }
        }

        static int mix(int a, int c, int d) {
            long h = a * 0x9E3779B97F4A7C15L + c * 0xC2B2AE3D27D4EB4FL + d * 0x165667B19E3779F9L;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32));
        }

        /** Units that run techniques the plan runs and have not reported. */
        void missing() {
            for (int u = 0; u < b.units(); u++) {
                if (b.reported[u]) {
                    continue;
                }
                double planned = 0;
                StringBuilder runs = new StringBuilder();
                for (int k = b.techniqueStart[u]; k < b.techniqueStart[u + 1]; k++) {
                    int t = b.unitTechnique[k];
                    if (plannedLevels[t] > 0) {
                        planned += plannedLevels[t];
                        runs.append(runs.length() == 0 ? "" : ", ").append(e.techniqueId(t)).append(" (level ")
                                .append(num(plannedLevels[t])).append(')');
                    }
                }
                if (planned > 0) {
                    String unit = b.units.id(u);
                    findings.add(new Finding(Kind.MISSING_REPORT, List.of(unit), null, null, null, planned, 0,
                            -planned, "unit " + unit + " runs " + runs + " in the plan and has not reported"));
                }
            }
        }

        /** Planned against reported net output, per product; the under-fulfilled ones name the units making them. */
        Map<String, Double> products() {
            Map<String, Double> fulfilment = new LinkedHashMap<>();
            int np = e.products();
            boolean[] short_ = new boolean[np];
            double zero = nothing(plannedNet);
            for (int p = 0; p < np; p++) {
                boolean none = Math.abs(plannedNet[p]) <= zero;
                if (plannedNet[p] != 0) {
                    // reported / 1e-13 is no fulfilment: a plan of nothing gets no ratio
                    fulfilment.put(e.productId(p), none ? null : net[p] / plannedNet[p]);
                }
                short_[p] = none
                        ? plannedNet[p] != 0 && plannedNet[p] - net[p] > zero
                        : plannedNet[p] > 0 && net[p] < plannedNet[p] && differ(net[p], plannedNet[p]);
            }
            // who makes the short products: one pass over the units' techniques' outputs
            List<List<String>> makers = new ArrayList<>(java.util.Collections.nCopies(np, null));
            SparseMatrix out = e.outputs();
            int[] start = out.columnStarts();
            int[] row = out.rowIndexes();
            for (int u = 0; u < b.units(); u++) {
                for (int k = b.techniqueStart[u]; k < b.techniqueStart[u + 1]; k++) {
                    int t = b.unitTechnique[k];
                    for (int j = start[t]; j < start[t + 1]; j++) {
                        int p = row[j];
                        if (short_[p]) {
                            if (makers.get(p) == null) {
                                makers.set(p, new ArrayList<>());
                            }
                            List<String> m = makers.get(p);
                            String id = b.units.id(u);
                            if (m.isEmpty() || !m.get(m.size() - 1).equals(id)) {
                                m.add(id);
                            }
                        }
                    }
                }
            }
            for (int p = 0; p < np; p++) {
                if (short_[p]) {
                    String product = e.productId(p);
                    List<String> m = makers.get(p) == null ? List.of() : makers.get(p);
                    String against = Math.abs(plannedNet[p]) <= zero
                            ? " against a planned net output of about zero (" + num(plannedNet[p]) + "): short by "
                                    + num(plannedNet[p] - net[p])
                            : " of the planned " + num(plannedNet[p]) + " (" + percent(net[p] / plannedNet[p]) + ")";
                    findings.add(new Finding(Kind.UNDER_FULFILLED, m, product, null, null, plannedNet[p], net[p],
                            net[p] - plannedNet[p], "product " + product + ": reported net output " + num(net[p])
                            + against + ", made by " + (m.isEmpty() ? "no registered unit" : String.join(", ", m))));
                }
            }
            return fulfilment;
        }

        /** Per product, the units that delivered more than they made and received, together. */
        void unbalanced() {
            int n = overProduct.n;
            int[] order = new int[n];
            int[] start = Growable.group(overProduct.a, n, e.products(), order);
            for (int p = 0; p < e.products(); p++) {
                if (start[p] == start[p + 1]) {
                    continue;
                }
                List<String> units = new ArrayList<>();
                double sources = 0;
                double gave = 0;
                for (int k = start[p]; k < start[p + 1]; k++) {
                    int i = order[k];
                    units.add(b.units.id(overUnit.a[i]));
                    sources += overSources.a[i];
                    gave += overDelivered.a[i];
                }
                String product = e.productId(p);
                findings.add(new Finding(Kind.UNBALANCED, units, product, null, null, sources, gave, gave - sources,
                        "product " + product + ": " + String.join(", ", units) + " delivered " + num(gave)
                        + " in total but made and received " + num(sources) + ": " + num(gave - sources)
                        + " delivered that nobody made"));
            }
        }
    }

    /**
     * Planned net outputs at rounding level: at most {@link #ROUNDING} times the plan's largest. The
     * plan's solver leaves such residues (1e-13 of a product nobody asked for) where it means zero; a
     * ratio over one is noise (reported net output / 1e-13 = -6.9e12), so it gets none.
     */
    static double nothing(double[] plannedNet) {
        double scale = 0;
        for (double x : plannedNet) {
            scale = Math.max(scale, Math.abs(x));
        }
        return ROUNDING * scale;
    }

    /** Relative to the plan's largest net output, the level below which a planned amount is rounding. */
    static final double ROUNDING = 1e-9;

    /** A figure for a message: six significant digits, no trailing zeros. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", x);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String percent(double ratio) {
        return num(Math.round(ratio * 1000) / 10.0) + "%";
    }

}
