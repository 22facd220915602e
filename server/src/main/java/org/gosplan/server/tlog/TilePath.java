package org.gosplan.server.tlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-tiles path below {@code /tile/}: {@code <L>/<N>[.p/<W>]} or
 * {@code entries/<N>[.p/<W>]}, in the spec's one encoding (no leading zeros in L and W, N in
 * three-digit elements of which all but the last begin with {@code x}, no needless leading
 * {@code x000} element). Anything else is not a tile path: no path names a file.
 *
 * @param level the tile level, or -1 for an entry bundle
 * @param width 256 for a full tile, else the partial tile's width
 */
record TilePath(int level, long index, int width) {
    static final int FULL = 256;
    private static final Pattern PATH = Pattern.compile(
            "(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    boolean entries() {
        return level < 0;
    }

    /** The path parsed, or null when it is not a tile path. */
    static TilePath parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        int level = m.group(1).equals("entries") ? -1 : Integer.parseInt(m.group(1));
        if (level > 63) {
            return null;
        }
        String[] elements = m.group(2).split("/");
        if (elements.length > 1 && elements[0].equals("x000")) {
            return null;
        }
        long index = 0;
        for (String e : elements) {
            int part = Integer.parseInt(e.startsWith("x") ? e.substring(1) : e);
            if (index > (Long.MAX_VALUE - part) / 1000) {
                return null;
            }
            index = index * 1000 + part;
        }
        int width = FULL;
        if (m.group(3) != null) {
            width = Integer.parseInt(m.group(3));
            if (width > 255) {
                return null;
            }
        }
        return new TilePath(level, index, width);
    }

    /** The path element of {@code index}, as the spec encodes it (x001/x234/067 for 1234067). */
    static String encode(long index) {
        StringBuilder b = new StringBuilder(String.format("%03d", index % 1000));
        for (long n = index / 1000; n > 0; n /= 1000) {
            b.insert(0, String.format("x%03d/", n % 1000));
        }
        return b.toString();
    }
}
