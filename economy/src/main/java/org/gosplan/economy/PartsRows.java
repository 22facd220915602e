package org.gosplan.economy;

import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The checks of the optional parts' items (formats.md section 5), the same for a JSON object
 * and a CSV row: each reader turns its item into values (NaN for a number left out, null for
 * text left out) and reports the messages given to {@code error} at the item's place.
 */
final class PartsRows {
    private PartsRows() {}

    /** Returned for an item whose region was in error (reported). */
    static final int BAD = -2;

    /** The index of region {@code id} (null: none given), -1 for none, or {@link #BAD}. */
    static int region(PartsBuilder p, String id, String what, Consumer<String> error) {
        if (id == null || id.isEmpty()) {
            if (p.regions() > 0) {
                error.accept(what + " needs a region: the economy has regions (" + String.join(", ", first(p))
                        + "), and every technique, resource, target, trade term and stock belongs to one");
                return BAD;
            }
            return -1;
        }
        int r = p.regionIndex(id);
        if (r < 0) {
            error.accept(p.regions() == 0
                    ? "region '" + id + "' names no region: the economy lists none; list the republics in"
                            + " \"regions\" (regions.csv in a folder) or leave the region out"
                    : Ids.unknown("region", id, "regions are listed in \"regions\" (regions.csv in a folder)",
                            p.regions(), i -> p.regionIds().get(i)));
            return BAD;
        }
        return r;
    }

    private static java.util.List<String> first(PartsBuilder p) {
        java.util.List<String> ids = p.regionIds();
        return ids.size() <= 5 ? ids : ids.subList(0, 5);
    }

    /** The year (NaN: none given, 0), or -1 when in error (reported). */
    static int year(PartsBuilder p, double year, String what, Consumer<String> error) {
        if (Double.isNaN(year)) {
            return 0;
        }
        if (p.years() == 0) {
            error.accept(what + " has a year but the economy has no \"years\"; add \"years\": T (the number of"
                    + " years planned) to the economy (economy.json in a folder), or leave the year out");
            return -1;
        }
        if (year != Math.rint(year) || year < 1 || year > p.years()) {
            error.accept("year " + Numbers.format(year) + " of " + what + " is not one of the plan's years;"
                    + " give a whole number from 1 to " + p.years());
            return -1;
        }
        return (int) year;
    }

    /** The number of years (NaN: none given, 0), or -1 when in error. */
    static int years(double t, Consumer<String> error) {
        if (Double.isNaN(t)) {
            return 0;
        }
        if (t != Math.rint(t) || t < 1 || t > 1000) {
            error.accept("\"years\" is " + Numbers.format(t) + "; give the number of years planned, a whole number"
                    + " from 1 to 1000");
            return -1;
        }
        return (int) t;
    }

    /**
     * A resource row: without a year it defines the resource (once); with a year it gives the
     * availability in that year, the resource being defined by the first of its rows.
     * {@code defined} marks the resources that had their row without a year.
     */
    static void resource(EconomyBuilder b, BitSet defined, String id, String unit, double available, int region,
                         int year, Consumer<String> error) {
        int r = b.resourceIndex(id);
        if (r >= 0 && (year > 0 || !defined.get(r))) {
            if (region != b.parts().resourceRegion(r)) {
                error.accept("resource '" + id + "' is given in another region than in its first row; a resource"
                        + " has one region (repeat its id only to give its availability in other years)");
                return;
            }
            if (unit != null && !unit.isEmpty() && b.resourceUnit(r) != null && !unit.equals(b.resourceUnit(r))) {
                error.accept("resource '" + id + "' has unit '" + unit + "' here but '" + b.resourceUnit(r)
                        + "' in its first row; a resource has one unit");
                return;
            }
        }
        if (year == 0) {
            if (r >= 0 && !defined.get(r)) {
                b.setAvailable(r, available);
                defined.set(r);
                return;
            }
            r = b.addResource(id, unit, available);
            if (r < 0) {
                error.accept(b.productIndex(id) >= 0
                        ? "resource '" + id + "' has the id of a product; an id names one item, so rename one"
                        : "resource '" + id + "' is listed twice; ids must be unique (a resource's rows for"
                                + " particular years carry a year)");
                return;
            }
            defined.set(r);
        } else if (r < 0) {
            r = b.addResource(id, unit, Double.NaN);
            if (r < 0) {
                error.accept("resource '" + id + "' has the id of a product; an id names one item, so rename one");
                return;
            }
        }
        if (region >= 0) {
            b.parts().resourceRegion(r, region);
        }
        if (year > 0 && !b.parts().availability(r, year, available)) {
            error.accept("resource '" + id + "' has two rows for year " + year + "; give one availability a year");
        }
    }

