package org.gosplan.council.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.CountException;
import org.gosplan.council.count.Options;
import org.gosplan.council.count.RankedBallot;

/**
 * Reads PrefLib files in the 2022 format (preflib.org): {@code #} metadata lines first, among
 * them {@code # NUMBER ALTERNATIVES: n} and {@code # ALTERNATIVE NAME i: name} for every
 * {@code i} in 1..n, then one line per distinct ballot, {@code count: a,b,{c,d},e}: the
 * alternatives most preferred first, a brace group tied. {@code .soc} and {@code .soi} hold
 * strict orders (complete, or not), {@code .toc} and {@code .toi} orders with ties; a
 * {@code .cat} line lists {@code # NUMBER CATEGORIES} categories, each an alternative or a
 * brace group (possibly {@code {}}), and its first category is the approved set.
 *
 * <p>Nothing is guessed: a file that breaks the format, or whose {@code NUMBER VOTERS} or
 * {@code NUMBER UNIQUE ORDERS} disagree with its lines (a truncated download), is refused with
 * a {@link PrefLibException} naming the file and line.
 */
public final class PrefLibReader {
    private static final Set<String> TYPES = Set.of("soc", "soi", "toc", "toi", "cat");

    private final String file;
    private String type;
    private String title = "";
    private Long alternatives;
    private Long votersDeclared;
    private Long uniqueDeclared;
    private Long categories;
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Integer> nameLines = new HashMap<>();

    private PrefLibReader(String file, String type) {
        this.file = file;
        this.type = type;
    }

