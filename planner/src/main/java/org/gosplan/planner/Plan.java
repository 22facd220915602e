package org.gosplan.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;

/**
 * An optimal plan (or the proof that there is none): levels of the techniques, net outputs,
 * resource use, valuations, and the certificate that the figures prove. Immutable: the array
 * accessors return copies; {@link #toMap()} gives the cli.md {@code plan} JSON document as
 * ordered maps, lists, strings, numbers, booleans and nulls, never NaN or infinity.
 *
 * <p>Valuations are marginal values: {@code valuation(p)} is how much the objective improves per
 * extra unit of product {@code p} available (λ per unit for fulfil, units of the minimised
 * resource for min-resource); {@code resourcePrice(r)} the same per extra unit of resource {@code r}
 * available (0 for unlimited resources); {@code capacityPrice(t)} per extra unit of capacity of
 * technique {@code t}.
 *
 * <p>Where the least-use stages ran ({@link #leastUse()}), the levels, net outputs and resource use are the
 * last stage's (the optimal plan that uses least of the resources), the valuations and prices the objective's,
 * and the certificate proves the objective's value of the published levels with the objective's valuations.
 */
public final class Plan {
    /** Relative slack under which a constraint counts as binding in the summaries. */
    static final double BINDING = 1e-7;
    /** Entries of {@code bottlenecks} in the JSON document. */
    static final int BOTTLENECKS = 20;

    private final Economy economy;
    private final PlanStatus status;
    private final PlanObjective objective;
    private final int costResource;
    private final double value;
    private final double[] levels;
    private final double[] netOutput;
    private final double[] resourceUse;
    private final double[] valuations;
    private final double[] resourcePrices;
    private final double[] capacityPrices;
    private final PlanSolverInfo solver;
    private final Certificate certificate;
    private final Diagnosis diagnosis;
    /** The least-use stages after the objective; null when they were not asked for. */
    private final List<PlanStage> leastUse;

    public Plan(Economy economy, PlanStatus status, PlanObjective objective, int costResource, double value,
         double[] levels, double[] netOutput, double[] resourceUse, double[] valuations, double[] resourcePrices,
         double[] capacityPrices, PlanSolverInfo solver, Certificate certificate, Diagnosis diagnosis) {
        this.economy = economy;
        this.status = status;
        this.objective = objective;
        this.costResource = costResource;
        this.value = value;
        this.levels = levels;
        this.netOutput = netOutput;
        this.resourceUse = resourceUse;
        this.valuations = valuations;
        this.resourcePrices = resourcePrices;
        this.capacityPrices = capacityPrices;
        this.solver = solver;
        this.certificate = certificate;
        this.diagnosis = diagnosis;
        this.leastUse = null;
    }

    private Plan(Plan p, PlanStatus status, PlanSolverInfo solver, List<PlanStage> leastUse) {
        this.economy = p.economy;
        this.status = status;
        this.objective = p.objective;
        this.costResource = p.costResource;
        this.value = p.value;
        this.levels = p.levels;
        this.netOutput = p.netOutput;
        this.resourceUse = p.resourceUse;
        this.valuations = p.valuations;
        this.resourcePrices = p.resourcePrices;
        this.capacityPrices = p.capacityPrices;
        this.solver = solver;
        this.certificate = p.certificate;
        this.diagnosis = p.diagnosis;
        this.leastUse = List.copyOf(leastUse);
    }

    /** This plan with its least-use stages (run, or an empty list with the solver's note saying why not). */
    public Plan withLeastUse(PlanStatus newStatus, PlanSolverInfo newSolver, List<PlanStage> stages) {
        return new Plan(this, newStatus, newSolver, stages);
    }

    public Economy economy() {
        return economy;
    }

    public PlanStatus status() {
        return status;
    }

    public PlanObjective objective() {
        return objective;
    }

    /** The minimised resource's index (min-resource), else -1. */
    public int costResource() {
        return costResource;
    }

    /** λ for fulfil, the resource use for min-resource; NaN when there is none (infeasible, unbounded). */
    public double value() {
        return value;
    }

    /** Whether levels, valuations and the rest are present (not for infeasible or unbounded plans). */
    public boolean hasSolution() {
        return levels != null;
    }

    public double level(int t) {
        return levels[t];
    }

    public double netOutput(int p) {
        return netOutput[p];
    }

    public double resourceUse(int r) {
        return resourceUse[r];
    }

    public double valuation(int p) {
        return valuations[p];
    }

    public double resourcePrice(int r) {
        return resourcePrices[r];
    }

    public double capacityPrice(int t) {
        return capacityPrices[t];
    }

    public double[] levels() {
        return levels == null ? null : levels.clone();
    }

