package org.gosplan.inspection.lottery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LotteryTest {
    /**
     * Alternate(200, 20) of Flanigan et al., Nature 2021, Supplementary Information S6 (their
     * replication repository's example_small_20): 1 conservative woman, 99 liberal women and 100
     * conservative men; panels of 20 with at least 9 of each gender and each leaning. Their
     * published LEXIMIN minimum probability is 10.0%, everybody's k/n: the one conservative woman is
     * exactly as likely as anyone else, where the Sortition Foundation's greedy algorithm gave her
     * 1.1%.
     */
    static Pool alternate() {
        List<Pool.Member> m = new ArrayList<>();
        m.add(new Pool.Member("p1", Map.of("gender", "female", "leaning", "conservative")));
        for (int i = 2; i <= 100; i++) {
            m.add(new Pool.Member("p" + i, Map.of("gender", "female", "leaning", "liberal")));
        }
        for (int i = 101; i <= 200; i++) {
            m.add(new Pool.Member("p" + i, Map.of("gender", "male", "leaning", "conservative")));
        }
        return new Pool(m);
    }

    static List<Quota> alternateQuotas() {
        return List.of(new Quota("gender", "female", 9, 20), new Quota("gender", "male", 9, 20),
                new Quota("leaning", "liberal", 9, 20), new Quota("leaning", "conservative", 9, 20));
    }

    @Test
    void theAlternateInstanceGivesEveryoneTheirPublishedTenPercent() {
        Selection s = Lottery.select(alternate(), 20, alternateQuotas());
        assertEquals(0.1, s.minProbability(), 1e-9);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(0.1, s.probability(i), 1e-9);
            assertEquals(100, s.seats(i), "p" + (i + 1) + " is on 100 of the 1000 panels");
        }
        assertEquals(3, s.types());
    }

    @Test
    void theSameInputGivesTheSameLotteryBitForBit() {
        Selection a = Lottery.select(alternate(), 20, alternateQuotas());
        Selection b = Lottery.select(alternate(), 20, alternateQuotas());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToLongBits(a.probability(i)), Double.doubleToLongBits(b.probability(i)));
        }
        for (int j = 0; j < a.panels(); j++) {
            assertArrayEquals(a.panel(j), b.panel(j));
        }
    }

    @Test
    void theSeedPicksPanelSeedModM() {
        Selection s = Lottery.select(alternate(), 20, alternateQuotas());
        // 0x03e9 = 1001, 1001 mod 1000 = 1; 0xff...ff (32 bytes) mod 1000 = 2^256 - 1 mod 1000 = 935
        assertEquals(1, s.index(new byte[] {0x03, (byte) 0xe9}));
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertEquals(935, s.index(ones));
        assertEquals(20, s.draw(ones).size());
        assertNotEquals(s.draw(new byte[] {0}), s.draw(new byte[] {1}), "two seeds, two panels");
    }

    @Test
    void noQuotasGiveEveryoneKOverN() {
        List<Pool.Member> m = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            m.add(new Pool.Member("x" + i, Map.of()));
        }
        Selection s = Lottery.select(new Pool(m), 3, List.of());
        for (int i = 0; i < 7; i++) {
            assertEquals(3.0 / 7, s.probability(i), 1e-12);
            // 3000 seats over 7 people: 428 or 429 each, within one of 428.57
            assertTrue(s.seats(i) == 428 || s.seats(i) == 429, "seats " + s.seats(i));
        }
    }

    @Test
    void infeasibleQuotasAreNamedNeverDrawn() {
        List<Quota> q = List.of(new Quota("gender", "female", 12, 20, "q.csv:2"), new Quota("gender", "male", 9, 20,
                "q.csv:3"), new Quota("leaning", "liberal", 0, 20, "q.csv:4"));
        InfeasibleQuotasException e = assertThrows(InfeasibleQuotasException.class,
                () -> Lottery.select(alternate(), 20, q));
        assertEquals(List.of("q.csv:2: gender=female at least 12 (the pool has 100)",
                "q.csv:3: gender=male at least 9 (the pool has 100)"), e.conflict());
        assertEquals("q.csv", e.where());
    }

    @Test
    void aQuotaOnAnAttributeNobodyHasIsAMistake() {
        LotteryException e = assertThrows(LotteryException.class, () -> Lottery.select(alternate(), 20,
                List.of(new Quota("age", "16-29", 1, 5, "q.csv:2"))));
        assertEquals("q.csv:2", e.where());
    }

    @Test
    void filesReadAsTheSortitionFoundationWritesThem(@TempDir Path dir) throws IOException {
        Path pool = dir.resolve("people.csv");
        Files.writeString(pool, "\uFEFFid,gender,\"home, town\"\r\na,f,\"x\"\r\nb,m,y\r\n\r\n");
        Pool p = Pool.read(pool);
        assertEquals(2, p.size());
        assertEquals(Map.of("gender", "m", "home, town", "y"), p.members().get(1).attributes());
        Path quotas = dir.resolve("categories.csv");
        Files.writeString(quotas, "category,feature,min,max,min_flex\ngender,f,1,1,0\n");
        assertEquals(List.of(new Quota("gender", "f", 1, 1, "categories.csv:2")), Quota.read(quotas));
        Files.writeString(pool, "id,gender\na,f\na,m\n");
        assertEquals("people.csv:3", assertThrows(LotteryException.class, () -> Pool.read(pool)).where());
        Files.writeString(quotas, "attr,value,min,max\ngender,f,3,1\n");
        assertEquals("categories.csv:2", assertThrows(LotteryException.class, () -> Quota.read(quotas)).where());
        Files.writeString(pool, "gender\nf\nm\n");
        assertEquals("2", Pool.read(pool).id(1), "without an id column people are numbered from 1");
    }
}
