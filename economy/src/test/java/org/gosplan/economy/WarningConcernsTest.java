package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings that mean something where they are given, say which use of the data they concern. */
class WarningConcernsTest {
    @TempDir
    Path tmp;

    static String economy(String steelUnit, String tractorUnit) {
        return "{\"format\": \"gosplan/economy@1\", \"name\": \"t\","
                + " \"products\": [{\"id\": \"steel\", \"unit\": \"" + steelUnit + "\"},"
                + " {\"id\": \"tractor\", \"unit\": \"" + tractorUnit + "\"}],"
                + " \"resources\": [{\"id\": \"labour\", \"unit\": \"h\"}],"
                + " \"techniques\": ["
                + "  {\"id\": \"mill\", \"outputs\": {\"steel\": 1}, \"inputs\": {\"labour\": 10}},"
                + "  {\"id\": \"tractor-plant\", \"outputs\": {\"tractor\": 1},"
                + "   \"inputs\": {\"steel\": 2, \"labour\": 400}}],"
                + " \"targets\": [{\"product\": \"tractor\", \"quantity\": 5}]}";
    }

    static boolean columnSumWarning(List<Problem> warnings) {
        return warnings.stream().anyMatch(w -> w.message().contains("column sum of A"));
    }

    @Test
    void aPhysicalEconomyGetsNoColumnSumWarning() {
        // two tonnes of steel per tractor: a column sum of 2 in mixed units says nothing
        Path f = TestFiles.write(tmp.resolve("farm.economy.json"), economy("t", "pcs"));
        Source s = EconomyFiles.read(f, Progress.NONE);
        assertFalse(columnSumWarning(s.warnings()), TestFiles.dump(s.warnings()));
    }

    @Test
    void anEconomyInOneUnitOfValueGetsIt() {
        Path f = TestFiles.write(tmp.resolve("value.economy.json"), economy("GBP million", "GBP million"));
        Source s = EconomyFiles.read(f, Progress.NONE);
        Problem w = warning(s.warnings(), "technique 'tractor-plant'", "2.0 units", "column sum of A >= 1");
        assertEquals(Problem.Concern.COEFFICIENTS, w.concern());
    }

    @Test
    void aTableGetsItWhereItsColumnSumIsOneOrMore() {
        // column b of Z adds up to 21.5, its output is 10: A's column sum is 2.15
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve("x.csv"), "sector,output\na,100\nb,10\nc,200\n");
        Source s = EconomyFiles.read(t, Progress.NONE);
        warning(s.warnings(), "technique 'make-b'", "2.15 units", "column sum of A >= 1");
        assertEquals(1, s.warnings().stream().filter(w -> w.message().contains("column sum")).count());
    }

    @Test
    void unitsOfValueAreToldFromCurrencies() {
        for (String u : new String[] {"GBP million", "USD million", "Mill USD", "€ bn", "$", "million euros"}) {
            assertTrue(ColumnSums.isValue(u), u);
        }
        for (String u : new String[] {"t", "kg", "pcs", "h", "hours", "thousand", "million hours worked by employees",
            "TJ", "GWh", "ha"}) {
            assertFalse(ColumnSums.isValue(u), u);
        }
    }

    @Test
    void anOutputThatDisagreesWithZPlusYIsNamed() {
        // sector c: Z's row adds to 3.5, Y's to -2, x.csv says 200
        Source s = EconomyFiles.read(Fixtures.table(tmp), Progress.NONE);
        Problem w = warning(s.warnings(), "x.csv", "sector 'c'", "given is 200", "add up to 1.5", "99.3% apart");
        assertEquals(Problem.Concern.READING, w.concern());
        assertEquals(1, s.warnings().stream().filter(p -> p.message().contains("output given")).count(),
                TestFiles.dump(s.warnings()));
    }

    @Test
    void bundledTablesAgreeWithTheirOutputsOrSayWhyNot() {
        Source uk = EconomyFiles.read(TestFiles.examples().resolve("uk-ons-2010"), Progress.NONE);
        assertFalse(uk.warnings().stream().anyMatch(p -> p.message().contains("output given")),
                TestFiles.dump(uk.warnings()));
        // the US extract holds only households' final demand (its README says so)
        Source us = EconomyFiles.read(TestFiles.examples().resolve("usa-wiod-2014"), Progress.NONE);
        List<Problem> off = us.warnings().stream().filter(p -> p.where().equals("x.csv")
                && !p.message().contains("zero total output")).toList();
        assertEquals(6, off.size(), TestFiles.dump(us.warnings()));
        assertTrue(off.get(0).message().startsWith("sector 'F': the total output given is 1204025"),
                off.get(0).message());
        assertTrue(off.get(5).message().contains("more sectors"), off.get(5).message());
    }

    @Test
    void warningsSayWhichUseTheyConcern() {
        // the fixture: sector c's final demand is negative, factor taxes has a negative entry
        Source s = EconomyFiles.read(Fixtures.table(tmp), Progress.NONE);
        assertEquals(Problem.Concern.PLANNING, warning(s.warnings(), "Y.csv", "'c'", "negative").concern());
        assertEquals(Problem.Concern.PLANNING, warning(s.warnings(), "F.csv", "'taxes'", "negative").concern());
        List<Problem> model = s.warnings(EnumSet.of(Problem.Concern.READING, Problem.Concern.COEFFICIENTS));
        assertFalse(model.stream().anyMatch(p -> p.concern() == Problem.Concern.PLANNING), TestFiles.dump(model));
        assertEquals(s.warnings().size(), s.warnings(EnumSet.allOf(Problem.Concern.class)).size());
        Source usa = EconomyFiles.read(TestFiles.examples().resolve("usa-wiod-2014"), Progress.NONE);
        assertEquals(Problem.Concern.COEFFICIENTS, warning(usa.warnings(), "x.csv", "'U'", "zero").concern());
    }
}
