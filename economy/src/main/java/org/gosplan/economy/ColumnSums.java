package org.gosplan.economy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The warning that a technique uses products worth as much as or more than its output (a
 * column sum of A of 1 or more), which says the economy may not be productive. The sum only
 * means that in units of value: a tractor made from two tonnes of steel is no defect. So it is
 * given for input-output tables (whose flows are in one money unit) and, in an economy, only for
 * techniques whose output and product inputs are all measured in one and the same unit of value.
 */
final class ColumnSums {
    private ColumnSums() {}

    private static final int LISTED = 20;

    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF",
            "CAD", "AUD", "NZD", "RUB", "BRL", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "KRW", "MXN", "ZAR", "TRY",
            "ARS", "CLP", "COP", "IDR", "MYR", "PHP", "THB", "VND", "SGD", "HKD", "TWD", "ILS", "SAR", "AED", "EGP",
            "NGN", "KES", "UAH", "RON", "BGN", "ISK", "PKR", "BDT");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern MONEY_WORD = Pattern.compile(
            "(?i)\\b(dollars?|euros?|yuan|yen|rupees?|roubles?|rubles?|francs?|krona|krone|kronor|pesos?|reais"
                    + "|real)\\b");

    /** Whether a unit is one of value (money): a currency code or symbol, as in "GBP million" or "$bn". */
    static boolean isValue(String unit) {
        if (unit == null) {
            return false;
        }
        if (unit.matches(".*[$£€¥₹₽].*") || MONEY_WORD.matcher(unit).find()) {
            return true;
        }
        var m = WORD.matcher(unit);
        while (m.find()) {
            if (CURRENCIES.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Warns of single-output techniques whose product inputs per unit of output add up to 1 or
     * more. {@code valueTable}: the economy is an input-output table's, all in one unit of value.
     */
    static void warn(Economy e, boolean valueTable, Problems problems) {
        SparseMatrix out = e.outputs();
        int[] os = out.columnStarts();
        int[] or = out.rowIndexes();
        double[] ov = out.values();
        SparseMatrix in = e.productInputs();
        int[] is = in.columnStarts();
        int[] ir = in.rowIndexes();
        double[] iv = in.values();
        int reported = 0;
        for (int t = 0; t < e.techniques(); t++) {
            if (os[t + 1] - os[t] != 1 || ov[os[t]] <= 0) {
                continue;
            }
            if (!valueTable && !allInOneUnitOfValue(e, e.productUnit(or[os[t]]), ir, is[t], is[t + 1])) {
                continue;
            }
            double sum = 0;
            for (int k = is[t]; k < is[t + 1]; k++) {
                sum += iv[k];
            }
            double perUnit = sum / ov[os[t]];
            if (perUnit >= 1.0 && reported++ < LISTED) {
                problems.warn(Problem.Concern.COEFFICIENTS, "technique '" + e.techniqueId(t) + "'", "technique '"
                        + e.techniqueId(t) + "' uses " + perUnit + " units of products per unit of output (column sum"
                        + " of A >= 1, in units of value); the economy may not be productive");
            }
        }
        if (reported > LISTED) {
            problems.warn(Problem.Concern.COEFFICIENTS, "", (reported - LISTED)
                    + " more techniques have column sums of A >= 1");
        }
    }

    private static boolean allInOneUnitOfValue(Economy e, String unit, int[] rows, int from, int to) {
        if (!isValue(unit)) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!unit.equals(e.productUnit(rows[k]))) {
                return false;
            }
        }
        return true;
    }
}
