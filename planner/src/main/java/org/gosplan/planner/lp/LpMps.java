package org.gosplan.planner.lp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Kantorovich's LP in free MPS format, streaming, so that any other solver can check or
 * solve it. Always a minimisation (fulfil is written as {@code min -λ}; the column is
 * {@code LAMBDA}). Rows: {@code COST} (objective), {@code P<i>} for product balances
 * ({@code G}), {@code R<i>} for limited resources ({@code L}); columns {@code T<i>} for
 * techniques, with {@code UP} bounds for capacities. Names are indexes because ids may hold
 * spaces; a comment line before the sections maps them back (product, resource, technique ids in
 * index order).
 */
final class LpMps {
    private LpMps() {}

    static void write(LpModel m, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(m, w);
        }
    }

    static void write(LpModel m, Writer w) throws IOException {
        var e = m.economy;
        w.write("* Gosplan plan LP, objective " + m.objective.id()
                + (m.costResource >= 0 ? " of resource " + e.resourceId(m.costResource) : "") + "\n");
        w.write("* economy: " + oneLine(e.name()) + "; " + m.np + " products, " + m.nr + " resources, " + m.nt
                + " techniques\n");
        if (m.fulfil()) {
            w.write("* minimise -LAMBDA: the optimum is minus the fulfilment level\n");
        }
        w.write("* P<i> = product i, R<i> = resource i, T<i> = technique i (ids in index order below)\n");
        if ((long) m.np + m.nr + m.nt <= 1_000_000) {
            for (int p = 0; p < m.np; p++) {
                w.write("*  P" + p + " " + oneLine(e.productId(p)) + "\n");
            }
            for (int r = 0; r < m.nr; r++) {
                w.write("*  R" + r + " " + oneLine(e.resourceId(r)) + "\n");
            }
            for (int t = 0; t < m.nt; t++) {
                w.write("*  T" + t + " " + oneLine(e.techniqueId(t)) + "\n");
            }
        }
        w.write("NAME GOSPLAN\nOBJSENSE\n    MIN\nROWS\n N COST\n");
        for (int p = 0; p < m.np; p++) {
            w.write(" G P" + p + "\n");
        }
        for (int r : m.limited) {
            w.write(" L R" + r + "\n");
        }
        w.write("COLUMNS\n");
        StringBuilder b = new StringBuilder(256);
        for (int t = 0; t < m.nt; t++) {
            b.setLength(0);
            String col = "T" + t;
            if (!m.fulfil() && m.cost[t] != 0) {
                b.append("    ").append(col).append(" COST ").append(m.cost[t]).append('\n');
            }
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                if (m.nVal[q] != 0) {
                    b.append("    ").append(col).append(" P").append(m.nRow[q]).append(' ').append(m.nVal[q])
                            .append('\n');
                }
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                if (m.isLimited(m.rRow[q]) && m.rVal[q] != 0) {
                    b.append("    ").append(col).append(" R").append(m.rRow[q]).append(' ').append(m.rVal[q])
                            .append('\n');
                }
            }
            w.append(b);
        }
        if (m.fulfil()) {
            w.write("    LAMBDA COST -1\n");
            for (int p : m.targeted) {
                w.write("    LAMBDA P" + p + " " + (-m.demand[p]) + "\n");
            }
        }
        w.write("RHS\n");
        if (!m.fulfil()) {
            for (int p : m.targeted) {
                w.write("    RHS P" + p + " " + m.demand[p] + "\n");
            }
        }
        for (int r : m.limited) {
            w.write("    RHS R" + r + " " + m.available[r] + "\n");
        }
        w.write("BOUNDS\n");
        for (int t = 0; t < m.nt; t++) {
            if (m.capacity[t] != Double.POSITIVE_INFINITY) {
                w.write(" UP BND T" + t + " " + m.capacity[t] + "\n");
            }
        }
        w.write("ENDATA\n");
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