    static void capital(EconomyBuilder b, String product, double depreciation, double lag, Consumer<String> error) {
        int p = product(b, product, "capital lists products", error);
        if (p < 0) {
            return;
        }
        if (b.parts().years() == 0) {
            error.accept("capital product '" + product + "' is given but the economy has no \"years\"; capital"
                    + " serves plans of several years, so add \"years\": T to the economy (economy.json in a folder)");
            return;
        }
        double d = Double.isNaN(depreciation) ? 0 : depreciation;
        if (!(d >= 0 && d <= 1)) {
            error.accept("depreciation " + Numbers.format(depreciation) + " of '" + product + "' must be a share"
                    + " from 0 to 1 (0.05: a twentieth of the stock wears out a year)");
            d = 0; // still listed (the economy is refused anyway): its needs and stocks are of a capital product
        }
        double l = Double.isNaN(lag) ? 1 : lag;
        if (l != Math.rint(l) || l < 1 || l > 1000) {
            error.accept("lag " + Numbers.format(lag) + " of '" + product + "' must be a whole number of years >= 1"
                    + " (1: made in one year, it serves from the next)");
            l = 1;
        }
        if (!b.parts().capital(p, d, (int) l)) {
            error.accept("capital product '" + product + "' is listed twice; list each once");
        }
    }

    static void transport(EconomyBuilder b, String id, String product, String from, String to, double loss,
                          double capacity, Consumer<String> error) {
        String problem = Ids.problem(id == null ? "" : id);
        if (problem != null) {
            error.accept(problem);
            return;
        }
        int p = product(b, product, "transport moves products", error);
        PartsBuilder parts = b.parts();
        if (parts.regions() == 0) {
            error.accept("transport '" + id + "' moves between regions but the economy lists none; list the"
                    + " republics in \"regions\" (regions.csv in a folder)");
            return;
        }
        int f = region(parts, from, "transport '" + id + "' (from)", error);
        int t = region(parts, to, "transport '" + id + "' (to)", error);
        if (p < 0 || f < 0 || t < 0) {
            return;
        }
        if (f == t) {
            error.accept("transport '" + id + "' goes from region '" + from + "' to itself; give two regions");
            return;
        }
        double share = Double.isNaN(loss) ? 0 : loss;
        if (!(share >= 0 && share < 1)) {
            error.accept("loss " + Numbers.format(loss) + " of transport '" + id + "' must be a share from 0 to"
                    + " below 1 (0.02: two in a hundred units sent are lost)");
            return;
        }
        double c = Double.isNaN(capacity) ? Double.POSITIVE_INFINITY : capacity;
        if (!(c >= 0)) {
            error.accept("capacity " + Numbers.format(capacity) + " of transport '" + id + "' is negative; give a"
                    + " bound >= 0, or leave it out for none");
            return;
        }
        if (b.techniqueIndex(id) >= 0) {
            error.accept("transport '" + id + "' has the id of a technique; inputs of both are named by that id,"
                    + " so rename one");
            return;
        }
        if (parts.addTransport(id, p, f, t, share, c) < 0) {
            error.accept("transport '" + id + "' is listed twice; ids must be unique");
        }
    }

