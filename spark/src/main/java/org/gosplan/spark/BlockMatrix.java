package org.gosplan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A square sparse matrix {@code M} (n x n) partitioned over the cluster by column blocks, one
 * {@link ColumnBlock} per partition, cached in executor memory. Its one kernel is the gather
 * {@code M^T v}: the vector goes to every executor once (a broadcast of {@code 8 n} bytes), each
 * partition returns its slice of the answer ({@code 8 n} bytes in all come back to the driver).
 * The other orientation, {@code M x}, is the gather of {@link #transpose()}: a second copy of the
 * coefficients, made once by a shuffle of blocks (not of entries), so that both products move
 * only vectors, never partial sums of the whole length per partition.
 */
final class BlockMatrix implements Serializable {
    private static final long serialVersionUID = 1L;

    final int n;
    final long nonzeros;
    /** First column of each block, and n at the end. */
    final int[] bounds;
    private final transient JavaRDD<ColumnBlock> blocks;
    private final transient JavaSparkContext sc;

    private BlockMatrix(JavaSparkContext sc, int n, long nonzeros, int[] bounds, JavaRDD<ColumnBlock> blocks) {
        this.sc = sc;
        this.n = n;
        this.nonzeros = nonzeros;
        this.bounds = bounds;
        this.blocks = blocks;
    }

    /**
     * The column blocks of a CSC matrix held on the driver, balanced by nonzeros (columns plus
     * coefficients), cut into {@code parts} blocks, shipped once and cached.
     */
    static BlockMatrix of(JavaSparkContext sc, int n, int[] colStart, int[] rowIndex, double[] value, int parts) {
        int[] bounds = balance(n, colStart, parts);
        List<ColumnBlock> list = new ArrayList<>(bounds.length - 1);
        for (int b = 0; b + 1 < bounds.length; b++) {
            int c0 = bounds[b], c1 = bounds[b + 1];
            int k0 = colStart[c0], k1 = colStart[c1];
            int[] cs = new int[c1 - c0 + 1];
            for (int j = c0; j <= c1; j++) {
                cs[j - c0] = colStart[j] - k0;
            }
            list.add(new ColumnBlock(c0, cs, Arrays.copyOfRange(rowIndex, k0, k1), Arrays.copyOfRange(value, k0, k1)));
        }
        JavaRDD<ColumnBlock> rdd = sc.parallelize(list, list.size()).persist(StorageLevel.MEMORY_ONLY());
        rdd.count(); // materialise now: the time to ship the matrix is not an iteration's
        return new BlockMatrix(sc, n, colStart[n], bounds, rdd);
    }

    /**
     * Blocks already on the executors (made there by {@link EconomyReader}, persisted and counted):
     * block b holds columns {@code bounds[b] .. bounds[b + 1] - 1}.
     */
    static BlockMatrix ofBlocks(JavaSparkContext sc, int n, long nonzeros, int[] bounds, JavaRDD<ColumnBlock> blocks) {
        return new BlockMatrix(sc, n, nonzeros, bounds, blocks);
    }

    /** {@code M 1}: the sum of each row over all the blocks (one partial vector per block, summed by a tree). */
    double[] rowSums() {
        final int size = n;
        return blocks.map(b -> {
            double[] s = new double[size];
            int[] ri = b.rowIndex();
            double[] v = b.value();
            for (int k = 0; k < ri.length; k++) {
                s[ri[k]] += v[k];
            }
            return s;
        }).treeReduce(SparkPlanner::addInto);
    }

    /** {@code M^T 1}: the sum of each column. */
    double[] columnSums() {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return gather(ones, 1);
    }

    /** Whether some coefficient is negative. */
    boolean anyNegative() {
        return !blocks.filter(b -> {
            for (double v : b.value()) {
                if (v < 0) {
                    return true;
                }
            }
            return false;
        }).isEmpty();
    }

    /** Block bounds: {@code parts} ranges of columns with about equal columns + nonzeros. */
    static int[] balance(int n, int[] colStart, int parts) {
        int p = Math.max(1, Math.min(parts, Math.max(1, n)));
        int[] bounds = new int[p + 1];
        long total = (long) colStart[n] + n;
        for (int s = 1; s < p; s++) {
            long goal = total * s / p;
            int lo = bounds[s - 1], hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if ((long) colStart[mid] + mid < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[s] = Math.max(bounds[s - 1], lo);
        }
        bounds[p] = n;
        return bounds;
    }

    /**
     * {@code M^T v} for {@code width} vectors interleaved ({@code v[i * width + c]}): one Spark job.
     */
    double[] gather(double[] v, int width) {
        Broadcast<double[]> bv = sc.broadcast(v);
        try {
            List<Tuple2<Integer, double[]>> parts = blocks
                    .map(b -> new Tuple2<>(b.first(), b.gather(bv.value(), width))).collect();
            double[] out = new double[n * width];
            for (Tuple2<Integer, double[]> t : parts) {
                System.arraycopy(t._2(), 0, out, t._1() * width, t._2().length);
            }
            return out;
        } finally {
            bv.destroy();
        }
    }

    /**
     * {@code M^T} in the same layout and with the same bounds: each block cuts its coefficients
     * by destination block into a small compressed block of its own (primitive arrays), a shuffle
     * takes those to their destinations, where they are merged into columns of {@code M^T} (rows
     * of M) in ascending order.
     */
    BlockMatrix transpose() {
        final int[] b = bounds;
        final int count = b.length - 1;
        JavaPairRDD<Integer, ColumnBlock> pieces = blocks.flatMapToPair(blk -> {
            // entries of this block by destination block: rows of M become columns of M^T
            int m = blk.columns();
            int[] perDest = new int[count];
            for (int k = 0; k < blk.nonzeros(); k++) {
                perDest[blockOf(b, blk.rowIndex()[k])]++;
            }
            List<Tuple2<Integer, ColumnBlock>> out = new ArrayList<>();
            for (int d = 0; d < count; d++) {
                if (perDest[d] == 0) {
                    continue;
                }
                // as columns of M^T local to d: counts per new column, then fill (old columns ascending)
                int r0 = b[d], width = b[d + 1] - b[d];
                int[] cs = new int[width + 1];
                for (int k = 0; k < blk.nonzeros(); k++) {
                    int r = blk.rowIndex()[k];
                    if (r >= r0 && r < b[d + 1]) {
                        cs[r - r0 + 1]++;
                    }
                }
                for (int j = 0; j < width; j++) {
                    cs[j + 1] += cs[j];
                }
                int[] next = Arrays.copyOf(cs, width);
                int[] ri = new int[cs[width]];
                double[] va = new double[cs[width]];
                for (int j = 0; j < m; j++) {
                    for (int k = blk.colStart()[j]; k < blk.colStart()[j + 1]; k++) {
                        int r = blk.rowIndex()[k];
                        if (r >= r0 && r < b[d + 1]) {
                            int at = next[r - r0]++;
                            ri[at] = blk.first() + j;
                            va[at] = blk.value()[k];
                        }
                    }
                }
                out.add(new Tuple2<>(d, new ColumnBlock(r0, cs, ri, va)));
            }
            return out.iterator();
        });
        JavaRDD<ColumnBlock> merged = pieces.groupByKey(new BlockPartitioner(count)).map(g -> {
            List<ColumnBlock> ps = new ArrayList<>();
            g._2().forEach(ps::add);
            // rows ascending within each column: merge the pieces in order of their source block
            ps.sort((x, y) -> Integer.compare(x.rowIndex().length == 0 ? 0 : x.rowIndex()[0],
                    y.rowIndex().length == 0 ? 0 : y.rowIndex()[0]));
            int d = g._1();
            int width = b[d + 1] - b[d];
            int[] cs = new int[width + 1];
            for (ColumnBlock p : ps) {
                for (int j = 0; j < width; j++) {
                    cs[j + 1] += p.colStart()[j + 1] - p.colStart()[j];
                }
            }
            for (int j = 0; j < width; j++) {
                cs[j + 1] += cs[j];
            }
            int[] ri = new int[cs[width]];
            double[] va = new double[cs[width]];
            int[] next = Arrays.copyOf(cs, width);
            for (ColumnBlock p : ps) {
                for (int j = 0; j < width; j++) {
                    for (int k = p.colStart()[j]; k < p.colStart()[j + 1]; k++) {
                        int at = next[j]++;
                        ri[at] = p.rowIndex()[k];
                        va[at] = p.value()[k];
                    }
                }
            }
            sortColumns(cs, ri, va);
            return new ColumnBlock(b[d], cs, ri, va);
        }).persist(StorageLevel.MEMORY_ONLY());
        // blocks with no coefficient at all still answer their slice (zeros)
        long present = merged.count();
        JavaRDD<ColumnBlock> all = merged;
        if (present < count) {
            List<ColumnBlock> empty = new ArrayList<>();
            java.util.Set<Integer> have = new java.util.HashSet<>(merged.map(ColumnBlock::first).collect());
            for (int d = 0; d < count; d++) {
                if (!have.contains(b[d])) {
                    empty.add(new ColumnBlock(b[d], new int[b[d + 1] - b[d] + 1], new int[0], new double[0]));
                }
            }
            all = merged.union(sc.parallelize(empty, 1)).persist(StorageLevel.MEMORY_ONLY());
            all.count();
        }
        return new BlockMatrix(sc, n, nonzeros, bounds, all);
    }

    /** Frees the cached blocks on the executors. */
    void release() {
        blocks.unpersist(false);
    }

    static int blockOf(int[] bounds, int i) {
        int lo = 0, hi = bounds.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bounds[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Rows ascending within each column (insertion sort: a column's pieces arrive nearly sorted). */
    static void sortColumns(int[] cs, int[] ri, double[] va) {
        for (int j = 0; j + 1 < cs.length; j++) {
            for (int k = cs[j] + 1; k < cs[j + 1]; k++) {
                int r = ri[k];
                double v = va[k];
                int i = k - 1;
                while (i >= cs[j] && ri[i] > r) {
                    ri[i + 1] = ri[i];
                    va[i + 1] = va[i];
                    i--;
                }
                ri[i + 1] = r;
                va[i + 1] = v;
            }
        }
    }

    /** Piece d goes to partition d. */
    static final class BlockPartitioner extends org.apache.spark.Partitioner {
        private static final long serialVersionUID = 1L;
        private final int parts;

        BlockPartitioner(int parts) {
            this.parts = parts;
        }

        @Override
        public int numPartitions() {
            return parts;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }
    }
}
