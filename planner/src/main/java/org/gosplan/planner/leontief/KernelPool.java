package org.gosplan.planner.leontief;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed pool of threads the Leontief kernels run on: one worker per core beside the calling
 * thread, started once, daemon. {@link #run} hands out the parts {@code 0..parts-1} of one
 * parallel step, one part per thread, and returns when all are done.
 *
 * <p>Results never depend on the number of threads: kernels partition their work so that every
 * output element is computed by one thread in a fixed order, and reductions go through fixed
 * chunks of {@link #CHUNK} elements whose partial results are added in chunk order.
 */
public final class KernelPool {
    private KernelPool() {}

    /** Elements per chunk of a reduction; fixed so that sums are the same on every machine. */
    public static final int CHUNK = 4096;

    /** Number of threads a step uses (the cores, at least 1). */
    static final int THREADS = Math.max(1, Integer.getInteger("gosplan.threads",
            Runtime.getRuntime().availableProcessors()));

    /** One part of a parallel step. */
    @FunctionalInterface
    public interface Part {
        void run(int part);
    }

    private static final Worker[] WORKERS = new Worker[THREADS - 1];
    private static final Object LOCK = new Object();

    static {
        for (int i = 0; i < WORKERS.length; i++) {
            WORKERS[i] = new Worker(i + 1);
            WORKERS[i].thread.start();
        }
    }

    /**
     * Runs {@code part.run(0..parts-1)}: part 0 on the caller, the others on workers; returns when
     * all have finished, rethrowing the first failure. {@code parts} is at most {@link #THREADS}.
     * Steps are serialised: one step at a time in the whole process.
     */
    public static void run(int parts, Part part) {
        if (parts <= 1) {
            if (parts == 1) {
                part.run(0);
            }
            return;
        }
        if (parts > THREADS) {
            throw new IllegalArgumentException(parts + " parts for " + THREADS + " threads");
        }
        synchronized (LOCK) {
            AtomicInteger pending = new AtomicInteger(parts - 1);
            Thread caller = Thread.currentThread();
            Throwable[] failure = new Throwable[1];
            for (int i = 1; i < parts; i++) {
                WORKERS[i - 1].give(part, pending, caller, failure);
            }
            Throwable mine = null;
            try {
                part.run(0);
            } catch (Throwable t) {
                mine = t;
            }
            // spin briefly, then park: the steps are short and the other parts finish together
            int spins = 0;
            while (pending.get() > 0) {
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(50_000);
                }
            }
            Throwable t = mine != null ? mine : failure[0];
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Splits {@code [0, n)} into {@code parts} ranges with boundaries on multiples of {@link #CHUNK}. */
    public static int[] chunkBounds(int n, int parts) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        int[] b = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            b[i] = (int) Math.min(n, (long) CHUNK * ((long) chunks * i / parts));
        }
        b[parts] = n;
        return b;
    }

    /** How many parts to use for work on {@code n} elements: one below a size where threads pay. */
    public static int partsFor(long work) {
        return work < 200_000 ? 1 : THREADS;
    }

    private static final class Worker implements Runnable {
        final Thread thread;
        private volatile Part part;
        private AtomicInteger pending;
        private Throwable[] failure;
        private Thread caller;
        private final int index;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, "gosplan-kernel-" + index);
            this.thread.setDaemon(true);
        }

        void give(Part p, AtomicInteger pendingCount, Thread callerThread, Throwable[] failureSlot) {
            this.pending = pendingCount;
            this.failure = failureSlot;
            this.caller = callerThread;
            this.part = p; // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (true) {
                Part p = part;
                int spins = 0;
                while (p == null) {
                    if (++spins < 20_000) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    p = part;
                }
                AtomicInteger done = pending;
                Throwable[] slot = failure;
                Thread c = caller;
                part = null;
                try {
                    p.run(index);
                } catch (Throwable t) {
                    synchronized (slot) {
                        if (slot[0] == null) {
                            slot[0] = t;
                        }
                    }
                }
                done.decrementAndGet();
                LockSupport.unpark(c);
            }
        }
    }
}
