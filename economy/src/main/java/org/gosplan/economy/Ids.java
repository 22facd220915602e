package org.gosplan.economy;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The rule for ids: non-empty, printable, no commas or line breaks (formats.md); and the nearest
 * known id to one that is not known, for the "did you mean" of a message.
 */
public final class Ids {
    private Ids() {}

    /** Null when {@code id} is a valid id, else what is wrong with it. */
    static String problem(String id) {
        if (id.isEmpty()) {
            return "the id is empty; give every item a non-empty id";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ',') {
                return "the id '" + id + "' contains a comma; ids may not contain commas";
            }
            if (Character.isISOControl(c)) {
                return "the id '" + id.replaceAll("\\p{Cntrl}", "?") + "' contains a control character or line break";
            }
        }
        return null;
    }

    /**
     * The known id nearest to {@code wanted}, or null when none is near enough to be a slip of the
     * keyboard: at most one edit (a letter added, dropped, changed, or two swapped, case ignored) per
     * three letters of {@code wanted}, and fewer edits than either id has letters. The first of equally
     * near ids wins.
     */
    public static String nearest(String wanted, int count, IntFunction<String> idAt) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, w.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            String id = idAt.apply(i);
            if (id == null || id.equals(wanted) || Math.abs(id.length() - w.length()) > Math.min(limit, bestDistance)) {
                continue;
            }
            int d = distance(w, id.toLowerCase(Locale.ROOT), limit);
            if (d <= limit && d < bestDistance && d < w.length() && d < id.length()) {
                best = id;
                bestDistance = d;
            }
        }
        return best;
    }

    public static String nearest(String wanted, List<String> known) {
        return nearest(wanted, known.size(), known::get);
    }

    /** {@code "; did you mean 'labour'?"} for the {@link #nearest} known id, or "" when there is none. */
    public static String didYouMean(String wanted, int count, IntFunction<String> idAt) {
        String near = nearest(wanted, count, idAt);
        return near == null ? "" : "; did you mean '" + near + "'?";
    }

    public static String didYouMean(String wanted, List<String> known) {
        return didYouMean(wanted, known.size(), known::get);
    }

    /** The {@link #nearest} of the ids of several indexes, the first index's first. */
    static String nearest(String wanted, IdIndex... known) {
        int[] from = new int[known.length + 1];
        for (int k = 0; k < known.length; k++) {
            from[k + 1] = from[k] + known[k].size();
        }
        return nearest(wanted, from[known.length], i -> {
            int k = 0;
            while (i >= from[k + 1]) {
                k++;
            }
            return known[k].id(i - from[k]);
        });
    }

    /**
     * "unknown product 'bred'; " and {@code otherwise} (what to do about it), with "did you mean
     * 'bread'? If not, " before it where a known id is near.
     */
    static String unknown(String what, String id, String otherwise, IdIndex... known) {
        return unknown(what, id, otherwise, nearest(id, known));
    }

    static String unknown(String what, String id, String otherwise, int count, IntFunction<String> idAt) {
        return unknown(what, id, otherwise, nearest(id, count, idAt));
    }

    private static String unknown(String what, String id, String otherwise, String near) {
        return "unknown " + what + " '" + id + "'; " + (near == null ? otherwise
                : "did you mean '" + near + "'? If not, " + otherwise);
    }

    /**
     * Optimal string alignment distance of {@code a} and {@code b} (insertions, deletions,
     * substitutions and swaps of neighbours), or {@code limit + 1} as soon as it must exceed
     * {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], limit + 1);
    }
}
