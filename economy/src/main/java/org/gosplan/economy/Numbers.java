package org.gosplan.economy;

import java.nio.charset.StandardCharsets;

/** Strict decimal numbers as formats.md writes them, read and written without loss. */
final class Numbers {
    private Numbers() {}

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * Parses {@code [+-]digits[.digits][(e|E)[+-]digits]} (or {@code .digits}) from bytes; NaN
     * when the text is anything else (words, hex, NaN, Infinity, spaces, an empty field).
     * Correctly rounded: the exact fast path (Clinger) when the digits fit in a double and the
     * power of ten is exact, otherwise {@link Double#parseDouble}.
     */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean overflow = false;
        int intStart = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            int d = b[i] - '0';
            if (significant > 0 || d != 0) {
                significant++;
            }
            if (significant <= 18) {
                mantissa = mantissa * 10 + d;
            } else {
                overflow = true;
                scale++;
            }
            digits++;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                int d = b[i] - '0';
                if (significant > 0 || d != 0) {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + d;
                    scale--;
                } else {
                    overflow = true;
                }
                digits++;
                i++;
            }
            if (i == fracStart && i - 1 == intStart) {
                return Double.NaN; // a lone "."
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negExp = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (exponent < 100000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            if (negExp) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        int e10 = scale + exponent;
        if (!overflow && mantissa < (1L << 53)) {
            double m = mantissa;
            if (e10 == 0) {
                return negative ? -m : m;
            }
            if (e10 > 0 && e10 <= 22) {
                double v = m * POW10[e10];
                return negative ? -v : v;
            }
            if (e10 < 0 && e10 >= -22) {
                double v = m / POW10[-e10];
                return negative ? -v : v;
            }
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }

    /** Parses a string strictly, NaN when it is not a decimal number. */
    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /** The shortest text that reads back to exactly {@code x}: integers without a fraction. */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            if (x == 0 && 1 / x < 0) {
                return "-0";
            }
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /**
     * "; remove the spaces around it" where the text is a number padded with spaces (as some
     * spreadsheets write "5, 6"), else nothing: numbers are strict (formats.md), and the message
     * says what to change.
     */
    static String spacesHint(String text) {
        if (text == null || text.isEmpty() || text.strip().equals(text)) {
            return "";
        }
        byte[] b = text.strip().getBytes(StandardCharsets.UTF_8);
        return Double.isFinite(parse(b, 0, b.length)) ? " (remove the spaces around it)" : "";
    }
}
