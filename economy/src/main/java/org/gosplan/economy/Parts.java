package org.gosplan.economy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The optional parts of an economy (formats.md section 5): republics and transport between
 * them, foreign trade, and years with capital stocks. An economy without them has {@link #NONE}
 * and means what it meant before. Immutable; items are named by the economy's dense indexes.
 *
 * <p>Per item: {@link #techniqueRegion}, {@link #resourceRegion} and {@link #targetRegion} are -1
 * where no region is named; {@link #targetYear} is 0 where a target holds every year. A
 * resource's availability in a particular year, where given, is an {@link Availability}; the
 * economy's own {@code available} holds in the other years.
 */
public final class Parts {
    /** A republic. */
    public record Region(String id, String name) {}

    /** One input of a transport link per unit moved: a product, or a resource when {@code resource}. */
    public record Input(int item, boolean resource, double quantity) {}

    /**
     * Moves {@code product} from region {@code from} to region {@code to}; of each unit sent the
     * share {@code loss} is lost on the way. {@code capacity} bounds the units sent (+infinity: none).
     */
    public record Transport(String id, int product, int from, int to, double loss, double capacity,
                            List<Input> inputs) {
        public Transport {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * World prices and limits for one product (in one region, or -1). A NaN price forbids that
     * direction; an infinite limit leaves it unbounded.
     */
    public record Trade(int product, int region, double importPrice, double exportPrice,
                        double importLimit, double exportLimit) {
        public boolean imports() {
            return !Double.isNaN(importPrice);
        }

        public boolean exports() {
            return !Double.isNaN(exportPrice);
        }
    }

    /**
     * A durable product: its stock wears out by {@code depreciation} a year; what is made for stock
     * in year y serves from year y + lag.
     */
    public record Capital(int product, double depreciation, int lag) {}

    /** The stock of a capital product at the start of year 1 (in a region, or -1). */
    public record Stock(int product, int region, double quantity) {}

    /** The amount of a resource available in one year (NaN: unlimited that year). */
    public record Availability(int resource, int year, double available) {}

    public static final Parts NONE = new Parts(List.of(), new int[0], new int[0], new int[0], new int[0], List.of(),
            List.of(), null, 0, 0, List.of(), List.of(), List.of(), null);

    private final List<Region> regions;
    private final int[] techniqueRegion;
    private final int[] resourceRegion;
    private final int[] targetRegion;
    private final int[] targetYear;
    private final List<Transport> transport;
    private final List<Trade> trade;
    private final String currency;
    private final double tradeBalance;
    private final int years;
    private final List<Capital> capital;
    private final List<Stock> stocks;
    private final List<Availability> availability;
    private final SparseMatrix capitalInputs;

    Parts(List<Region> regions, int[] techniqueRegion, int[] resourceRegion, int[] targetRegion, int[] targetYear,
          List<Transport> transport, List<Trade> trade, String currency, double tradeBalance, int years,
          List<Capital> capital, List<Stock> stocks, List<Availability> availability, SparseMatrix capitalInputs) {
        this.regions = List.copyOf(regions);
        this.techniqueRegion = techniqueRegion;
        this.resourceRegion = resourceRegion;
        this.targetRegion = targetRegion;
        this.targetYear = targetYear;
        this.transport = List.copyOf(transport);
        this.trade = List.copyOf(trade);
        this.currency = currency;
        // -0.0 and 0.0 are the same balance; keep one so that equality is about meaning
        this.tradeBalance = tradeBalance == 0 ? 0.0 : tradeBalance;
        this.years = years;
        this.capital = List.copyOf(capital);
        this.stocks = List.copyOf(stocks);
        this.availability = List.copyOf(availability);
        this.capitalInputs = capitalInputs;
    }

    /** True when the economy has none of the optional parts. */
    public boolean isEmpty() {
        return regions.isEmpty() && transport.isEmpty() && trade.isEmpty() && currency == null && tradeBalance == 0
                && years == 0 && capital.isEmpty() && stocks.isEmpty() && availability.isEmpty()
                && capitalInputs == null;
    }

    // ---- republics

    public List<Region> regions() {
        return regions;
    }

    public boolean isRegional() {
        return !regions.isEmpty();
    }

    /** The region's index, or -1. */
    public int regionIndex(String id) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public String regionId(int region) {
        return region < 0 ? null : regions.get(region).id();
    }

    /** The technique's region, or -1. */
    public int techniqueRegion(int t) {
        return techniqueRegion.length == 0 ? -1 : techniqueRegion[t];
    }

    /** The resource's region, or -1. */
    public int resourceRegion(int r) {
        return resourceRegion.length == 0 ? -1 : resourceRegion[r];
    }

    /** The target's region, or -1. */
    public int targetRegion(int i) {
        return targetRegion.length == 0 ? -1 : targetRegion[i];
    }

    public List<Transport> transport() {
        return transport;
    }

    // ---- foreign trade

    public List<Trade> trade() {
        return trade;
    }

    /** The currency of world prices, or null when not named. */
    public String currency() {
        return currency;
    }

    /** Exports less imports at world prices must be at least this (negative: a planned deficit). */
    public double tradeBalance() {
        return tradeBalance;
    }

    // ---- years

    /** The number of years planned; 0 for a one-year economy without years. */
    public int years() {
        return years;
    }

    /** The target's year (1..years), or 0 when it holds every year. */
    public int targetYear(int i) {
        return targetYear.length == 0 ? 0 : targetYear[i];
    }

    public List<Capital> capital() {
        return capital;
    }

    public List<Stock> stocks() {
        return stocks;
    }

    public List<Availability> availability() {
        return availability;
    }

    /**
     * The capital each technique needs per unit of level (products x techniques): stocks it
     * holds, not inputs used up. Null when no technique needs capital.
     */
    public SparseMatrix capitalInputs() {
        return capitalInputs;
    }

    /** The same parts with other foreign trade terms (licences on the record narrow the limits). */
    public Parts withTrade(List<Trade> newTrade) {
        return new Parts(regions, techniqueRegion, resourceRegion, targetRegion, targetYear, transport, newTrade,
                currency, tradeBalance, years, capital, stocks, availability, capitalInputs);
    }

    /** These parts with the targets' regions (-1: none) and years (0: every year) given. */
    Parts withTargetPlaces(int[] region, int[] year) {
        return new Parts(regions, techniqueRegion, resourceRegion, region, year, transport, trade, currency,
                tradeBalance, years, capital, stocks, availability, capitalInputs);
    }

    /** These parts for other targets: the targets' regions and years are dropped. */
    Parts withoutTargetPlaces() {
        return new Parts(regions, techniqueRegion, resourceRegion, new int[0], new int[0], transport, trade, currency,
                tradeBalance, years, capital, stocks, availability, capitalInputs);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Parts)) {
            return false;
        }
        Parts p = (Parts) o;
        return regions.equals(p.regions) && sameRegions(techniqueRegion, p.techniqueRegion)
                && sameRegions(resourceRegion, p.resourceRegion) && sameRegions(targetRegion, p.targetRegion)
                && sameYears(targetYear, p.targetYear) && transport.equals(p.transport) && trade.equals(p.trade)
                && Objects.equals(currency, p.currency) && Double.compare(tradeBalance, p.tradeBalance) == 0
                && years == p.years && capital.equals(p.capital) && stocks.equals(p.stocks)
                && availability.equals(p.availability) && Objects.equals(capitalInputs, p.capitalInputs);
    }

    /** An empty array and one of -1s say the same: no item has a region. */
    private static boolean sameRegions(int[] a, int[] b) {
        return Arrays.equals(normal(a, -1), normal(b, -1));
    }

    private static boolean sameYears(int[] a, int[] b) {
        return Arrays.equals(normal(a, 0), normal(b, 0));
    }

    private static int[] normal(int[] a, int none) {
        for (int v : a) {
            if (v != none) {
                return a;
            }
        }
        return new int[0];
    }

    @Override
    public int hashCode() {
        return regions.size() * 31 + years;
    }

    @Override
    public String toString() {
        return "Parts[" + regions.size() + " regions, " + transport.size() + " transport links, " + trade.size()
                + " trade terms, " + years + " years, " + capital.size() + " capital products]";
    }
}
