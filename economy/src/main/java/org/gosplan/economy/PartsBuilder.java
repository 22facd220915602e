package org.gosplan.economy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the optional {@link Parts} of an economy beside its {@link EconomyBuilder}. Like
 * the builder it leaves the report of a repeated item to the caller, who knows where it came
 * from: methods that add an item return -1 or false when it is already there.
 */
public final class PartsBuilder {
    private final List<Parts.Region> regions = new ArrayList<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private int[] techniqueRegion = new int[0];
    private int[] resourceRegion = new int[0];
    private int[] targetRegion = new int[0];
    private int[] targetYear = new int[0];
    private final List<String> transportIds = new ArrayList<>();
    private final Map<String, Integer> transportIndex = new HashMap<>();
    private final List<Parts.Transport> transport = new ArrayList<>();
    private final List<List<Parts.Input>> transportInputs = new ArrayList<>();
    private final List<Parts.Trade> trade = new ArrayList<>();
    private final Set<Long> tradeKeys = new HashSet<>();
    private String currency;
    private double tradeBalance;
    private int years;
    private final List<Parts.Capital> capital = new ArrayList<>();
    private final Map<Integer, Integer> capitalOf = new HashMap<>();
    private final List<Parts.Stock> stocks = new ArrayList<>();
    private final Set<Long> stockKeys = new HashSet<>();
    private final List<Parts.Availability> availability = new ArrayList<>();
    private final Set<Long> availabilityKeys = new HashSet<>();

    PartsBuilder() {}

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    /** Adds a republic; -1 when the id is taken. */
    public int addRegion(String id, String name) {
        if (regionIndex.containsKey(id)) {
            return -1;
        }
        regionIndex.put(id, regions.size());
        regions.add(new Parts.Region(id, name == null || name.isEmpty() ? null : name));
        return regions.size() - 1;
    }

    /** The region's index, or -1. */
    public int regionIndex(String id) {
        Integer r = regionIndex.get(id);
        return r == null ? -1 : r;
    }

    public int regions() {
        return regions.size();
    }

    List<String> regionIds() {
        List<String> ids = new ArrayList<>();
        regions.forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static int[] set(int[] a, int i, int v, int none) {
        if (i >= a.length) {
            int n = a.length;
            a = Arrays.copyOf(a, Math.max(i + 1, n * 2));
            Arrays.fill(a, n, a.length, none);
        }
        a[i] = v;
        return a;
    }

    public PartsBuilder techniqueRegion(int t, int region) {
        techniqueRegion = set(techniqueRegion, t, region, -1);
        return this;
    }

    public PartsBuilder resourceRegion(int r, int region) {
        resourceRegion = set(resourceRegion, r, region, -1);
        return this;
    }

    /** The region given to resource {@code r}, or -1. */
    int resourceRegion(int r) {
        return r < resourceRegion.length ? resourceRegion[r] : -1;
    }

    void targetPlace(int ordinal, int region, int year) {
        if (region >= 0 || targetRegion.length > 0) {
            targetRegion = set(targetRegion, ordinal, region, -1);
        }
        if (year > 0 || targetYear.length > 0) {
            targetYear = set(targetYear, ordinal, year, 0);
        }
    }

    int targetRegion(int ordinal) {
        return ordinal < targetRegion.length ? targetRegion[ordinal] : -1;
    }

    int targetYear(int ordinal) {
        return ordinal < targetYear.length ? targetYear[ordinal] : 0;
    }

    /** Adds a transport link; -1 when the id is taken. */
    public int addTransport(String id, int product, int from, int to, double loss, double capacity) {
        if (transportIndex.containsKey(id)) {
            return -1;
        }
        transportIndex.put(id, transport.size());
        transportIds.add(id);
        transport.add(new Parts.Transport(id, product, from, to, loss, capacity, List.of()));
        transportInputs.add(new ArrayList<>());
        return transport.size() - 1;
    }

    /** The link's index, or -1. */
    public int transportIndex(String id) {
        Integer i = transportIndex.get(id);
        return i == null ? -1 : i;
    }

    List<String> transportIds() {
        return transportIds;
    }

    /** Link {@code link} uses {@code quantity} of the item per unit moved; false when that item is given already. */
    public boolean transportInput(int link, int item, boolean resource, double quantity) {
        List<Parts.Input> in = transportInputs.get(link);
        for (Parts.Input i : in) {
            if (i.item() == item && i.resource() == resource) {
                return false;
            }
        }
        in.add(new Parts.Input(item, resource, quantity));
        return true;
    }

    /** Adds the world terms of a product (in a region or -1); false when that product and region have terms already. */
    public boolean trade(int product, int region, double importPrice, double exportPrice, double importLimit,
                         double exportLimit) {
        if (!tradeKeys.add(key(product, region))) {
            return false;
        }
        trade.add(new Parts.Trade(product, region, importPrice, exportPrice, importLimit, exportLimit));
        return true;
    }

    public PartsBuilder currency(String c) {
        currency = c == null || c.isEmpty() ? null : c;
        return this;
    }

    public PartsBuilder tradeBalance(double b) {
        tradeBalance = b;
        return this;
    }

    public PartsBuilder years(int t) {
        years = t;
        return this;
    }

    public int years() {
        return years;
    }

    /** Makes a product durable; false when it is listed already. */
    public boolean capital(int product, double depreciation, int lag) {
        if (capitalOf.containsKey(product)) {
            return false;
        }
        capitalOf.put(product, capital.size());
        capital.add(new Parts.Capital(product, depreciation, lag));
        return true;
    }

    /** True when the product is durable. */
    public boolean isCapital(int product) {
        return capitalOf.containsKey(product);
    }

    /** Sets the stock at the start of year 1; false when that product and region have one already. */
    public boolean stock(int product, int region, double quantity) {
        if (!stockKeys.add(key(product, region))) {
            return false;
        }
        stocks.add(new Parts.Stock(product, region, quantity));
        return true;
    }

    /** Sets a resource's availability in one year; false when that year has one already. */
    public boolean availability(int resource, int year, double available) {
        if (!availabilityKeys.add(key(resource, year))) {
            return false;
        }
        availability.add(new Parts.Availability(resource, year, available));
        return true;
    }

    boolean hasAvailability(int resource) {
        for (Parts.Availability a : availability) {
            if (a.resource() == resource) {
                return true;
            }
        }
        return false;
    }

    Parts build(int techniques, int resources, int targets, SparseMatrix capitalInputs) {
        List<Parts.Transport> links = new ArrayList<>();
        for (int i = 0; i < transport.size(); i++) {
            Parts.Transport t = transport.get(i);
            links.add(new Parts.Transport(t.id(), t.product(), t.from(), t.to(), t.loss(), t.capacity(),
                    transportInputs.get(i)));
        }
        Parts p = new Parts(regions, fit(techniqueRegion, techniques, -1), fit(resourceRegion, resources, -1),
                fit(targetRegion, targets, -1), fit(targetYear, targets, 0), links, trade, currency, tradeBalance,
                years, capital, stocks, availability, capitalInputs);
        return p.isEmpty() ? Parts.NONE : p;
    }

    private static int[] fit(int[] a, int n, int none) {
        if (a.length == 0) {
            return a;
        }
        int old = a.length;
        int[] b = Arrays.copyOf(a, n);
        if (n > old) {
            Arrays.fill(b, old, n, none);
        }
        return b;
    }
}
