package org.gosplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, split into user and system (kernel) time, read from Linux's
 * {@code /proc/PID/stat} (threads that have ended included). CPU per operation is the figure that
 * holds on a shared, loaded machine, where rates do not: a bench reads it before and after its
 * window. Of this process or of another one (a server under load).
 *
 * @param user   seconds of CPU in user mode
 * @param system seconds of CPU in the kernel (system calls: fsync, futex, sockets)
 */
public record ProcessCost(double user, double system) {
    private static final double TICK = 0.01; // USER_HZ: 100 on every Linux this runs on

    /** This process's CPU so far. */
    public static ProcessCost now() {
        return of(ProcessHandle.current().pid());
    }

    /** Process {@code pid}'s CPU so far (zero when it cannot be read: not Linux, or no such process). */
    public static ProcessCost of(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) is in parentheses and may hold spaces: fields count after its ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new ProcessCost(Long.parseLong(f[11]) * TICK, Long.parseLong(f[12]) * TICK);
        } catch (IOException | RuntimeException e) {
            return new ProcessCost(0, 0);
        }
    }

    /**
     * The CPU process {@code pid}'s JIT compiler threads ("C1 CompilerThre...", "C2 CompilerThre...")
     * have used so far: a cost a long-running server pays once, which a short window still sees.
     */
    public static ProcessCost compilers(long pid) {
        double user = 0;
        double system = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String s = Files.readString(t.resolve("stat"));
                    String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                    if (name.startsWith("C1 Compi") || name.startsWith("C2 Compi")) {
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        user += Long.parseLong(f[11]) * TICK;
                        system += Long.parseLong(f[12]) * TICK;
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return new ProcessCost(0, 0);
        }
        return new ProcessCost(user, system);
    }

    public double total() {
        return user + system;
    }

    /** What was used between {@code earlier} and this. */
    public ProcessCost since(ProcessCost earlier) {
        return new ProcessCost(user - earlier.user, system - earlier.system);
    }

    /** "123 µs CPU/op (user 100, system 23)" for {@code ops} operations. */
    public String perOp(long ops) {
        return String.format("%.0f µs CPU/op (user %.0f, system %.0f)", 1e6 * total() / ops, 1e6 * user / ops,
                1e6 * system / ops);
    }
}
