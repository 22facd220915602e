package org.gosplan.planner.extended;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;

/**
 * A plan of an economy with republics, foreign trade or years: per year and republic its λ,
 * the levels, stocks, investment and valuations, the trade and its balance's shadow price, and
 * every republic's λ planned alone. Years and republics are 0-based here; the plan's JSON counts
 * years from 1 and names republics by id (formats.md section 5).
 *
 * <p>The valuations and the trade price are the duals of the first leximin round, whose
 * objective is the plan's value (the smallest λ): what one more unit is worth to the worst-off
 * year and republic. The levels and the certificate are those of the last round, the plan itself.
 */
public final class ExtendedPlan {
    private final Economy e;
    private final Parts parts;
    private final String status;
    private final double value;
    private final double[][] lambda;
    private final double[] alone;
    private final double[][] levels;
    private final double[][][] stocks;
    private final double[][][] investment;
    private final double[][] imports;
    private final double[][] sent;
    private final double[][] exports;
    private final double[][][] valuations;
    private final double tradePrice;
    private final double primalInfeasibility;
    private final double dualInfeasibility;
    private final double gap;
    private final String method;
    private final int rounds;
    private final double seconds;
    private final double firstRoundSeconds;
    private final String objective;
    private final int minimised;
    private final List<ExtendedStage> stages;
    private final String note;
    private final Map<String, Object> diagnosis;

    ExtendedPlan(ExtendedPlanner.Leximin x, double[] alone, double seconds) {
        SpaceModel m = x.model;
        this.e = m.e;
        this.parts = m.parts;
        this.status = x.status == Lp.Status.OPTIMAL ? "optimal" : x.status.name().toLowerCase();
        this.alone = alone;
        this.seconds = seconds;
        this.firstRoundSeconds = x.first.seconds();
        this.rounds = x.rounds;
        this.method = x.last.method();
        boolean solved = x.last.x() != null && x.first.x() != null;
        this.value = solved ? x.value : Double.NaN;
        Publication pub = x.publication == null ? new Publication() : x.publication;
        this.minimised = pub.minimised;
        this.objective = pub.minimised < 0 ? "fulfil" : "min-resource";
        this.stages = pub.stages == null ? null : List.copyOf(pub.stages);
        this.note = pub.note;
        this.diagnosis = "infeasible".equals(status) ? Diagnose.of(e, x.model.alone, minimised) : null;
        // the levels are the last least-use stage's where one ran, else the objective's last round
        double[] v = !solved ? null : pub.levels != null ? pub.levels.x() : x.last.x();
        lambda = new double[m.years][m.regions];
        levels = new double[m.years][e.techniques()];
        int nc = parts.capital().size();
        stocks = new double[m.years][nc][m.regions];
        investment = new double[m.years][nc][m.regions];
        imports = new double[m.years][parts.trade().size()];
        sent = new double[m.years][parts.transport().size()];
        exports = new double[m.years][parts.trade().size()];
        valuations = new double[m.years][m.regions][e.products()];
        double price = 0;
        for (int y = 0; y < m.years; y++) {
            for (int g = 0; g < m.regions; g++) {
                lambda[y][g] = at(v, m.lambda[y][g]);
                for (int p = 0; p < e.products(); p++) {
                    int row = m.productRow[y][g][p];
                    valuations[y][g][p] = solved && row >= 0 ? -x.first.dual()[row] + 0.0 : Double.NaN;
                }
                for (int c = 0; c < nc; c++) {
                    stocks[y][c][g] = at(v, m.stock[y][c][g]);
                    investment[y][c][g] = m.invest[y][c][g] < 0 && solved ? 0 : at(v, m.invest[y][c][g]);
                }
            }
            for (int t = 0; t < e.techniques(); t++) {
                levels[y][t] = at(v, m.level[y][t]);
            }
            for (int l = 0; l < parts.transport().size(); l++) {
                sent[y][l] = at(v, m.sent[y][l]);
            }
            for (int k = 0; k < parts.trade().size(); k++) {
                imports[y][k] = m.imports[y][k] < 0 && solved ? 0 : at(v, m.imports[y][k]);
                exports[y][k] = m.exports[y][k] < 0 && solved ? 0 : at(v, m.exports[y][k]);
            }
            if (solved && m.balanceRow[y] >= 0) {
                // a unit more deficit allowed lowers the balance row's bound by one (balanceScale in the row's
                // own units), in every year
                price -= x.first.dual()[m.balanceRow[y]] * m.balanceScale;
            }
        }
        this.tradePrice = solved ? price + 0.0 : Double.NaN;
        this.primalInfeasibility = x.last.primalInfeasibility();
        this.dualInfeasibility = x.last.dualInfeasibility();
        this.gap = x.last.gap();
    }

