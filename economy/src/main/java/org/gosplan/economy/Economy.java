package org.gosplan.economy;

import java.util.Arrays;

/**
 * An economy: products, primary resources, the techniques that turn inputs into outputs, and
 * the final-demand targets. Immutable.
 *
 * <p>Inside, everything is indexed by dense ints: product {@code p} in {@code 0..products()-1},
 * resource {@code r} in {@code 0..resources()-1}, technique {@code t} in
 * {@code 0..techniques()-1}. The technology is three sparse matrices with one column per
 * technique: {@link #outputs()} (products x techniques), {@link #productInputs()} (products x
 * techniques) and {@link #resourceInputs()} (resources x techniques), each holding the quantity
 * per unit level of the technique. Ids exist only at the edges ({@link #productId}, {@link
 * #productIndex}, ...).
 */
public final class Economy {
    /** The value of the {@code format} field of the economy formats. */
    public static final String FORMAT = "gosplan/economy@1";

    private final String name;
    private final IdIndex products;
    private final String[] productUnits;
    private final String[] productNames;
    private final IdIndex resources;
    private final String[] resourceUnits;
    private final double[] available;
    private final IdIndex techniques;
    private final double[] capacity;
    private final SparseMatrix outputs;
    private final SparseMatrix productInputs;
    private final SparseMatrix resourceInputs;
    private final int[] targetProduct;
    private final double[] targetQuantity;
    private final double[] targetWeight;
    private final Parts parts;

    Economy(String name, IdIndex products, String[] productUnits, String[] productNames,
            IdIndex resources, String[] resourceUnits, double[] available,
            IdIndex techniques, double[] capacity,
            SparseMatrix outputs, SparseMatrix productInputs, SparseMatrix resourceInputs,
            int[] targetProduct, double[] targetQuantity, double[] targetWeight, Parts parts) {
        this.name = name;
        this.products = products;
        this.productUnits = productUnits;
        this.productNames = productNames;
        this.resources = resources;
        this.resourceUnits = resourceUnits;
        this.available = available;
        this.techniques = techniques;
        this.capacity = capacity;
        this.outputs = outputs;
        this.productInputs = productInputs;
        this.resourceInputs = resourceInputs;
        this.targetProduct = targetProduct;
        this.targetQuantity = targetQuantity;
        this.targetWeight = targetWeight;
        this.parts = parts;
    }

    public String name() {
        return name;
    }

    // ---- products

    public int products() {
        return products.size();
    }

    public String productId(int p) {
        return products.id(p);
    }

    /** The product's index, or -1 when there is none with this id. */
    public int productIndex(String id) {
        return products.indexOf(id);
    }

    /** The product's unit, or null when not given. */
    public String productUnit(int p) {
        return productUnits[p];
    }

    /** The product's readable name, or null when not given. */
    public String productName(int p) {
        return productNames[p];
    }

    public Product product(int p) {
        return new Product(products.id(p), productUnits[p], productNames[p]);
    }

    // ---- resources

    public int resources() {
        return resources.size();
    }

    public String resourceId(int r) {
        return resources.id(r);
    }

    /** The resource's index, or -1. */
    public int resourceIndex(String id) {
        return resources.indexOf(id);
    }

    public String resourceUnit(int r) {
        return resourceUnits[r];
    }

    /** The amount available, or {@code Double.NaN} when unlimited. */
    public double available(int r) {
        return available[r];
    }

    public boolean isLimited(int r) {
        return !Double.isNaN(available[r]);
    }

    public Resource resource(int r) {
        return new Resource(resources.id(r), resourceUnits[r], available[r]);
    }

    // ---- techniques

    public int techniques() {
        return techniques.size();
    }

    public String techniqueId(int t) {
        return techniques.id(t);
    }

    /** The technique's index, or -1. */
    public int techniqueIndex(String id) {
        return techniques.indexOf(id);
    }

    /** The capacity bound on the level, or {@code Double.POSITIVE_INFINITY} when none. */
    public double capacity(int t) {
        return capacity[t];
    }

    public boolean hasCapacity(int t) {
        return capacity[t] != Double.POSITIVE_INFINITY;
    }

    /** Products made per unit level: products x techniques. */
    public SparseMatrix outputs() {
        return outputs;
    }

    /** Products used per unit level: products x techniques. */
    public SparseMatrix productInputs() {
        return productInputs;
    }

    /** Resources used per unit level: resources x techniques. */
    public SparseMatrix resourceInputs() {
        return resourceInputs;
    }

    /** Stored coefficients in all three matrices. */
    public long nonzeros() {
        return (long) outputs.nonzeros() + productInputs.nonzeros() + resourceInputs.nonzeros();
    }

    /**
     * True when every technique makes exactly one product and every product is made by exactly
     * one technique: the square Leontief case.
     */
    public boolean isSquare() {
        return squareTechniqueOf() != null;
    }

    /**
     * For the square case, the technique making each product; null when some technique makes
     * several products or some product is made by none or several techniques.
     */
    public int[] squareTechniqueOf() {
        int n = products();
        if (techniques() != n) {
            return null;
        }
        int[] start = outputs.columnStarts();
        int[] rows = outputs.rowIndexes();
        int[] techniqueOf = new int[n];
        Arrays.fill(techniqueOf, -1);
        for (int t = 0; t < n; t++) {
            if (start[t + 1] - start[t] != 1) {
                return null;
            }
            int p = rows[start[t]];
            if (techniqueOf[p] >= 0) {
                return null;
            }
            techniqueOf[p] = t;
        }
        return techniqueOf;
    }

