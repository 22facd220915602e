package org.gosplan.council.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.Options;

/**
 * Reads Pabulib's {@code .pb} files (pabulib.org, "the .pb file format"): a {@code META}, a
 * {@code PROJECTS} and a {@code VOTES} section, in that order, each a {@code ;}-separated table
 * whose first line names its columns (fields may be quoted with {@code "}, as Python's csv module
 * writes them). META needs {@code budget} and {@code vote_type} approval; PROJECTS the columns
 * {@code project_id} and {@code cost}; VOTES {@code voter_id} and {@code vote} (the approved
 * projects' ids, separated by commas; empty for a voter who approved none). {@code num_projects}
 * and {@code num_votes}, where given, must match the sections.
 *
 * <p>Options are the projects ordered by {@code project_id} as text (Java's {@code compareTo},
 * the order of Python strings), which is how Pabulib's reference library pabutools orders
 * projects and so breaks the ties its rules leave: lower index wins here, the lesser id there.
 */
public final class Pabulib {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Pabulib() {
    }

    public static PabulibElection read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PabulibException(name, "is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new PabulibException(name, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(name, text);
    }

    /** Parses the text of a file called {@code name} (the name is only used in messages). */
    public static PabulibElection parse(String name, String text) {
        return new Reader(name, text).read();
    }

    private static final class Reader {
        private final String name;
        private final String[] lines;
        private int at;

        Reader(String name, String text) {
            this.name = name;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            this.lines = text.split("\r?\n", -1);
        }

        PabulibException error(int line, String what) {
            return new PabulibException(name + ":" + (line + 1), what);
        }

        PabulibElection read() {
            skipBlank();
            Map<String, String> meta = new LinkedHashMap<>();
            List<String[]> projects = new ArrayList<>();
            List<String[]> votes = new ArrayList<>();
            int metaLine = expectSection("META");
            // some published files (Warsaw's local areas of 2019) go straight from META to its pairs, with
            // no key;value header: a first pair is not a header, and reading it as one would lose it
            String[] metaHeader = at < lines.length && !isSection(lines[at]) && !lines[at].isBlank()
                    && !fields(lines[at], at)[0].trim().equals("key") ? new String[] {"key", "value"}
                    : header("META", "key", "value");
            int keyCol = col(metaHeader, "key");
            int valueCol = col(metaHeader, "value");
            while (at < lines.length && !isSection(lines[at])) {
                if (!lines[at].isBlank()) {
                    String[] row = row(metaHeader.length);
                    String key = row[keyCol].trim();
                    if (key.isEmpty()) {
                        throw error(at - 1, "a META entry has no key");
                    }
                    if (meta.put(key, row[valueCol].trim()) != null) {
                        throw error(at - 1, "META gives " + key + " twice; give each key once");
                    }
                } else {
                    at++;
                }
            }
            int projectsLine = expectSection("PROJECTS");
            String[] projectHeader = header("PROJECTS", "project_id", "cost");
            List<Integer> projectLines = new ArrayList<>();
            while (at < lines.length && !isSection(lines[at])) {
                if (!lines[at].isBlank()) {
                    projectLines.add(at);
                    projects.add(row(projectHeader.length));
                } else {
                    at++;
                }
            }
            int votesLine = expectSection("VOTES");
            String[] voteHeader = header("VOTES", "voter_id", "vote");
            List<Integer> voteLines = new ArrayList<>();
            while (at < lines.length) {
                if (isSection(lines[at])) {
                    throw error(at, "a section " + lines[at].trim() + " after VOTES; the sections are META, PROJECTS, VOTES, once each");
                }
                if (!lines[at].isBlank()) {
                    voteLines.add(at);
                    votes.add(row(voteHeader.length));
                } else {
                    at++;
                }
            }

            String voteType = meta.get("vote_type");
            if (voteType == null) {
                throw error(metaLine, "META has no vote_type; add vote_type;approval");
            }
            if (!voteType.equals("approval")) {
                throw error(metaLine, "vote_type is " + voteType + "; only approval ballots are counted from .pb files");
            }
            String budgetText = meta.get("budget");
            if (budgetText == null) {
                throw error(metaLine, "META has no budget; add budget;AMOUNT");
            }
            double budget = number(budgetText, metaLine, "the budget");

            int idCol = col(projectHeader, "project_id");
            int costCol = col(projectHeader, "cost");
            int selectedCol = Arrays.asList(projectHeader).indexOf("selected");
            Map<String, Double> cost = new HashMap<>();
            Map<String, Integer> projectAt = new HashMap<>();
            List<String> ids = new ArrayList<>();
            Set<String> selectedIds = new HashSet<>();
            for (int i = 0; i < projects.size(); i++) {
                String[] row = projects.get(i);
                int line = projectLines.get(i);
                String id = row[idCol].trim();
                if (id.isEmpty()) {
                    throw error(line, "a project has no project_id");
                }
                Integer first = projectAt.putIfAbsent(id, line);
                if (first != null) {
                    throw error(line, "project " + id + " is listed twice (first on line " + (first + 1) + ")");
                }
                cost.put(id, number(row[costCol].trim(), line, "the cost of project " + id));
                ids.add(id);
                if (selectedCol >= 0 && row[selectedCol].trim().equals("1")) {
                    selectedIds.add(id);
                }
            }
            if (ids.isEmpty()) {
                throw error(projectsLine, "PROJECTS lists no project");
            }
            count(meta, "num_projects", ids.size(), metaLine, "projects");
            count(meta, "num_votes", votes.size(), metaLine, "votes");

            List<String> order = new ArrayList<>(ids);
            order.sort(String::compareTo);
            Map<String, Integer> index = new HashMap<>();
            double[] costs = new double[order.size()];
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
                costs[i] = cost.get(order.get(i));
            }