    private static double at(double[] v, int var) {
        return v == null || var < 0 ? Double.NaN : v[var];
    }

    public Economy economy() {
        return e;
    }

    /** fulfil, or min-resource. */
    public String objective() {
        return objective;
    }

    /** The resource min-resource minimised (its index), or -1. */
    public int minimisedResource() {
        return minimised;
    }

    /** The least-use stages run after the objective (empty when none could), or null when not asked for. */
    public List<ExtendedStage> stages() {
        return stages;
    }

    /** Why the plan is not the last stage's (a stage not proven), or null. */
    public String note() {
        return note;
    }

    /** optimal, infeasible, unbounded or limit. */
    public String status() {
        return status;
    }

    /** The smallest λ over years and republics (fulfil), or the least use of the resource (min-resource). */
    public double value() {
        return value;
    }

    public int years() {
        return lambda.length;
    }

    /** λ of year {@code y} in republic {@code g} (0-based; NaN where it has no targets). */
    public double lambda(int y, int g) {
        return lambda[y][g];
    }

    /** The smallest λ of a year over the republics. */
    public double yearLambda(int y) {
        return min(lambda[y]);
    }

    /** The smallest λ of a republic over the years. */
    public double regionLambda(int g) {
        double[] column = new double[lambda.length];
        for (int y = 0; y < lambda.length; y++) {
            column[y] = lambda[y][g];
        }
        return min(column);
    }

    private static double min(double[] a) {
        double m = Double.NaN;
        for (double v : a) {
            if (!Double.isNaN(v) && !(v >= m)) {
                m = v;
            }
        }
        return m;
    }

    /** The republic's smallest λ planned alone, with only its own resources and trade. */
    public double alone(int g) {
        return alone[g];
    }

    public double level(int y, int t) {
        return levels[y][t];
    }

    /** The stock of capital product number {@code c} (in {@code parts().capital()}) at the start of year {@code y}. */
    public double stock(int y, int c, int g) {
        return stocks[y][c][g];
    }

    public double investment(int y, int c, int g) {
        return investment[y][c][g];
    }

    /** Units sent on transport link {@code l} in year {@code y} (before the loss); NaN when the link is not planned. */
    public double sent(int y, int l) {
        return sent[y][l];
    }

    public double imports(int y, int term) {
        return imports[y][term];
    }

    public double exports(int y, int term) {
        return exports[y][term];
    }

    /** Exports less imports at world prices in year {@code y}. */
    public double balance(int y) {
        double b = 0;
        List<Parts.Trade> terms = parts.trade();
        for (int k = 0; k < terms.size(); k++) {
            Parts.Trade t = terms.get(k);
            b += t.exports() ? t.exportPrice() * exports[y][k] : 0;
            b -= t.imports() ? t.importPrice() * imports[y][k] : 0;
        }
        return b;
    }

    /** The change of the plan's value per unit of currency allowed as deficit (in every year). */
    public double tradePrice() {
        return tradePrice;
    }

    public double valuation(int y, int g, int p) {
        return valuations[y][g][p];
    }

    public double gap() {
        return gap;
    }

    public double primalInfeasibility() {
        return primalInfeasibility;
    }

    public double dualInfeasibility() {
        return dualInfeasibility;
    }

    /** glop or pdlp. */
    public String method() {
        return method;
    }

    public int rounds() {
        return rounds;
    }

    /** The seconds of the solver in the first round (the smallest λ maximised), the model built. */
    public double firstRoundSeconds() {
        return firstRoundSeconds;
    }

    public double seconds() {
        return seconds;
    }

