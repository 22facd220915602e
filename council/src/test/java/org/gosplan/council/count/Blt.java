package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.List;

/**
 * The BLT ballot files of the Droop counter's tests (and of ERS counting programs): a line
 * {@code candidates seats}, then {@code weight c1 c2 … 0} per ballot, {@code 0}, the quoted
 * candidate names and the title. Enough of the format for the Glasgow files; test code only.
 */
record Blt(Options options, int seats, List<RankedBallot> ballots) {
    static Blt parse(String text) {
        String[] lines = text.strip().split("\\R");
        String[] head = lines[0].strip().split("\\s+");
        int n = Integer.parseInt(head[0]);
        int seats = Integer.parseInt(head[1]);
        List<RankedBallot> ballots = new ArrayList<>();
        int i = 1;
        for (; !lines[i].strip().equals("0"); i++) {
            String[] t = lines[i].strip().split("\\s+");
            if (t[0].startsWith("-")) {
                throw new IllegalArgumentException("withdrawn candidates are not read: " + lines[i]);
            }
            int[][] groups = new int[t.length - 2][];
            for (int k = 1; k < t.length - 1; k++) {
                groups[k - 1] = new int[] {Integer.parseInt(t[k]) - 1};
            }
            ballots.add(new RankedBallot(groups, Long.parseLong(t[0])));
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String q = lines[++i].strip();
            names.add(q.substring(1, q.length() - 1));
        }
        return new Blt(new Options(names), seats, ballots);
    }
}