    /** Reads a PrefLib file; its extension says what it holds (or its {@code # DATA TYPE}). */
    public static PrefLibElection read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PrefLibException(path.toString(), "is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new PrefLibException(path.toString(), "cannot be read (" + e.getMessage() + ")");
        }
        return parse(path.toString(), extensionOf(name), text);
    }

    /**
     * Parses a PrefLib file's text; {@code fileName} names it in errors, and its extension, if
     * one of {@code .soc .soi .toc .toi .cat}, says what it holds.
     */
    public static PrefLibElection parse(String fileName, String text) {
        return parse(fileName, extensionOf(fileName), text);
    }

    private static PrefLibElection parse(String fileName, String extension, String text) {
        return new PrefLibReader(fileName, extension).parse(text);
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.contains(ext) ? ext : null;
    }

    private PrefLibElection parse(String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
        List<int[][]> orders = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int firstData = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (firstData >= 0) {
                    throw at(number, "a # metadata line after the ballots began at line " + firstData
                            + "; put all metadata lines first");
                }
                header(number, line);
                continue;
            }
            if (firstData < 0) {
                firstData = number;
                checkHeaders();
            }
            long[] count = new long[1];
            orders.add(ballot(number, line, count));
            counts.add(count[0]);
        }
        if (firstData < 0) {
            checkHeaders();
        }
        long voters = 0;
        for (long c : counts) {
            voters = addVoters(voters, c);
        }
        if (votersDeclared != null && votersDeclared != voters) {
            throw whole("# NUMBER VOTERS says " + votersDeclared + " but the ballot lines count " + voters
                    + " voters; is the file complete?");
        }
        if (uniqueDeclared != null && uniqueDeclared != orders.size()) {
            throw whole("# NUMBER UNIQUE " + (type.equals("cat") ? "PREFERENCES" : "ORDERS") + " says " + uniqueDeclared
                    + " but there are " + orders.size() + " ballot lines; is the file complete?");
        }
        return election(orders, counts);
    }

    private long addVoters(long voters, long c) {
        try {
            return Math.addExact(voters, c);
        } catch (ArithmeticException e) {
            throw whole("counts more voters than can be counted (over 2^63)");
        }
    }

    private void header(int number, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return; // a comment: PrefLib adds metadata fields from time to time
        }
        String key = line.substring(1, colon).strip();
        String index = null;
        int k = key.length();
        while (k > 0 && key.charAt(k - 1) >= '0' && key.charAt(k - 1) <= '9') {
            k--;
        }
        if (k < key.length()) {
            index = key.substring(k);
            key = key.substring(0, k).strip();
        }
        key = key.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String value = line.substring(colon + 1).strip();
        switch (key) {
            case "ALTERNATIVE NAME" -> {
                if (index == null) {
                    throw at(number, "# ALTERNATIVE NAME needs the alternative's number: # ALTERNATIVE NAME 1: Name");
                }
                long i = number(number, index, "alternative number");
                if (value.isEmpty()) {
                    throw at(number, "alternative " + i + " has no name; write # ALTERNATIVE NAME " + i + ": Name");
                }
                if (names.containsKey(i)) {
                    throw at(number, "alternative " + i + " is named twice (also at line " + nameLines.get(i)
                            + "); name each alternative once");
                }
                names.put(i, value);
                nameLines.put(i, number);
            }
            case "CATEGORY NAME" -> { }
            case "DATA TYPE" -> {
                String declared = value.toLowerCase(Locale.ROOT);
                if (!TYPES.contains(declared)) {
                    throw at(number, "data type '" + value + "' is not one this reader counts (soc, soi, toc, toi, cat)");
                }
                if (type != null && !type.equals(declared)) {
                    throw at(number, "# DATA TYPE says " + declared + " but the file is a ." + type
                            + " file; make them agree");
                }
                type = declared;
            }
            case "TITLE" -> title = value;
            case "NUMBER ALTERNATIVES" -> alternatives = once(number, alternatives, number(number, value, key));
            case "NUMBER VOTERS" -> votersDeclared = once(number, votersDeclared, number(number, value, key));
            case "NUMBER UNIQUE ORDERS", "NUMBER UNIQUE PREFERENCES" ->
                    uniqueDeclared = once(number, uniqueDeclared, number(number, value, key));
            case "NUMBER CATEGORIES" -> categories = once(number, categories, number(number, value, key));
            default -> { }
        }
    }

    private Long once(int line, Long before, long value) {
        if (before != null) {
            throw at(line, "this number is given twice in the metadata; give it once");
        }
        return value;
    }

    private long number(int line, String text, String what) {
        String t = text.strip();
        if (t.isEmpty() || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw at(line, what.toLowerCase(Locale.ROOT) + " '" + t + "' is not a whole number");
        }
        if (t.length() > 18) { // a whole number, but more than a long holds once counts are added up
            throw at(line, what.toLowerCase(Locale.ROOT) + " '" + t + "' is too large: at most 18 digits");
        }
        return Long.parseLong(t);
    }

    private void checkHeaders() {
        if (type == null) {
            throw whole("does not say what it holds: name it .soc, .soi, .toc, .toi or .cat, or add # DATA TYPE");
        }
        if (alternatives == null) {
            throw whole("has no # NUMBER ALTERNATIVES line before its ballots; add it");
        }
        for (long i : names.keySet()) {
            if (i < 1 || i > alternatives) {
                throw at(nameLines.get(i), "alternative " + i + " is outside 1.." + alternatives
                        + " (# NUMBER ALTERNATIVES)");
            }
        }
        if (names.size() != alternatives) {
            for (long i = 1; i <= alternatives; i++) {
                if (!names.containsKey(i)) {
                    throw whole("alternative " + i + " has no # ALTERNATIVE NAME " + i + ": line; name every alternative");
                }
            }
        }
        if (type.equals("cat") && (categories == null || categories < 1)) {
            throw whole("a .cat file needs # NUMBER CATEGORIES (at least 1) before its ballots");
        }
    }

    /** One ballot line, {@code count: items}: the items as groups, the count in {@code count[0]}. */
    private int[][] ballot(int number, String line, long[] count) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw at(number, "a ballot line is 'count: a,b,...'; this one has no ':'");
        }
        count[0] = number(number, line.substring(0, colon), "the count before ':'");
        if (count[0] < 1) {
            throw at(number, "a ballot line counts at least one voter, not " + count[0]);
        }
        List<int[]> groups = items(number, line, colon + 1);
        int n = alternatives.intValue();
        boolean[] seen = new boolean[n + 1];
        int mentioned = 0;
        boolean ordinal = !type.equals("cat");
        for (int[] g : groups) {
            if (ordinal && g.length == 0) {
                throw at(number, "an empty group {} ranks nothing; remove it");
            }
            if (ordinal && g.length > 1 && type.startsWith("so")) {
                throw at(number, "a tie " + Arrays.toString(g).replace('[', '{').replace(']', '}')
                        + " in a strict-order ." + type + " file; ties belong in .toc or .toi files");
            }
            for (int a : g) {
                if (a < 1 || a > n) {
                    throw at(number, "alternative " + a + " is not among 1.." + n + " (# NUMBER ALTERNATIVES)");
                }
                if (seen[a]) {
                    throw at(number, "alternative " + a + " appears twice; a ballot names each alternative once");
                }
                seen[a] = true;
                mentioned++;
            }
        }
        if (ordinal && mentioned == 0) {
            throw at(number, "the ballot ranks no alternative; give at least one after ':'");
        }
        if ((type.equals("soc") || type.equals("toc")) && mentioned != n) {
            throw at(number, "a complete-order ." + type + " file ranks all " + n + " alternatives; this line ranks "
                    + mentioned + " (use ." + type.charAt(0) + type.charAt(1) + "i for incomplete orders)");
        }
        if (!ordinal && groups.size() != categories) {
            throw at(number, "the line has " + groups.size() + " categories but # NUMBER CATEGORIES says " + categories);
        }
        return groups.toArray(new int[0][]);
    }

    /** The comma-separated items after the colon: plain numbers (a group of one) or {…} groups. */
    private List<int[]> items(int number, String line, int from) {
        List<int[]> groups = new ArrayList<>();
        int i = skip(line, from);
        if (i == line.length()) {
            return groups;
        }
        while (true) {
            if (line.charAt(i) == '{') {
                List<Integer> members = new ArrayList<>();
                i = skip(line, i + 1);
                if (i < line.length() && line.charAt(i) == '}') {
                    i++;
                } else {
                    while (true) {
                        int end = digits(line, i);
                        members.add(alternative(number, line, i, end));
                        i = skip(line, end);
                        if (i < line.length() && line.charAt(i) == ',') {
                            i = skip(line, i + 1);
                        } else if (i < line.length() && line.charAt(i) == '}') {
                            i++;
                            break;
                        } else {
                            throw at(number, "column " + (i + 1) + ": expected ',' or '}' inside a group");
                        }
                    }
                }
                groups.add(members.stream().mapToInt(Integer::intValue).toArray());
            } else {
                int end = digits(line, i);
                groups.add(new int[] {alternative(number, line, i, end)});
                i = end;
            }
            i = skip(line, i);
            if (i == line.length()) {
                return groups;
            }
            if (line.charAt(i) != ',') {
                throw at(number, "column " + (i + 1) + ": expected ',' between alternatives, found '" + line.charAt(i) + "'");
            }
            i = skip(line, i + 1);
            if (i == line.length()) {
                throw at(number, "the line ends with ','; remove it or add the alternative");
            }
        }
    }

    private int alternative(int number, String line, int from, int end) {
        if (end == from) {
            String found = from < line.length() ? "'" + line.charAt(from) + "'" : "the end of the line";
            throw at(number, "column " + (from + 1) + ": expected an alternative's number, found " + found);
        }
        if (end - from > 9) {
            throw at(number, "column " + (from + 1) + ": alternative " + line.substring(from, end) + " does not exist");
        }
        return Integer.parseInt(line.substring(from, end));
    }

    private static int digits(String line, int i) {
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int skip(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private PrefLibElection election(List<int[][]> orders, List<Long> counts) {
        List<String> optionNames = new ArrayList<>();
        for (long i = 1; i <= alternatives; i++) {
            optionNames.add(names.get(i));
        }
        Options options;
        try {
            options = new Options(optionNames);
        } catch (CountException e) {
            throw whole("two alternatives have the same name; name each alternative differently");
        }
        List<RankedBallot> rankings = new ArrayList<>();
        List<ApprovalBallot> approvals = new ArrayList<>();
        for (int k = 0; k < orders.size(); k++) {
            int[][] groups = orders.get(k);
            for (int[] g : groups) {
                for (int j = 0; j < g.length; j++) {
                    g[j]--;
                }
            }
            if (type.equals("cat")) {
                approvals.add(new ApprovalBallot(groups[0], counts.get(k)));
            } else {
                rankings.add(new RankedBallot(groups, counts.get(k)));
            }
        }
        return new PrefLibElection(title, type, options, rankings, approvals);
    }

    private PrefLibException at(int line, String what) {
        return new PrefLibException(file + ":" + line, what);
    }

    private PrefLibException whole(String what) {
        return new PrefLibException(file, what);
    }
}
