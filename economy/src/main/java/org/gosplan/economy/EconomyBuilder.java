package org.gosplan.economy;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Assembles an {@link Economy} item by item: the readers use it, and so can programs that make
 * economies (generators, tests). Methods that add an id return its index, or -1 when the id is
 * already taken, leaving the report to the caller who knows where the id came from.
 */
public final class EconomyBuilder {
    private final String name;
    private final IdIndex products = new IdIndex();
    private String[] productUnits = new String[16];
    private String[] productNames = new String[16];
    private final IdIndex resources = new IdIndex();
    private String[] resourceUnits = new String[4];
    private double[] available = new double[4];
    private final IdIndex techniques;
    private double[] capacity;
    // Every flow in the order added, one of three kinds; kept apart so the error for a repeated
    // flow can name where it came from.
    private int[] flowTechnique = new int[16];
    private int[] flowItem = new int[16];
    private double[] flowQuantity = new double[16];
    private byte[] flowKind = new byte[16];
    private int flows;
    private int[] targetProduct = new int[4];
    private double[] targetQuantity = new double[4];
    private double[] targetWeight = new double[4];
    private int targets;

    private static final byte OUTPUT = 0;
    private static final byte PRODUCT_INPUT = 1;
    private static final byte RESOURCE_INPUT = 2;
    private static final byte CAPITAL_INPUT = 3;
    private static final int KINDS = 4;

    private final PartsBuilder parts = new PartsBuilder();

    public EconomyBuilder(String name) {
        this(name, 16);
    }

    /** With room for about {@code expectedTechniques} techniques from the start. */
    public EconomyBuilder(String name, int expectedTechniques) {
        this.name = name == null ? "" : name;
        this.techniques = new IdIndex(expectedTechniques);
        this.capacity = new double[Math.max(16, expectedTechniques)];
    }

    /** Adds a product; -1 if the id is already a product or a resource. */
    public int addProduct(String id, String unit, String productName) {
        if (resources.indexOf(id) >= 0) {
            return -1;
        }
        int p = products.add(id);
        if (p < 0) {
            return -1;
        }
        if (p == productUnits.length) {
            productUnits = Arrays.copyOf(productUnits, p * 2);
            productNames = Arrays.copyOf(productNames, p * 2);
        }
        // "" and null both mean "not given": the file forms cannot tell them apart
        productUnits[p] = unit == null || unit.isEmpty() ? null : unit;
        productNames[p] = productName == null || productName.isEmpty() ? null : productName;
        return p;
    }

    /** Adds a resource ({@code available} NaN for unlimited); -1 if the id is taken. */
    public int addResource(String id, String unit, double availableAmount) {
        if (products.indexOf(id) >= 0) {
            return -1;
        }
        int r = resources.add(id);
        if (r < 0) {
            return -1;
        }
        if (r == resourceUnits.length) {
            resourceUnits = Arrays.copyOf(resourceUnits, r * 2);
            available = Arrays.copyOf(available, r * 2);
        }
        resourceUnits[r] = unit == null || unit.isEmpty() ? null : unit;
        available[r] = availableAmount;
        return r;
    }

    /** Adds a technique ({@code capacityBound} +infinity for none); -1 if the id is taken. */
    public int addTechnique(String id, double capacityBound) {
        int t = techniques.add(id);
        if (t < 0) {
            return -1;
        }
        if (t == capacity.length) {
            capacity = Arrays.copyOf(capacity, t * 2);
        }
        capacity[t] = capacityBound;
        return t;
    }

    /** The optional parts (formats.md section 5): regions, transport, trade, years and capital. */
    public PartsBuilder parts() {
        return parts;
    }

    /** Sets the available amount of a resource added before (NaN: unlimited). */
    void setAvailable(int r, double availableAmount) {
        available[r] = availableAmount;
    }

    double available(int r) {
        return available[r];
    }

    String resourceUnit(int r) {
        return resourceUnits[r];
    }

    IdIndex productIds() {
        return products;
    }

    IdIndex resourceIds() {
        return resources;
    }

    IdIndex techniqueIds() {
        return techniques;
    }

    public int productIndex(String id) {
        return products.indexOf(id);
    }

    public int resourceIndex(String id) {
        return resources.indexOf(id);
    }

    public int techniqueIndex(String id) {
        return techniques.indexOf(id);
    }

    public int products() {
        return products.size();
    }

