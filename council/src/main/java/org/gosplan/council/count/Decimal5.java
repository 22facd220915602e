package org.gosplan.council.count;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Fixed-point numbers with five decimal places, as longs counting hundred-thousandths: the
 * arithmetic of the Scottish count (its rule 48(3) makes every transfer value "to five decimal
 * places (any remainder being ignored)"). Sums are exact; only {@link #mulDivDown} truncates.
 */
final class Decimal5 {
    /** One whole vote. */
    static final long ONE = 100_000L;

    private Decimal5() {}

    static long ofWhole(long votes) {
        return Math.multiplyExact(votes, ONE);
    }

    /**
     * {@code a × b / c}, the remainder ignored: a ballot's new value is its value times the
     * surplus over the candidate's votes, all three in hundred-thousandths.
     */
    static long mulDivDown(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return Math.floorDiv(lo, c);
        }
        // past 2^63 (about 10^8 whole votes times a ballot's value): exact, slowly
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** The number as JSON shows it: always five decimals ({@code 1381.00000}). */
    static BigDecimal decimal(long value) {
        return BigDecimal.valueOf(value, 5);
    }

    static String text(long value) {
        return decimal(value).toPlainString();
    }
}