    private String place(int item, int g, boolean product) {
        String id = product ? e.productId(item) : e.techniqueId(item);
        return parts.isRegional() ? id + "@" + parts.regionId(g) : id;
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    /** The plan's JSON: the members of cli.md for year 1, and "years", "regions", "trade" as formats.md says. */
    public Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", status);
        doc.put("objective", objective);
        if (minimised >= 0) {
            doc.put("resource", e.resourceId(minimised));
        }
        doc.put("value", number(value));
        doc.put("levels", levelsOf(0));
        doc.put("valuations", valuationsOf(0));
        if (!parts.transport().isEmpty()) {
            doc.put("transport", transportOf(0));
        }
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("method", method);
        solver.put("seconds", seconds);
        solver.put("rounds", rounds);
        solver.put("gap", number(gap));
        if (note != null) {
            solver.put("note", note);
        }
        doc.put("solver", solver);
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("primalInfeasibility", number(primalInfeasibility));
        certificate.put("dualInfeasibility", number(dualInfeasibility));
        certificate.put("gap", number(gap));
        doc.put("certificate", certificate);
        if (stages != null) {
            List<Object> list = new java.util.ArrayList<>();
            for (ExtendedStage st : stages) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("minimises", st.minimises());
                x.put("resources", st.resources());
                x.put("value", number(st.value()));
                x.put("method", st.method());
                x.put("seconds", st.seconds());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("primalInfeasibility", number(st.primalInfeasibility()));
                c.put("dualInfeasibility", number(st.dualInfeasibility()));
                c.put("gap", number(st.gap()));
                x.put("certificate", c);
                list.add(x);
            }
            doc.put("leastUse", Map.of("stages", list));
        }
        if ("infeasible".equals(status)) {
            doc.put("diagnosis", diagnosis());
        }
        if (parts.years() > 0) {
            Map<String, Object> years = new LinkedHashMap<>();
            for (int y = 0; y < lambda.length; y++) {
                Map<String, Object> year = new LinkedHashMap<>();
                year.put("lambda", number(yearLambda(y)));
                year.put("levels", levelsOf(y));
                Map<String, Object> st = new LinkedHashMap<>();
                Map<String, Object> inv = new LinkedHashMap<>();
                for (int c = 0; c < parts.capital().size(); c++) {
                    for (int g = 0; g < lambda[y].length; g++) {
                        int p = parts.capital().get(c).product();
                        st.put(place(p, g, true), number(stocks[y][c][g]));
                        inv.put(place(p, g, true), number(investment[y][c][g]));
                    }
                }
                year.put("stocks", st);
                year.put("investment", inv);
                year.put("valuations", valuationsOf(y));
                if (!parts.transport().isEmpty()) {
                    year.put("transport", transportOf(y));
                }
                if (!parts.trade().isEmpty()) {
                    Map<String, Object> im = new LinkedHashMap<>();
                    Map<String, Object> ex = new LinkedHashMap<>();
                    for (int k = 0; k < parts.trade().size(); k++) {
                        Parts.Trade t = parts.trade().get(k);
                        String key = place(t.product(), Math.max(0, t.region()), true);
                        if (t.imports()) {
                            im.put(key, number(imports[y][k]));
                        }
                        if (t.exports()) {
                            ex.put(key, number(exports[y][k]));
                        }
                    }
                    year.put("imports", im);
                    year.put("exports", ex);
                }
                years.put(Integer.toString(y + 1), year);
            }
            doc.put("years", years);
        }
        if (parts.isRegional()) {
            Map<String, Object> regions = new LinkedHashMap<>();
            for (int g = 0; g < parts.regions().size(); g++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("lambda", number(regionLambda(g)));
                r.put("alone", number(alone[g]));
                regions.put(parts.regionId(g), r);
            }
            doc.put("regions", regions);
        }
        if (!parts.trade().isEmpty()) {
            Map<String, Object> im = new LinkedHashMap<>();
            Map<String, Object> ex = new LinkedHashMap<>();
            double balance = 0;
            for (int k = 0; k < parts.trade().size(); k++) {
                Parts.Trade t = parts.trade().get(k);
                double qi = 0, qe = 0;
                for (int y = 0; y < lambda.length; y++) {
                    qi += imports[y][k];
                    qe += exports[y][k];
                }
                String key = place(t.product(), Math.max(0, t.region()), true);
                if (t.imports()) {
                    im.put(key, number(qi));
                }
                if (t.exports()) {
                    ex.put(key, number(qe));
                }
            }
            for (int y = 0; y < lambda.length; y++) {
                balance += balance(y);
            }
            Map<String, Object> trade = new LinkedHashMap<>();
            trade.put("imports", im);
            trade.put("exports", ex);
            trade.put("balance", number(balance));
            trade.put("price", number(tradePrice));
            if (parts.currency() != null) {
                trade.put("currency", parts.currency());
            }
            doc.put("trade", trade);
        }
        return doc;
    }

    /**
     * Why no plan exists ({@link Diagnose}): the years, republics and trade limits at fault; null when
     * the plan is not infeasible.
     */
    public Map<String, Object> diagnosis() {
        return diagnosis;
    }

    /** Units sent on each transport link in year {@code y} (before the loss). */
    private Map<String, Object> transportOf(int y) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int l = 0; l < parts.transport().size(); l++) {
            if (!Double.isNaN(sent[y][l])) {
                m.put(parts.transport().get(l).id(), sent[y][l]);
            }
        }
        return m;
    }

    private Map<String, Object> levelsOf(int y) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int t = 0; t < e.techniques(); t++) {
            if (!Double.isNaN(levels[y][t])) {
                m.put(e.techniqueId(t), levels[y][t]);
            }
        }
        return m;
    }

    private Map<String, Object> valuationsOf(int y) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int g = 0; g < valuations[y].length; g++) {
            for (int p = 0; p < e.products(); p++) {
                if (!Double.isNaN(valuations[y][g][p])) {
                    m.put(place(p, g, true), valuations[y][g][p]);
                }
            }
        }
        return m;
    }
}
