package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gosplan.council.count.EqualShares;

/**
 * Damaged Pabulib files: a file with lines dropped, repeated, swapped or cut, characters
 * replaced, is either read (and then counts) or refused with a PabulibException that names the
 * file and a line within it; never any other exception.
 */
class PabulibFuzzTest {
    static final String ASSEN = PabulibTest.text("Netherlands_Assen_2024.pb");
    static final char[] NOISE = {';', ',', '"', '\n', '\r', '-', '.', '0', '9', 'x', ' ', '\u00e9', '\uFEFF'};

    static String damage(String text, long seed, int hits) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int h = 0; h < hits; h++) {
            int at = r.nextInt(lines.size());
            switch (r.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(r.nextInt(lines.size())));
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    String tmp = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, tmp);
                }
                case 3 -> {
                    String line = lines.get(at);
                    lines.set(at, line.substring(0, r.nextInt(line.length() + 1)));
                }
                default -> {
                    String line = lines.get(at);
                    if (!line.isEmpty()) {
                        int i = r.nextInt(line.length());
                        lines.set(at, line.substring(0, i) + NOISE[r.nextInt(NOISE.length)] + line.substring(i + 1));
                    }
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    @Property(tries = 1000)
    void aDamagedFileIsReadOrRefusedWithItsLine(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int hits) {
        String text = damage(ASSEN, seed, hits);
        int lineCount = text.split("\r?\n", -1).length;
        try {
            PabulibElection e = Pabulib.parse("assen.pb", text);
            EqualShares.count(e.options(), e.ballots(), e.costs(), e.budget());
        } catch (PabulibException refused) {
            String where = refused.where();
            assertTrue(where.startsWith("assen.pb:"), where);
            int line = Integer.parseInt(where.substring("assen.pb:".length()));
            assertTrue(line >= 1 && line <= lineCount, where + " of " + lineCount + " lines");
            assertTrue(refused.getMessage().startsWith(where + ": "), refused.getMessage());
        }
    }
}
