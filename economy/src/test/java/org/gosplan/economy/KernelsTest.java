package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** SparseMatrix and IdIndex against plain references (TreeMap, dense arrays, HashMap). */
class KernelsTest {

    // ---- SparseMatrix

    @Property(tries = 300)
    void builderSortsAndReportsDuplicates(@ForAll @IntRange(min = 0, max = 12) int rows,
                                          @ForAll @IntRange(min = 0, max = 12) int cols,
                                          @ForAll @IntRange(min = 0, max = 200) int entries,
                                          @ForAll Random r) {
        SparseMatrix.Builder b = new SparseMatrix.Builder(rows, cols);
        // reference: (col, row) -> first value, and the positions of repeats
        TreeMap<Long, Double> ref = new TreeMap<>();
        List<long[]> expectedDuplicates = new ArrayList<>();
        double[][] dense = new double[rows][cols];
        int added = rows == 0 || cols == 0 ? 0 : entries;
        for (int k = 0; k < added; k++) {
            int i = r.nextInt(rows);
            int j = r.nextInt(cols);
            double v = r.nextInt(4) == 0 ? -r.nextDouble() : r.nextDouble() + 1e-300;
            b.add(i, j, v);
            long key = (long) j * 1000 + i;
            if (ref.containsKey(key)) {
                expectedDuplicates.add(new long[] {i, j, k});
            } else {
                ref.put(key, v);
                dense[i][j] = v;
            }
        }
        assertEquals(added, b.size());
        List<long[]> duplicates = new ArrayList<>();
        SparseMatrix m = b.build((row, col, at) -> duplicates.add(new long[] {row, col, at}));
        assertEquals(rows, m.rows());
        assertEquals(cols, m.cols());
        assertEquals(ref.size(), m.nonzeros());
        // CSC in (col, row) order, equal to the TreeMap's order
        int k = 0;
        int[] start = m.columnStarts();
        for (Map.Entry<Long, Double> e : ref.entrySet()) {
            int j = (int) (e.getKey() / 1000);
            int i = (int) (e.getKey() % 1000);
            assertTrue(start[j] <= k && k < start[j + 1], "entry " + k + " outside column " + j);
            assertEquals(i, m.rowIndexes()[k]);
            assertEquals(e.getValue(), m.values()[k]);
            k++;
        }
        // every repeat reported once, with its insertion position (in any order)
        assertEquals(sorted(expectedDuplicates), sorted(duplicates));
        // get() agrees with the dense reference everywhere, and so do column sums
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(dense[i][j], m.get(i, j));
            }
        }
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int kk = start[j]; kk < start[j + 1]; kk++) {
                s += m.values()[kk];
            }
            assertEquals(s, m.columnSum(j));
        }
        // transpose: (i, j) -> (j, i); twice gives the same matrix
        SparseMatrix t = m.transpose();
        assertEquals(cols, t.rows());
        assertEquals(rows, t.cols());
        assertEquals(m.nonzeros(), t.nonzeros());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(dense[i][j], t.get(j, i));
            }
        }
        assertEquals(m, t.transpose());
        assertEquals(m.hashCode(), t.transpose().hashCode());
        // the same matrix from dense form, and through wrap of its own arrays
        assertEquals(m, SparseMatrix.fromDense(dense, rows, cols));
        assertEquals(m, SparseMatrix.wrap(rows, cols, m.columnStarts().clone(), m.rowIndexes().clone(),
                m.values().clone()));
    }

    private static List<String> sorted(List<long[]> a) {
        List<String> s = new ArrayList<>();
        for (long[] x : a) {
            s.add(x[0] + "," + x[1] + "," + x[2]);
        }
        s.sort(null);
        return s;
    }

    @Test
    void builderKeepsTheFirstOfARepeat() {
        SparseMatrix m = new SparseMatrix.Builder(3, 2).add(2, 1, 5).add(0, 1, 1).add(2, 1, 7).add(1, 0, 3)
                .build((row, col, at) -> assertEquals(List.of(2, 1, 2), List.of(row, col, at)));
        assertArrayEquals(new int[] {0, 1, 3}, m.columnStarts());
        assertArrayEquals(new int[] {1, 0, 2}, m.rowIndexes());
        assertArrayEquals(new double[] {3, 1, 5}, m.values());
    }

    @Test
    void wrapChecksStructure() {
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 1, new int[] {0, 2}, new int[] {1, 0},
                new double[] {1, 2}), "rows out of order");
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 1, new int[] {0, 2}, new int[] {1, 1},
                new double[] {1, 2}), "repeated row");
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 1, new int[] {0, 1}, new int[] {2},
                new double[] {1}), "row out of range");
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 1, new int[] {0, 1}, new int[] {0},
                new double[] {Double.NaN}), "NaN");
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 2, new int[] {0, 1, 0}, new int[] {0},
                new double[] {1}), "starts decrease");
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.wrap(2, 2, new int[] {0, 1}, new int[] {0},
                new double[] {1}), "starts length");
        SparseMatrix z = SparseMatrix.zero(3, 4);
        assertEquals(0, z.nonzeros());
        assertEquals(0.0, z.get(2, 3));
        assertEquals(SparseMatrix.zero(4, 3), z.transpose());
        assertNotEquals(SparseMatrix.zero(3, 3), z);
    }

    // ---- IdIndex

    @Property(tries = 200)
    void idIndexAgreesWithHashMap(@ForAll @IntRange(min = 0, max = 3000) int n, @ForAll Random r) {
        IdIndex index = new IdIndex(r.nextInt(20));
        Map<String, Integer> ref = new HashMap<>();
        List<String> order = new ArrayList<>();
        String[] pieces = {"Aa", "BB", "C#", "Db", "a", "b", "é", "漢", "😀", " ", "\"", ""};
        for (int k = 0; k < n; k++) {
            String id;
            if (!order.isEmpty() && r.nextInt(5) == 0) {
                id = order.get(r.nextInt(order.size())); // a repeat
            } else {
                StringBuilder b = new StringBuilder();
                int len = 1 + r.nextInt(6);
                for (int i = 0; i < len; i++) {
                    b.append(pieces[r.nextInt(pieces.length)]);
                }
                id = b.length() == 0 ? "x" : b.toString();
            }
            Integer old = ref.get(id);
            int got = index.add(id);
            if (old != null) {
                assertEquals(-old - 1, got, id);
            } else {
                assertEquals(ref.size(), got, id);
                ref.put(id, got);
                order.add(id);
            }
            assertEquals(ref.size(), index.size());
        }
        for (Map.Entry<String, Integer> e : ref.entrySet()) {
            assertEquals(e.getValue(), index.indexOf(e.getKey()));
            byte[] b = ("[" + e.getKey() + "]").getBytes(StandardCharsets.UTF_8);
            assertEquals(e.getValue(), index.indexOf(b, 1, b.length - 1), "lookup from inside a buffer");
            assertEquals(e.getKey(), index.id(e.getValue()));
        }
        for (int k = 0; k < 50; k++) {
            String absent = "absent" + r.nextInt() + (k % 2 == 0 ? "Aa" : "BB");
            if (!ref.containsKey(absent)) {
                assertEquals(-1, index.indexOf(absent));
            }
        }
        assertArrayEquals(order.toArray(new String[0]), index.ids());
        assertTrue(index.sameIds(IdIndex.of(order.toArray(new String[0]))));
    }

    @Test
    void collidingHashCodes() {
        // "Aa" and "BB" have the same String.hashCode; so do all 2^k words made of them
        List<String> ids = new ArrayList<>();
        for (int mask = 0; mask < 1 << 10; mask++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                b.append((mask >> i & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(b.toString());
        }
        assertEquals(1, ids.stream().map(String::hashCode).distinct().count());
        IdIndex index = new IdIndex();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, index.add(ids.get(i)));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, index.indexOf(ids.get(i)));
            assertEquals(-i - 1, index.add(ids.get(i)));
        }
        assertEquals(-1, index.indexOf("AaAa"));
        assertEquals(1024, index.size());
    }

    @Test
    void idIndexEdges() {
        IdIndex x = new IdIndex(0);
        assertEquals(-1, x.indexOf("a"));
        assertEquals(0, x.add(""));
        assertEquals(0, x.indexOf(""));
        assertEquals(1, x.add("long".repeat(1000)));
        assertEquals(1, x.indexOf("long".repeat(1000)));
        assertThrows(IndexOutOfBoundsException.class, () -> x.id(2));
        assertThrows(IndexOutOfBoundsException.class, () -> x.id(-1));
        assertThrows(IllegalArgumentException.class, () -> IdIndex.of("a", "b", "a"));
        assertTrue(IdIndex.of("a", "b").sameIds(IdIndex.of("a", "b")));
        assertTrue(!IdIndex.of("a", "b").sameIds(IdIndex.of("b", "a")));
        assertTrue(!IdIndex.of("ab", "c").sameIds(IdIndex.of("a", "bc")));
        // an index grown from a small start equals one sized up front
        IdIndex small = new IdIndex(1);
        IdIndex big = new IdIndex(100000);
        Random r = new Random(7);
        for (int i = 0; i < 50000; i++) {
            String id = Long.toString(r.nextLong(), 36);
            assertEquals(small.add(id), big.add(id));
        }
        assertTrue(small.sameIds(big));
    }
}