            int voterCol = col(voteHeader, "voter_id");
            int voteCol = col(voteHeader, "vote");
            Map<String, Integer> voterAt = new HashMap<>();
            List<ApprovalBallot> ballots = new ArrayList<>(votes.size());
            for (int i = 0; i < votes.size(); i++) {
                String[] row = votes.get(i);
                int line = voteLines.get(i);
                String voter = row[voterCol].trim();
                if (voter.isEmpty()) {
                    throw error(line, "a vote has no voter_id");
                }
                Integer first = voterAt.putIfAbsent(voter, line);
                if (first != null) {
                    throw error(line, "voter " + voter + " votes twice (first on line " + (first + 1) + ")");
                }
                String vote = row[voteCol].trim();
                String[] approved = vote.isEmpty() ? new String[0] : vote.split(",", -1);
                int[] options = new int[approved.length];
                Set<Integer> seen = new HashSet<>();
                for (int k = 0; k < approved.length; k++) {
                    String id = approved[k].trim();
                    Integer o = index.get(id);
                    if (o == null) {
                        throw error(line, "voter " + voter + " approves " + (id.isEmpty() ? "an empty project id" : "project " + id)
                                + ", which PROJECTS does not list");
                    }
                    if (!seen.add(o)) {
                        throw error(line, "voter " + voter + " approves project " + id + " twice");
                    }
                    options[k] = o;
                }
                ballots.add(new ApprovalBallot(options, 1));
            }
            List<String> selected = new ArrayList<>();
            for (String id : order) {
                if (selectedIds.contains(id)) {
                    selected.add(id);
                }
            }
            return new PabulibElection(meta, new Options(order), costs, budget, ballots, selected);
        }

        private void count(Map<String, String> meta, String key, int actual, int line, String what) {
            String given = meta.get(key);
            if (given != null && !given.equals(Integer.toString(actual))) {
                throw error(line, key + " is " + given + " but the file has " + actual + " " + what
                        + "; correct " + key + " or restore the missing " + what);
            }
        }

        private double number(String text, int line, String what) {
            if (!NUMBER.matcher(text).matches()) {
                throw error(line, what + " is \"" + text + "\"; write a number such as 1000 or 1000.50");
            }
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) {
                throw error(line, what + " is too large");
            }
            return v;
        }

        private void skipBlank() {
            while (at < lines.length && lines[at].isBlank()) {
                at++;
            }
        }

        private boolean isSection(String line) {
            String t = line.trim();
            return t.equalsIgnoreCase("META") || t.equalsIgnoreCase("PROJECTS") || t.equalsIgnoreCase("VOTES");
        }

        private int expectSection(String section) {
            if (at >= lines.length) {
                throw new PabulibException(name + ":" + lines.length, "the file ends before the " + section
                        + " section; a .pb file has META, PROJECTS and VOTES sections");
            }
            if (!lines[at].trim().equalsIgnoreCase(section)) {
                throw error(at, "expected the " + section + " section here, found \"" + abbreviate(lines[at])
                        + "\"; a .pb file has META, PROJECTS and VOTES sections, in that order");
            }
            return at++;
        }

        private String[] header(String section, String... required) {
            if (at >= lines.length || lines[at].isBlank()) {
                throw error(Math.min(at, lines.length - 1), section + " has no header line; its first line names the columns ("
                        + String.join(";", required) + ";…)");
            }
            int line = at;
            String[] header = fields(lines[at++], line);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < header.length; i++) {
                header[i] = header[i].trim();
                if (!seen.add(header[i])) {
                    throw error(line, section + " names the column " + header[i] + " twice");
                }
            }
            for (String r : required) {
                if (!seen.contains(r)) {
                    throw error(line, section + " has no column " + r + "; its header names " + String.join(";", header));
                }
            }
            return header;
        }

        private static int col(String[] header, String column) {
            return Arrays.asList(header).indexOf(column);
        }

        private String[] row(int width) {
            int line = at;
            String[] row = fields(lines[at++], line);
            if (row.length != width) {
                throw error(line, "this row has " + row.length + " fields but the header names " + width
                        + "; separate fields with ; and quote a field that contains one");
            }
            return row;
        }

        /** One line split on {@code ;}, honouring {@code "}-quoted fields with {@code ""} for a quote. */
        private String[] fields(String line, int number) {
            List<String> out = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == ';') {
                    out.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    field.append(ch);
                }
            }
            if (quoted) {
                throw error(number, "a quoted field is not closed; end it with \" on the same line");
            }
            out.add(field.toString());
            return out.toArray(new String[0]);
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
