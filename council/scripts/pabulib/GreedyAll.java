import java.nio.file.*;
import java.util.*;
import org.gosplan.council.files.*;
import org.gosplan.council.count.*;

public class GreedyAll {
    public static void main(String[] a) throws Exception {
        int read = 0, refused = 0, greedyRule = 0, agree = 0, noSelected = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        try (var files = Files.list(Path.of(a[0]))) {
            for (Path f : files.sorted().toList()) {
                PabulibElection e;
                try {
                    e = Pabulib.read(f);
                    read++;
                } catch (PabulibException x) {
                    refused++;
                    String why = x.getMessage().replaceAll("^[^:]*:[0-9]*: ", "").replaceAll("[0-9]+", "N");
                    why = why.length() > 70 ? why.substring(0, 70) : why;
                    reasons.merge(why, 1, Integer::sum);
                    continue;
                } catch (RuntimeException x) {
                    System.out.println("BUG " + f.getFileName() + " " + x);
                    continue;
                }
                if (!"greedy".equals(e.meta().get("rule"))) continue;
                if (e.selected().isEmpty()) { noSelected++; continue; }
                greedyRule++;
                Tally g = Greedy.count(e.options(), e.ballots(), e.costs(), e.budget());
                if (new TreeSet<>(g.winners()).equals(new TreeSet<>(e.selected()))) agree++;
                else System.out.println("DIFF " + f.getFileName() + " selected " + new TreeSet<>(e.selected()) + " greedy " + new TreeSet<>(g.winners()));
            }
        }
        System.out.println("read " + read + " refused " + refused + " greedy-with-selected " + greedyRule + " agree " + agree + " (greedy without selected " + noSelected + ")");
        reasons.forEach((k, v) -> System.out.println("  refused " + v + ": " + k));
    }
}