    public double[] netOutputs() {
        return netOutput == null ? null : netOutput.clone();
    }

    public double[] resourceUses() {
        return resourceUse == null ? null : resourceUse.clone();
    }

    public double[] valuations() {
        return valuations == null ? null : valuations.clone();
    }

    public double[] resourcePrices() {
        return resourcePrices == null ? null : resourcePrices.clone();
    }

    public PlanSolverInfo solver() {
        return solver;
    }

    public Certificate certificate() {
        return certificate;
    }

    /**
     * The least-use stages that followed the objective, in order (the levels, net outputs and resource use are
     * the last one's); empty when none ran, null when they were not asked for ({@link PlanOptions#leastUse}).
     */
    public List<PlanStage> leastUse() {
        return leastUse;
    }

    /** Why there is no plan (infeasible, unbounded), else null. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    // ------------------------------------------------------------------ summaries

    /** Limited resources used up to their availability, in index order. */
    public List<String> bindingResources() {
        List<String> out = new ArrayList<>();
        if (resourceUse == null) {
            return out;
        }
        for (int r = 0; r < economy.resources(); r++) {
            double a = economy.available(r);
            if (!Double.isNaN(a) && (resourceUse[r] >= a * (1 - BINDING) || resourcePrices[r] > 0)) {
                out.add(economy.resourceId(r));
            }
        }
        return out;
    }

    /** Techniques run at their capacity, in index order. */
    public List<String> bindingCapacities() {
        List<String> out = new ArrayList<>();
        if (levels == null) {
            return out;
        }
        for (int t = 0; t < economy.techniques(); t++) {
            double c = economy.capacity(t);
            if (c != Double.POSITIVE_INFINITY && (levels[t] >= c * (1 - BINDING) || capacityPrices[t] > 0)) {
                out.add(economy.techniqueId(t));
            }
        }
        return out;
    }

