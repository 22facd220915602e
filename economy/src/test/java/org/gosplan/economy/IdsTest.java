package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The nearest known id for "did you mean". */
class IdsTest {
    private static final List<String> RESOURCES = List.of("land", "labour", "capital", "imports");

    @Test
    void suggestsTheIdOneSlipAway() {
        assertEquals("labour", Ids.nearest("labor", RESOURCES));
        assertEquals("labour", Ids.nearest("Labour", RESOURCES));
        assertEquals("labour", Ids.nearest("lbaour", RESOURCES)); // two letters swapped: one edit
        assertEquals("imports", Ids.nearest("imprts", RESOURCES));
        assertEquals("; did you mean 'labour'?", Ids.didYouMean("labor", RESOURCES));
    }

    @Test
    void suggestsNothingFarAway() {
        assertNull(Ids.nearest("energy", RESOURCES));
        assertNull(Ids.nearest("lab", RESOURCES)); // three edits for three letters
        assertNull(Ids.nearest("x", List.of("y"))); // one edit, but the whole id
        assertNull(Ids.nearest("labour", RESOURCES)); // known: nothing to suggest
        assertEquals("", Ids.didYouMean("energy", RESOURCES));
    }

    @Test
    void theFirstOfEquallyNearIdsWins() {
        assertEquals("plan", Ids.nearest("plam", List.of("plan", "play")));
        assertEquals("play", Ids.nearest("plam", List.of("play", "plan")));
        // but a nearer one later wins over a farther one first
        assertEquals("abcdef", Ids.nearest("abcdef!", List.of("abcd", "abcdef")));
    }

    @Test
    void textbookDistances() {
        assertEquals(3, Ids.distance("kitten", "sitting", 10)); // Levenshtein's example
        assertEquals(3, Ids.distance("ca", "abc", 10)); // OSA, not Damerau (2): a swapped pair is not edited again
        assertEquals(1, Ids.distance("ab", "ba", 10));
        assertEquals(0, Ids.distance("", "", 10));
        assertEquals(4, Ids.distance("", "abcd", 10));
        assertEquals(2, Ids.distance("abcdef", "zzzzzz", 1)); // cut off at limit + 1
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcd").ofMinLength(0).ofMaxLength(7);
    }

    /** The distance by its definition, searched over all edit sequences: memoised recursion. */
    private static int reference(String a, String b, Map<String, Integer> memo) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.length() + b.length();
        }
        String key = a + "|" + b;
        Integer known = memo.get(key);
        if (known != null) {
            return known;
        }
        int n = a.length();
        int m = b.length();
        int d = Math.min(reference(a.substring(0, n - 1), b, memo) + 1, reference(a, b.substring(0, m - 1), memo) + 1);
        d = Math.min(d, reference(a.substring(0, n - 1), b.substring(0, m - 1), memo)
                + (a.charAt(n - 1) == b.charAt(m - 1) ? 0 : 1));
        if (n > 1 && m > 1 && a.charAt(n - 1) == b.charAt(m - 2) && a.charAt(n - 2) == b.charAt(m - 1)) {
            d = Math.min(d, reference(a.substring(0, n - 2), b.substring(0, m - 2), memo) + 1);
        }
        memo.put(key, d);
        return d;
    }

    @Property
    void distanceMatchesItsDefinition(@ForAll("words") String a, @ForAll("words") String b) {
        int expected = reference(a, b, new HashMap<>());
        assertEquals(expected, Ids.distance(a, b, 20));
        assertEquals(expected, Ids.distance(b, a, 20));
        assertEquals(Math.min(expected, 2), Ids.distance(a, b, 1));
    }
}