    /** An input of a transport link per unit moved: a product or a resource, {@code quantity > 0}. */
    static void transportInput(EconomyBuilder b, int link, String item, double quantity, Consumer<String> error) {
        String id = b.parts().transportIds().get(link);
        int p = b.productIndex(item);
        int r = p >= 0 ? -1 : b.resourceIndex(item);
        if (p < 0 && r < 0) {
            error.accept(Ids.unknown("item", item, "inputs name products or resources of the economy",
                    b.productIds(), b.resourceIds()));
        } else if (!(quantity > 0) || quantity == Double.POSITIVE_INFINITY) {
            error.accept("quantity " + Numbers.format(quantity) + " of an input of transport '" + id + "' must be a"
                    + " finite number > 0 (what a unit moved uses; transport makes nothing)");
        } else if (!b.parts().transportInput(link, p >= 0 ? p : r, p < 0, quantity)) {
            error.accept("the input '" + item + "' is given twice for transport '" + id + "'; give each once");
        }
    }

    static void trade(EconomyBuilder b, String product, String region, double importPrice, double exportPrice,
                      double importLimit, double exportLimit, Consumer<String> error) {
        int p = product(b, product, "trade names products", error);
        int r = region(b.parts(), region, "the trade in '" + product + "'", error);
        if (p < 0 || r == BAD) {
            return;
        }
        if (Double.isNaN(importPrice) && Double.isNaN(exportPrice)) {
            error.accept("the trade terms of '" + product + "' give no price; give an import price, an export"
                    + " price or both (an empty price forbids that direction)");
            return;
        }
        String[] names = {"import price", "export price", "import limit", "export limit"};
        double[] v = {importPrice, exportPrice, importLimit, exportLimit};
        for (int i = 0; i < 4; i++) {
            if (v[i] < 0) {
                error.accept(names[i] + " " + Numbers.format(v[i]) + " of '" + product + "' is negative; give an"
                        + " amount >= 0, or leave it empty (" + (i < 2 ? "that direction is forbidden" : "no limit")
                        + ")");
                return;
            }
        }
        if (exportPrice > importPrice) {
            // importing to export again would earn without end; the plan would be unbounded
            error.accept("the export price " + Numbers.format(exportPrice) + " of '" + product + "' is above its"
                    + " import price " + Numbers.format(importPrice) + ": importing only to export again would"
                    + " earn without end; give an export price at most the import price");
            return;
        }
        if (!b.parts().trade(p, r, importPrice, exportPrice,
                Double.isNaN(importLimit) ? Double.POSITIVE_INFINITY : importLimit,
                Double.isNaN(exportLimit) ? Double.POSITIVE_INFINITY : exportLimit)) {
            error.accept("'" + product + "' has trade terms twice" + (r < 0 ? "" : " in region '" + region + "'")
                    + "; give them once");
        }
    }

    static void stock(EconomyBuilder b, String product, String region, double quantity, Consumer<String> error) {
        int p = product(b, product, "stocks name capital products", error);
        int r = region(b.parts(), region, "the stock of '" + product + "'", error);
        if (p < 0 || r == BAD) {
            return;
        }
        if (!b.parts().isCapital(p)) {
            error.accept("'" + product + "' has a stock but is not a capital product; list it in \"capital\""
                    + " (capital.csv in a folder) or drop the stock");
            return;
        }
        if (!(quantity >= 0)) {
            error.accept("stock quantity " + Numbers.format(quantity) + " of '" + product + "' must be a number >= 0");
            return;
        }
        if (!b.parts().stock(p, r, quantity)) {
            error.accept("'" + product + "' has a stock twice" + (r < 0 ? "" : " in region '" + region + "'")
                    + "; give it once");
        }
    }

    /** A capital need of a technique: the product must be durable. True when added. */
    static boolean capitalNeed(EconomyBuilder b, int technique, int p, double quantity, Consumer<String> error) {
        if (!b.parts().isCapital(p)) {
            error.accept("'" + b.productIds().id(p) + "' is needed as a stock by technique '"
                    + b.techniqueIds().id(technique) + "' but is not a capital product; list it in \"capital\""
                    + " (capital.csv in a folder), or make the flow an ordinary input");
            return false;
        }
        b.capitalInput(technique, p, quantity);
        return true;
    }

    private static int product(EconomyBuilder b, String product, String otherwise, Consumer<String> error) {
        if (product == null || product.isEmpty()) {
            error.accept("missing product; " + otherwise);
            return -1;
        }
        int p = b.productIndex(product);
        if (p < 0) {
            error.accept(Ids.unknown("product", product, otherwise + " of the economy", b.productIds()));
        }
        return p;
    }
}