    /**
     * Targeted products whose target binds (net output at the target, or λ times it) and whose
     * valuation is positive, largest share {@code v_p · target_p} of the plan's value first (ties
     * by index); at most {@code limit}.
     */
    public List<String> bottlenecks(int limit) {
        if (levels == null) {
            return List.of();
        }
        double[] d = economy.finalDemand();
        double scale = objective == PlanObjective.FULFIL ? value : 1.0;
        List<Integer> idx = new ArrayList<>();
        for (int p = 0; p < d.length; p++) {
            if (d[p] > 0 && valuations[p] > 0 && netOutput[p] <= scale * d[p] * (1 + BINDING) + 1e-300) {
                idx.add(p);
            }
        }
        idx.sort((x, y) -> {
            int c = Double.compare(valuations[y] * d[y], valuations[x] * d[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < idx.size() && i < limit; i++) {
            out.add(economy.productId(idx.get(i)));
        }
        return out;
    }

    /**
     * For each product that more than one technique makes, the techniques that make it at a
     * positive level, in index order; products in index order.
     */
    public Map<String, List<String>> choices() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (levels == null) {
            return out;
        }
        SparseMatrix o = economy.outputs();
        SparseMatrix ot = o.transpose();
        int[] s = ot.columnStarts();
        int[] t = ot.rowIndexes();
        for (int p = 0; p < economy.products(); p++) {
            if (s[p + 1] - s[p] < 2) {
                continue;
            }
            List<String> run = new ArrayList<>();
            for (int k = s[p]; k < s[p + 1]; k++) {
                if (levels[t[k]] > 0) {
                    run.add(economy.techniqueId(t[k]));
                }
            }
            out.put(economy.productId(p), run);
        }
        return out;
    }

    // ------------------------------------------------------------------ the JSON document

    /**
     * The cli.md {@code plan} document: {@code status}, {@code objective}, {@code resource}
     * (min-resource), {@code value}, {@code levels}, {@code netOutput}, {@code resourceUse},
     * {@code valuations}, {@code resourcePrices}, {@code capacityPrices} (capacitated techniques),
     * {@code solver}, {@code certificate}, {@code leastUse} (when asked for: {@code {"stages": [...]}}, each
     * stage's {@code minimises}, {@code resources}, {@code value}, {@code method}, {@code seconds},
     * {@code iterations}, {@code deterministic}, {@code note} and {@code certificate}), {@code binding},
     * {@code bottlenecks}, {@code choices}, and {@code diagnosis} when there is one. Ids in index order.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.id());
        m.put("objective", objective.id());
        if (costResource >= 0) {
            m.put("resource", economy.resourceId(costResource));
        }
        m.put("value", number(value));
        Map<String, Object> lv = new LinkedHashMap<>();
        Map<String, Object> nq = new LinkedHashMap<>();
        Map<String, Object> ru = new LinkedHashMap<>();
        Map<String, Object> va = new LinkedHashMap<>();
        Map<String, Object> rp = new LinkedHashMap<>();
        Map<String, Object> cp = new LinkedHashMap<>();
        if (levels != null) {
            for (int t = 0; t < economy.techniques(); t++) {
                lv.put(economy.techniqueId(t), levels[t]);
                if (economy.hasCapacity(t)) {
                    cp.put(economy.techniqueId(t), capacityPrices[t]);
                }
            }
            for (int p = 0; p < economy.products(); p++) {
                nq.put(economy.productId(p), netOutput[p]);
                va.put(economy.productId(p), valuations[p]);
            }
            for (int r = 0; r < economy.resources(); r++) {
                ru.put(economy.resourceId(r), resourceUse[r]);
                rp.put(economy.resourceId(r), resourcePrices[r]);
            }
        }
        m.put("levels", lv);
        m.put("netOutput", nq);
        m.put("resourceUse", ru);
        m.put("valuations", va);
        m.put("resourcePrices", rp);
        m.put("capacityPrices", cp);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", solver.method());
        s.put("seconds", number(solver.seconds()));
        s.put("iterations", solver.iterations());
        s.put("gap", number(solver.gap()));
        s.put("deterministic", solver.deterministic());
        if (solver.note() != null) {
            s.put("note", solver.note());
        }
        m.put("solver", s);
        if (certificate != null) {
            m.put("certificate", certificateMap(certificate));
        }
        if (leastUse != null) {
            List<Object> stages = new ArrayList<>();
            for (PlanStage st : leastUse) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("minimises", st.minimises());
                x.put("resources", st.resources());
                x.put("value", number(st.value()));
                x.put("method", st.solver().method());
                x.put("seconds", number(st.solver().seconds()));
                x.put("iterations", st.solver().iterations());
                x.put("deterministic", st.solver().deterministic());
                if (st.solver().note() != null) {
                    x.put("note", st.solver().note());
                }
                x.put("certificate", certificateMap(st.certificate()));
                stages.add(x);
            }
            m.put("leastUse", Map.of("stages", stages));
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("resources", bindingResources());
        b.put("capacities", bindingCapacities());
        m.put("binding", b);
        m.put("bottlenecks", bottlenecks(BOTTLENECKS));
        m.put("choices", choices());
        if (diagnosis != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("summary", diagnosis.summary());
            d.put("explanation", diagnosis.explanation());
            d.put("products", diagnosis.products());
            d.put("techniques", diagnosis.techniques());
            d.put("resources", diagnosis.resources());
            d.put("capacities", diagnosis.capacities());
            d.put("maxFulfilment", number(diagnosis.maxFulfilment()));
            m.put("diagnosis", d);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> certificateMap(Certificate certificate) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("primalInfeasibility", number(certificate.primalInfeasibility()));
        c.put("dualInfeasibility", number(certificate.dualInfeasibility()));
        c.put("primalValue", number(certificate.primalValue()));
        c.put("dualValue", number(certificate.dualValue()));
        c.put("gap", number(certificate.gap()));
        return c;
    }

    /** A finite number, or null. */
    static Object number(double x) {
        return Double.isFinite(x) ? (Object) x : null;
    }

    @Override
    public String toString() {
        return "Plan[" + status.id() + ", " + objective.id() + ", value " + value + ", " + solver.method()
                + ", gap " + (certificate == null ? "-" : certificate.gap()) + "]";
    }

    /** Bit-for-bit equality of the figures (the solver's seconds excepted). */
    public boolean sameFigures(Plan o) {
        return status == o.status && objective == o.objective && costResource == o.costResource
                && Double.compare(value, o.value) == 0 && Arrays.equals(levels, o.levels)
                && Arrays.equals(netOutput, o.netOutput) && Arrays.equals(resourceUse, o.resourceUse)
                && Arrays.equals(valuations, o.valuations) && Arrays.equals(resourcePrices, o.resourcePrices)
                && Arrays.equals(capacityPrices, o.capacityPrices) && java.util.Objects.equals(certificate, o.certificate)
                && solver.method().equals(o.solver.method()) && solver.iterations() == o.solver.iterations()
                && sameStages(leastUse, o.leastUse);
    }

    private static boolean sameStages(List<PlanStage> a, List<PlanStage> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            PlanStage x = a.get(i), y = b.get(i);
            if (!x.minimises().equals(y.minimises()) || Double.compare(x.value(), y.value()) != 0
                    || !x.certificate().equals(y.certificate()) || !x.solver().method().equals(y.solver().method())
                    || x.solver().iterations() != y.solver().iterations()) {
                return false;
            }
        }
        return true;
    }
}
