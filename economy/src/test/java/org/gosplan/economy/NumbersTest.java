package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict decimal numbers: parse is Double.parseDouble restricted to decimal text; format round-trips. */
class NumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "0x1p3", "0X10", "1d", "1D", "1f",
        "1F", " 1", "1 ", "", ".", "-.", "+", "-", "e5", "E5", ".e1", "1e", "1e+", "1e-", "--1", "+-1", "-+1",
        "1..2", "1.2.3", "1e5.0", "1e5e5", "1,5", "٣", "１", "1_000", "\t1", "1\n", "one", "0b1", "1e 5"})
    void rejectsNonDecimal(String text) {
        assertTrue(Double.isNaN(Numbers.parse(text)), () -> "'" + text + "' -> " + Numbers.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "1", "+1", "-1", "1.", ".5", "-.5", "0.25", "1e6", "1E6", "1e+6", "1e-6",
        "2.5e3", "-1e-3", "00012", "0.1", "0.3", "123456789012345678", "1234567890123456789012345",
        "9007199254740993", "9007199254740992.5", "1e22", "1e23", "4.35", "1e308", "1.7976931348623157e308",
        "1.7976931348623158e308", "1e309", "4.9e-324", "2e-324", "3e-324", "1e-400", "2.2250738585072011e-308",
        "0.000000000000000000000000000001", "1e0000000000000000005", "100000000000000000000000e-3",
        "0.1000000000000000055511151231257827021181583404541015625", "1e-22", "1e-23", "123e-20", "8.41e21",
        "5e-324", "1e99999999999", "1e-99999999999"})
    void agreesWithJavaOnDecimal(String text) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(Numbers.parse(text)),
                () -> text + " -> " + Numbers.parse(text) + " but Java reads " + Double.parseDouble(text));
    }

    @Test
    void parsesWithinBytes() {
        byte[] b = "x,12.5,y".getBytes(StandardCharsets.US_ASCII);
        assertEquals(12.5, Numbers.parse(b, 2, 6));
        assertTrue(Double.isNaN(Numbers.parse(b, 2, 7)));
        assertTrue(Double.isNaN(Numbers.parse(b, 2, 2)));
    }

    @Test
    void formatsIntegersWithoutFraction() {
        assertEquals("0", Numbers.format(0.0));
        assertEquals("-0", Numbers.format(-0.0));
        assertEquals("3", Numbers.format(3.0));
        assertEquals("-400", Numbers.format(-400.0));
        assertEquals("999999999999999", Numbers.format(999999999999999.0));
        assertEquals("0.25", Numbers.format(0.25));
    }

    /** Doubles of every kind: any bit pattern, integers, near powers of ten, subnormals, extremes. */
    @Provide
    Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> integral = Arbitraries.longs().between(-(1L << 60), 1L << 60).map(l -> (double) l);
        Arbitrary<Double> decimal = Combinators.combine(Arbitraries.longs().between(-99999999999L, 99999999999L),
                Arbitraries.integers().between(-330, 310)).as((m, e) -> Double.parseDouble(m + "e" + e))
                .filter(Double::isFinite);
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e15, Math.nextDown(1e15),
                Math.nextUp(1e15), 1e16, 1e22, 1e23, 9007199254740992.0, 9007199254740994.0, 0.1, 1.0 / 3);
        Arbitrary<Double> any = Arbitraries.doubles();
        return Arbitraries.oneOf(bits, integral, decimal, special, any);
    }

    @Property(tries = 3000)
    void formatParseRoundTrip(@ForAll("finiteDoubles") double x) {
        String s = Numbers.format(x);
        double back = Numbers.parse(s);
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(back), () -> x + " -> " + s + " -> " + back);
        // the text is decimal as formats.md writes it: also valid for Java and for JSON readers
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(s)));
        assertTrue(s.matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?"), s);
    }

    /** Decimal strings in the grammar, many with 17+ digits and exponents beyond 22. */
    @Provide
    Arbitrary<String> decimalStrings() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(30).map(d -> "." + d));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.integers().between(0, 400)).as((e, s, n) -> e + s + n));
        Arbitrary<String> plain = Combinators.combine(sign, digits, fraction, exponent).as((a, b, c, d) -> a + b + c + d);
        Arbitrary<String> leadingDot = Combinators.combine(sign,
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25), exponent)
                .as((a, b, d) -> a + "." + b + d);
        // near-halfway cases: a double's exact decimal expansion cut short, and nudged
        Arbitrary<String> halfway = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)
                .map(d -> new BigDecimal(d).add(new BigDecimal(Math.ulp(d)).divide(BigDecimal.valueOf(2))))
                .map(bd -> bd.toString().replace("E", "e"));
        return Arbitraries.oneOf(plain, leadingDot, halfway);
    }

    @Property(tries = 3000)
    void parseAgreesWithJava(@ForAll("decimalStrings") String s) {
        double expected = Double.parseDouble(s);
        double actual = Numbers.parse(s);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> s + " -> " + actual + ", Java " + expected);
    }

    /** Decimal text with one junk character inserted is rejected (unless it stays decimal). */
    @Property(tries = 1000)
    void junkIsRejected(@ForAll("decimalStrings") String s, @ForAll("junk") char c,
                        @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 60) int at) {
        int i = Math.min(at, s.length());
        String t = s.substring(0, i) + c + s.substring(i);
        assertTrue(Double.isNaN(Numbers.parse(t)), () -> "'" + t + "' -> " + Numbers.parse(t));
    }

    @Provide
    Arbitrary<Character> junk() {
        return Arbitraries.of(' ', 'x', 'd', 'f', 'D', 'F', 'a', 'N', 'I', ',', '_', '\t', '\n', '#', 'p', 'é');
    }
}
