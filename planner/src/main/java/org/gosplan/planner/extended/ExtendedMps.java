package org.gosplan.planner.extended;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;

/**
 * Writes the LP of a plan with republics, trade or years ({@link SpaceModel}: fulfil's first
 * leximin round, or min-resource) in free MPS format, so that any other solver can solve the same
 * LP. Always a minimisation: fulfil as {@code min -T} ({@code T} the smallest λ), min-resource as
 * the resource's use over every year. Names are built from indexes because ids may hold spaces;
 * comment lines map the techniques, products, resources and republics back to their ids.
 *
 * <p>Columns: {@code T} (smallest λ), {@code L<y>_<g>} (λ of year y, republic g), {@code Z<y>_<t>}
 * (level of technique t), {@code S<y>_<l>} (units sent on link l), {@code I<y>_<k>} and {@code
 * X<y>_<k>} (imports and exports of trade term k), {@code K<y>_<c>_<g>} (stock of capital c at the
 * start of year y), {@code V<y>_<c>_<g>} (made for stock). Rows: {@code P<y>_<g>_<p>} (balance of
 * product p), and {@code R<i>} for the others (resources, capital needs, stocks' growth, balance of
 * trade, λ >= T), in the LP's order. Years count from 1, other indexes from 0.
 */
final class ExtendedMps {
    private ExtendedMps() {}