    // ---- targets

    public int targets() {
        return targetProduct.length;
    }

    public int targetProduct(int i) {
        return targetProduct[i];
    }

    public double targetQuantity(int i) {
        return targetQuantity[i];
    }

    public double targetWeight(int i) {
        return targetWeight[i];
    }

    public Target target(int i) {
        return new Target(products.id(targetProduct[i]), targetQuantity[i], targetWeight[i]);
    }

    /** The targets as a dense final-demand vector over products (zero where untargeted). */
    public double[] finalDemand() {
        double[] y = new double[products()];
        for (int i = 0; i < targetProduct.length; i++) {
            y[targetProduct[i]] += targetQuantity[i];
        }
        return y;
    }

    /**
     * The same economy with other targets (the arrays are copied); the new targets hold in every
     * year and have no region.
     */
    public Economy withTargets(int[] product, double[] quantity, double[] weight) {
        if (product.length != quantity.length || product.length != weight.length) {
            throw new IllegalArgumentException("target arrays differ in length");
        }
        return new Economy(name, products, productUnits, productNames, resources, resourceUnits, available,
                techniques, capacity, outputs, productInputs, resourceInputs,
                product.clone(), quantity.clone(), weight.clone(),
                parts == Parts.NONE ? parts : parts.withoutTargetPlaces());
    }

    /**
     * The same economy with other targets, each in a region ({@code region[i]}: an index of
     * {@code parts().regions()}, -1 for none) and a year ({@code year[i]}: 1..years, 0 for every
     * year): how targets of an economy with republics or years keep their place (formats.md section 5).
     */
    public Economy withTargets(int[] product, double[] quantity, double[] weight, int[] region, int[] year) {
        if (region.length != product.length || year.length != product.length) {
            throw new IllegalArgumentException("target arrays differ in length");
        }
        for (int i = 0; i < product.length; i++) {
            if (region[i] < -1 || region[i] >= parts.regions().size() || year[i] < 0 || year[i] > parts.years()) {
                throw new IllegalArgumentException("target " + i + " has region " + region[i] + " and year " + year[i]
                        + ", outside the economy's " + parts.regions().size() + " regions and " + parts.years()
                        + " years");
            }
        }
        Economy e = withTargets(product, quantity, weight);
        return e.parts == Parts.NONE ? e : e.withParts(e.parts.withTargetPlaces(region.clone(), year.clone()));
    }

    /** The same economy with other amounts available of its resources (NaN: unlimited). */
    public Economy withAvailable(double[] newAvailable) {
        if (newAvailable.length != available.length) {
            throw new IllegalArgumentException(newAvailable.length + " amounts for " + available.length + " resources");
        }
        return new Economy(name, products, productUnits, productNames, resources, resourceUnits, newAvailable.clone(),
                techniques, capacity, outputs, productInputs, resourceInputs,
                targetProduct, targetQuantity, targetWeight, parts);
    }

    /** The same economy with other parts, made from its own by {@link Parts}' with-methods. */
    public Economy withParts(Parts newParts) {
        return new Economy(name, products, productUnits, productNames, resources, resourceUnits, available,
                techniques, capacity, outputs, productInputs, resourceInputs,
                targetProduct, targetQuantity, targetWeight, newParts);
    }

    /** The same economy under another name. */
    public Economy withName(String newName) {
        return new Economy(newName, products, productUnits, productNames, resources, resourceUnits, available,
                techniques, capacity, outputs, productInputs, resourceInputs,
                targetProduct, targetQuantity, targetWeight, parts);
    }

    // ---- the optional parts

    /** Republics, transport, foreign trade, years and capital; {@link Parts#NONE} when the economy has none. */
    public Parts parts() {
        return parts;
    }

    public boolean hasParts() {
        return parts != Parts.NONE;
    }

    /** Same content: ids, units, names, quantities, targets (bit-for-bit doubles). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Economy)) {
            return false;
        }
        Economy e = (Economy) o;
        return name.equals(e.name)
                && products.sameIds(e.products)
                && Arrays.equals(productUnits, e.productUnits)
                && Arrays.equals(productNames, e.productNames)
                && resources.sameIds(e.resources)
                && Arrays.equals(resourceUnits, e.resourceUnits)
                && Arrays.equals(available, e.available)
                && techniques.sameIds(e.techniques)
                && Arrays.equals(capacity, e.capacity)
                && outputs.equals(e.outputs)
                && productInputs.equals(e.productInputs)
                && resourceInputs.equals(e.resourceInputs)
                && Arrays.equals(targetProduct, e.targetProduct)
                && Arrays.equals(targetQuantity, e.targetQuantity)
                && Arrays.equals(targetWeight, e.targetWeight)
                && parts.equals(e.parts);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + products() * 7 + techniques();
    }

    @Override
    public String toString() {
        return "Economy[" + name + ": " + products() + " products, " + resources() + " resources, "
                + techniques() + " techniques, " + nonzeros() + " coefficients, " + targets() + " targets]";
    }

    /** A product at the edge of the model. */
    public record Product(String id, String unit, String name) {}

    /** A resource at the edge; {@code available} is NaN when unlimited. */
    public record Resource(String id, String unit, double available) {}

    /** A target at the edge. */
    public record Target(String product, double quantity, double weight) {}
}
