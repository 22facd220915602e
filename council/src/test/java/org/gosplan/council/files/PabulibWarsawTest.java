package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.gosplan.council.count.EqualShares;
import org.gosplan.council.count.Greedy;
import org.gosplan.council.count.Tally;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ten Warsaw participatory budgets from Pabulib (local areas of 2019, districts of 2022 and
 * 2023), not used while the counts were written. Warsaw counted them greedily by approvals, and
 * the greedy count must buy what the city bought (the file's {@code selected} column). The Method
 * of Equal Shares with add1 on the same ballots must buy what an independent implementation of
 * the rule buys: {@code council/scripts/mes_add1_reference.py}, written from the rule's published
 * description (voters with equal ballots grouped, a different code path from the count's), with
 * councils.md's variant (each voter starts with the budget divided by the voters rounded down to
 * whole units, add1 raises it by one unit until the outcome would overspend). For every one of
 * these budgets that script also gives the same set with pabutools' variant of add1 (the start
 * not rounded, stopping at the first exhaustive outcome), so the variant does not decide them.
 */
class PabulibWarsawTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "poland_warszawa_2019_grochow-centrum.pb|598|1139 260 675 836|1139 260 262 438 506 836 915",
        "poland_warszawa_2019_miedzylesie.pb|466|2365 304 305 310 316 492 609|2365 304 305 310 316 492 609",
        "poland_warszawa_2019_muranow.pb|182|1406 1582|1406 1582",
        "poland_warszawa_2019_radosc.pb|185|1318 2391 2397 2407 257|1318 2391 2397 2407 257",
        "poland_warszawa_2019_srodmiescie-polnocne.pb|396|1348 1362 152 1564 1874 2348 629 630 644"
                + "|1348 1362 152 1564 1874 2348 629 630 644",
        "poland_warszawa_2019_stare-miasto.pb|413|1198 1297 1327 1339 176 1913 2380 439"
                + "|1198 1297 1327 1339 176 1913 2380 439",
        "poland_warszawa_2019_zerzen.pb|331|255 263 309 365 366 596 708|255 263 309 365 366 596 708",
        "poland_warszawa_2022_wilanow.pb|2400|159 2077 236 252 289 331 335 337 351 399 681 720 977"
                + "|145 159 1747 2077 236 289 331 335 337 351 399 681 684 720 832 977",
        "poland_warszawa_2023_rembertow.pb|1172|1090 1147 1260 1384 1639 209 839 840 849"
                + "|1090 1258 1260 1324 1384 1569 1639 782 839 840 849 874 950 1883 1899 1910",
        "poland_warszawa_2023_wesola.pb|1181|1042 1763 1778 276 277 459 466 548 549 550 552 553 726 734 740 777 818"
                + "|1750 1763 1775 1778 254 276 277 459 466 548 549 550 552 553 689 726 734 740 777 817 818",
    })
    void greedyIsWhatWarsawBoughtAndEqualSharesIsTheReferences(String file, int voters, String official,
            String equalShares) {
        PabulibElection e = PabulibTest.read(file);
        assertEquals(voters, e.ballots().stream().mapToLong(b -> b.count()).sum(), file + " voters");
        assertEquals("greedy", e.meta().get("rule"));
        Set<String> selected = set(official);
        assertEquals(selected, new TreeSet<>(e.selected()), file + ": the selected column");
        Tally greedy = Greedy.count(e.options(), e.ballots(), e.costs(), e.budget());
        assertEquals(selected, new TreeSet<>(greedy.winners()), file + ": greedy against the city's outcome");
        Tally mes = EqualShares.count(e.options(), e.ballots(), e.costs(), e.budget());
        assertEquals(set(equalShares), new TreeSet<>(mes.winners()), file + ": equal shares against the reference");
        double spent = 0;
        for (String w : mes.winners()) {
            spent += e.costs()[e.options().names().indexOf(w)];
        }
        assertEquals(true, spent <= e.budget(), file + ": spends " + spent + " of " + e.budget());
    }

    /** Grochów Centrum's file goes from META straight to its pairs, without the key;value header line. */
    @org.junit.jupiter.api.Test
    void aMetaSectionWithoutItsHeaderLineKeepsItsFirstPair() {
        PabulibElection e = PabulibTest.read("poland_warszawa_2019_grochow-centrum.pb");
        assertEquals("Local PB in Warsaw, Praga-Południe | Grochów Centrum", e.meta().get("description"));
        assertEquals(376634.74, e.budget());
        PabulibElection withHeader = Pabulib.parse("h.pb", PabulibTest.text("poland_warszawa_2019_grochow-centrum.pb")
                .replaceFirst("META\n", "META\nkey;value\n"));
        assertEquals(e.meta(), withHeader.meta());
    }

    private static Set<String> set(String ids) {
        return new TreeSet<>(java.util.List.of(ids.split(" ")));
    }
}