    public int techniques() {
        return techniques.size();
    }

    /** Technique {@code t} makes {@code quantity} of product {@code p} per unit level. */
    public EconomyBuilder output(int t, int p, double quantity) {
        return flow(OUTPUT, t, p, quantity);
    }

    /** Technique {@code t} uses {@code quantity} of product {@code p} per unit level. */
    public EconomyBuilder productInput(int t, int p, double quantity) {
        return flow(PRODUCT_INPUT, t, p, quantity);
    }

    /** Technique {@code t} uses {@code quantity} of resource {@code r} per unit level. */
    public EconomyBuilder resourceInput(int t, int r, double quantity) {
        return flow(RESOURCE_INPUT, t, r, quantity);
    }

    /**
     * Technique {@code t} needs a stock of {@code quantity} of the capital product {@code p} per
     * unit level (a stock it holds, not an input it uses up).
     */
    public EconomyBuilder capitalInput(int t, int p, double quantity) {
        return flow(CAPITAL_INPUT, t, p, quantity);
    }

    /** The number of flows added so far; the next flow gets this ordinal. */
    public int flows() {
        return flows;
    }

    private EconomyBuilder flow(byte kind, int t, int item, double quantity) {
        if (flows == flowTechnique.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, flows * 3L / 2);
            flowTechnique = Arrays.copyOf(flowTechnique, n);
            flowItem = Arrays.copyOf(flowItem, n);
            flowQuantity = Arrays.copyOf(flowQuantity, n);
            flowKind = Arrays.copyOf(flowKind, n);
        }
        flowTechnique[flows] = t;
        flowItem[flows] = item;
        flowQuantity[flows] = quantity;
        flowKind[flows] = kind;
        flows++;
        return this;
    }

    public EconomyBuilder target(int p, double quantity, double weight) {
        return target(p, quantity, weight, -1, 0);
    }

    /** A target in a region (-1: none) and a year (0: every year). */
    public EconomyBuilder target(int p, double quantity, double weight, int region, int year) {
        parts.targetPlace(targets, region, year);
        if (targets == targetProduct.length) {
            targetProduct = Arrays.copyOf(targetProduct, targets * 2);
            targetQuantity = Arrays.copyOf(targetQuantity, targets * 2);
            targetWeight = Arrays.copyOf(targetWeight, targets * 2);
        }
        targetProduct[targets] = p;
        targetQuantity[targets] = quantity;
        targetWeight[targets] = weight;
        targets++;
        return this;
    }

    /** Builds, throwing an {@link EconomyException} on structural errors. */
    public Economy build() {
        Problems problems = new Problems();
        Economy e = build(problems, null, null);
        problems.throwIfErrors();
        return e;
    }

    /**
     * Builds, reporting structural errors to {@code problems}: a flow given twice, a technique
     * without outputs, a product targeted twice. {@code flowWhere} and {@code targetWhere} give
     * the location of a flow or target by its ordinal (null: name the technique or product).
     * Returns null when there were errors.
     */
    public Economy build(Problems problems, IntFunction<String> flowWhere, IntFunction<String> targetWhere) {
        int nt = techniques.size();
        int np = products.size();
        int nr = resources.size();
        // a quantity is a finite number > 0 (formats.md); anything else could not be written and read back
        boolean badQuantity = false;
        for (int f = 0; f < flows && !problems.full(); f++) {
            double q = flowQuantity[f];
            if (!(q > 0) || q == Double.POSITIVE_INFINITY) {
                badQuantity = true;
                problems.error(flowWhere != null ? flowWhere.apply(f) : "technique '" + techniques.id(flowTechnique[f]) + "'",
                        "quantity " + q + " of a flow of technique '" + techniques.id(flowTechnique[f])
                                + "' must be a finite number > 0");
            }
        }
        if (badQuantity) {
            return null;
        }
        SparseMatrix.Builder[] by = {
            new SparseMatrix.Builder(np, nt), new SparseMatrix.Builder(np, nt), new SparseMatrix.Builder(nr, nt),
            new SparseMatrix.Builder(np, nt)
        };
        int[][] ordinals = new int[KINDS][];
        int[] counts = new int[KINDS];
        for (int f = 0; f < flows; f++) {
            counts[flowKind[f]]++;
        }
        for (int k = 0; k < KINDS; k++) {
            ordinals[k] = new int[counts[k]];
            counts[k] = 0;
        }
        for (int f = 0; f < flows; f++) {
            int k = flowKind[f];
            ordinals[k][counts[k]++] = f;
            by[k].add(flowItem[f], flowTechnique[f], flowQuantity[f]);
        }
        SparseMatrix[] m = new SparseMatrix[KINDS];
        String[] what = {"output of product", "input of product", "input of resource", "capital need of product"};
        for (int k = 0; k < KINDS; k++) {
            final int kind = k;
            m[k] = by[k].build((row, col, addedAt) -> {
                int f = ordinals[kind][addedAt];
                String item = kind == RESOURCE_INPUT ? resources.id(row) : products.id(row);
                problems.error(flowWhere != null ? flowWhere.apply(f) : "technique '" + techniques.id(col) + "'",
                        "the " + what[kind] + " '" + item + "' is given twice for technique '"
                                + techniques.id(col) + "'; give each flow once (add the quantities up)");
            });
        }
        int[] outStart = m[OUTPUT].columnStarts();
        for (int t = 0; t < nt && !problems.full(); t++) {
            if (outStart[t + 1] == outStart[t]) {
                problems.error("technique '" + techniques.id(t) + "'",
                        "technique '" + techniques.id(t) + "' has no outputs; give it at least one product it makes"
                                + " (a positive quantity in flows.csv, or an entry in \"outputs\")");
            }
        }
        checkTargetsOnce(problems, targetWhere);
        if (problems.hasErrors()) {
            return null;
        }
        return new Economy(name, products, Arrays.copyOf(productUnits, np), Arrays.copyOf(productNames, np),
                resources, Arrays.copyOf(resourceUnits, nr), Arrays.copyOf(available, nr),
                techniques, Arrays.copyOf(capacity, nt), m[OUTPUT], m[PRODUCT_INPUT], m[RESOURCE_INPUT],
                Arrays.copyOf(targetProduct, targets), Arrays.copyOf(targetQuantity, targets),
                Arrays.copyOf(targetWeight, targets),
                parts.build(nt, nr, targets, m[CAPITAL_INPUT].nonzeros() == 0 ? null : m[CAPITAL_INPUT]));
    }

    /**
     * One target per product, region and year; a target for every year (year 0) leaves no room
     * for one in a particular year.
     */
    private void checkTargetsOnce(Problems problems, IntFunction<String> targetWhere) {
        int[] region = new int[targets];
        int[] year = new int[targets];
        for (int i = 0; i < targets; i++) {
            region[i] = parts.targetRegion(i);
            year[i] = parts.targetYear(i);
        }
        checkTargetsOnce(Arrays.copyOf(targetProduct, targets), region, year, products::id, parts.regionIds(),
                problems, targetWhere);
    }

    /**
     * The rule above for targets given as arrays (a targets file read for an economy): {@code
     * region} -1 for none, {@code year} 0 for every year; {@code targetWhere} null names the product.
     */
    static void checkTargetsOnce(int[] product, int[] region, int[] year, IntFunction<String> productId,
                                 java.util.List<String> regionIds, Problems problems, IntFunction<String> targetWhere) {
        java.util.Set<Long> placeYears = new java.util.HashSet<>();
        java.util.Set<Long> everyYear = new java.util.HashSet<>();
        java.util.Set<Long> someYear = new java.util.HashSet<>();
        for (int i = 0; i < product.length; i++) {
            int p = product[i];
            long place = (long) p * (regionIds.size() + 1) + region[i] + 1;
            boolean twice = !placeYears.add(place * 1_000_003L + year[i]);
            boolean clash = year[i] == 0 ? someYear.contains(place) : everyYear.contains(place);
            (year[i] == 0 ? everyYear : someYear).add(place);
            if (twice || clash) {
                String in = region[i] < 0 ? "" : " in region '" + regionIds.get(region[i]) + "'";
                problems.error(targetWhere != null ? targetWhere.apply(i) : "target '" + productId.apply(p) + "'",
                        "product '" + productId.apply(p) + "' is targeted twice" + in + (twice && year[i] == 0
                                ? "; give one target per product" + (regionIds.isEmpty() ? "" : " and region")
                                : twice ? " for year " + year[i] + "; give one target per year"
                                : "; a target without a year holds every year, so give either one without a year"
                                        + " or one per year"));
            }
        }
    }
}