    static void write(SpaceModel m, String objective, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(m, objective, w);
        }
    }

    static void write(SpaceModel m, String objective, Writer w) throws IOException {
        Lp.Numbers n = m.lp.numbers();
        int vars = n.lower().length;
        int rows = n.rowLower().length;
        String[] col = new String[vars];
        String[] row = new String[rows];
        names(m, col, row);
        Economy e = m.e;
        Parts parts = m.parts;
        w.write("* Gosplan plan LP with republics, trade or years, objective " + objective + "\n");
        w.write("* economy: " + oneLine(e.name()) + "; " + m.years + " years, " + m.regions + " republics, "
                + e.products() + " products, " + e.resources() + " resources, " + e.techniques() + " techniques\n");
        w.write(objective.equals("fulfil") ? "* minimise -T: the optimum is minus the smallest lambda\n"
                : "* minimise the resource's use summed over the years\n");
        if ((long) e.products() + e.resources() + e.techniques() <= 1_000_000) {
            for (int p = 0; p < e.products(); p++) {
                w.write("*  product " + p + " " + oneLine(e.productId(p)) + "\n");
            }
            for (int r = 0; r < e.resources(); r++) {
                w.write("*  resource " + r + " " + oneLine(e.resourceId(r)) + "\n");
            }
            for (int t = 0; t < e.techniques(); t++) {
                w.write("*  technique " + t + " " + oneLine(e.techniqueId(t)) + "\n");
            }
            for (int g = 0; g < parts.regions().size(); g++) {
                w.write("*  republic " + g + " " + oneLine(parts.regionId(g)) + "\n");
            }
            for (int l = 0; l < parts.transport().size(); l++) {
                w.write("*  link " + l + " " + oneLine(parts.transport().get(l).id()) + "\n");
            }
            for (int c = 0; c < parts.capital().size(); c++) {
                w.write("*  capital " + c + " " + oneLine(e.productId(parts.capital().get(c).product())) + "\n");
            }
        }
        w.write("NAME GOSPLAN\nOBJSENSE\n    MIN\nROWS\n N COST\n");
        boolean ranges = false;
        for (int i = 0; i < rows; i++) {
            double lo = n.rowLower()[i], hi = n.rowUpper()[i];
            String type = lo == hi ? "E" : lo == Double.NEGATIVE_INFINITY && hi == Lp.INF ? "N"
                    : lo == Double.NEGATIVE_INFINITY ? "L" : "G";
            ranges |= type.equals("G") && hi != Lp.INF;
            w.write(" " + type + " " + row[i] + "\n");
        }
        w.write("COLUMNS\n");
        StringBuilder b = new StringBuilder(256);
        int k = 0;
        int entries = n.entryVar().length;
        for (int j = 0; j < vars; j++) {
            b.setLength(0);
            if (n.cost()[j] != 0) {
                b.append("    ").append(col[j]).append(" COST ").append(-n.cost()[j]).append('\n');
            }
            while (k < entries && n.entryVar()[k] == j) {
                if (n.entryValue()[k] != 0) {
                    b.append("    ").append(col[j]).append(' ').append(row[n.entryRow()[k]]).append(' ')
                            .append(n.entryValue()[k]).append('\n');
                }
                k++;
            }
            if (b.length() == 0) {
                b.append("    ").append(col[j]).append(" COST 0\n"); // a column with no entry must still be named
            }
            w.append(b);
        }
        w.write("RHS\n");
        for (int i = 0; i < rows; i++) {
            double lo = n.rowLower()[i], hi = n.rowUpper()[i];
            double rhs = lo == Double.NEGATIVE_INFINITY ? hi : lo;
            if (Double.isFinite(rhs) && rhs != 0) {
                w.write("    RHS " + row[i] + " " + rhs + "\n");
            }
        }
        if (ranges) {
            w.write("RANGES\n");
            for (int i = 0; i < rows; i++) {
                double lo = n.rowLower()[i], hi = n.rowUpper()[i];
                if (lo != hi && lo != Double.NEGATIVE_INFINITY && hi != Lp.INF) {
                    w.write("    RNG " + row[i] + " " + (hi - lo) + "\n");
                }
            }
        }
        w.write("BOUNDS\n");
        for (int j = 0; j < vars; j++) {
            double lo = n.lower()[j], hi = n.upper()[j];
            if (lo == hi) {
                w.write(" FX BND " + col[j] + " " + lo + "\n");
                continue;
            }
            if (lo == Double.NEGATIVE_INFINITY) {
                w.write(hi == Lp.INF ? " FR BND " + col[j] + "\n" : " MI BND " + col[j] + "\n");
            } else if (lo != 0) {
                w.write(" LO BND " + col[j] + " " + lo + "\n");
            }
            if (hi != Lp.INF) {
                w.write(" UP BND " + col[j] + " " + hi + "\n");
            }
        }
        w.write("ENDATA\n");
    }

    private static void names(SpaceModel m, String[] col, String[] row) {
        for (int j = 0; j < col.length; j++) {
            col[j] = "C" + j;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = "R" + i;
        }
        col[m.least] = "T";
        for (int y = 0; y < m.years; y++) {
            for (int g = 0; g < m.regions; g++) {
                name(col, m.lambda[y][g], "L" + (y + 1) + "_" + g);
                for (int p = 0; p < m.productRow[y][g].length; p++) {
                    name(row, m.productRow[y][g][p], "P" + (y + 1) + "_" + g + "_" + p);
                }
                for (int c = 0; c < m.stock[y].length; c++) {
                    name(col, m.stock[y][c][g], "K" + (y + 1) + "_" + c + "_" + g);
                    name(col, m.invest[y][c][g], "V" + (y + 1) + "_" + c + "_" + g);
                }
            }
            for (int t = 0; t < m.level[y].length; t++) {
                name(col, m.level[y][t], "Z" + (y + 1) + "_" + t);
            }
            for (int l = 0; l < m.sent[y].length; l++) {
                name(col, m.sent[y][l], "S" + (y + 1) + "_" + l);
            }
            for (int k = 0; k < m.imports[y].length; k++) {
                name(col, m.imports[y][k], "I" + (y + 1) + "_" + k);
                name(col, m.exports[y][k], "X" + (y + 1) + "_" + k);
            }
        }
    }

    private static void name(String[] names, int index, String name) {
        if (index >= 0) {
            names[index] = name;
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
