package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.gosplan.council.count.CountException;
import org.gosplan.council.count.Elections;
import org.gosplan.council.count.Stv;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Corrupted PrefLib files: the reader returns an election or refuses with a located
 * {@link PrefLibException}; never another exception. What it returns can be counted.
 */
class PrefLibFuzzTest {
    private static final List<String> FILES = List.of(
            PrefLibReaderTest.file("toi", 6, 3, "3: 2,{1,3}\n2: 3,1\n1: {1,2},3\n"),
            PrefLibReaderTest.file("soc", 4, 2, "3: 1,2,3\n1: 3,2,1\n"),
            "# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 3\n# NUMBER CATEGORIES: 2\n"
                    + "# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n2: {1,3},2\n1: {},{1,2,3}\n",
            Elections.text("00008-00000003.soi").replaceAll("# NUMBER (VOTERS|UNIQUE ORDERS).*\n", "").substring(0, 3000));
    private static final String NAMES = "t.toi t.soc t.cat t.soi";
    private static final char[] SPECIAL = {',', '{', '}', ':', '#', '\n', '\r', ' ', '0', '1', '9', '-', 'x', '\uFEFF',
        '\t', '\u00e9'};

    @Property(tries = 1500)
    void corruptionIsRefusedWithALocatedErrorOrRead(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 1, max = 6) int edits) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(FILES.get(which));
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.setCharAt(at, SPECIAL[r.nextInt(SPECIAL.length)]);
                case 1 -> s.insert(at, SPECIAL[r.nextInt(SPECIAL.length)]);
                case 2 -> s.deleteCharAt(at);
                default -> s.setLength(at);
            }
        }
        String name = NAMES.split(" ")[which];
        try {
            PrefLibElection e = PrefLibReader.parse(name, s.toString());
            if (e.ranked() && e.options().size() > 0) {
                Stv.count(e.options(), e.rankings(), 1);
            }
        } catch (PrefLibException e) {
            assertTrue(e.where().startsWith(name), e.where());
            assertTrue(e.getMessage().startsWith(e.where() + ": "), e.getMessage());
        } catch (CountException e) {
            fail("a count refused what the reader accepted: " + e.getMessage());
        } catch (RuntimeException e) {
            fail("the reader threw " + e + " on\n" + s, e);
        }
    }

    @Property(tries = 50)
    void theUncorruptedFilesRead(@ForAll @IntRange(min = 0, max = 3) int which) {
        String name = NAMES.split(" ")[which];
        PrefLibElection e = PrefLibReader.parse(name, FILES.get(which).substring(0, FILES.get(which).lastIndexOf('\n') + 1));
        assertEquals(3 == which ? 10 : 3, e.options().size());
    }
}
