import java.nio.file.*;
import java.util.*;
import org.gosplan.council.files.*;
import org.gosplan.council.count.*;

public class MesAll {
    public static void main(String[] a) throws Exception {
        int n = 0, over = 0; long worst = 0; String worstFile = "";
        try (var files = Files.list(Path.of(a[0]))) {
            for (Path f : files.sorted().toList()) {
                PabulibElection e;
                try { e = Pabulib.read(f); } catch (PabulibException x) { continue; }
                long t0 = System.nanoTime();
                try {
                    Tally t = EqualShares.count(e.options(), e.ballots(), e.costs(), e.budget());
                    double spent = 0;
                    for (String w : t.winners()) spent += e.costs()[e.options().names().indexOf(w)];
                    if (spent > e.budget()) { over++; System.out.println("OVER " + f.getFileName() + " " + spent + " > " + e.budget()); }
                } catch (RuntimeException x) {
                    System.out.println("THROWS " + f.getFileName() + " " + x);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > worst) { worst = ms; worstFile = f.getFileName().toString(); }
                n++;
            }
        }
        System.out.println("counted " + n + ", over budget " + over + ", slowest " + worst + " ms (" + worstFile + ")");
    }
}
