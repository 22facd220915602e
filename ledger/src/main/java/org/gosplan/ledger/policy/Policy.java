package org.gosplan.ledger.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.CosignatureVerifier;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.ProofException;

/**
 * A C2SP tlog-policy: the logs whose checkpoints are accepted, the witnesses, and the quorum of
 * witnesses (a witness, or a group of k of n witnesses and groups) that must have cosigned a
 * checkpoint. Parsed strictly (see {@link #parse}); evaluated against a checkpoint note by
 * {@link #evaluate}: each witness counts once, lines by keys the policy does not name are ignored.
 */
public final class Policy {
    /** The quorum name that asks for no cosignature at all. */
    public static final String NONE = "none";

    /** A log the policy accepts; its key's name is the log's origin. */
    public record Log(NoteVerifier key, Optional<String> url) {}

    /** A witness by its name in the policy, with its cosignature/v1 key and, for logs that call it, its URL. */
    public record Witness(String name, CosignatureVerifier key, Optional<String> url) {}

    /**
     * A witness group: witnessed when at least {@code k} of its members are. Members index first
     * the witnesses ({@code 0..witnesses-1}) and then the groups ({@code witnesses + g}).
     */
    private record Group(String name, int k, int[] members) {}

    private final List<Log> logs;
    private final List<Witness> witnesses;
    private final List<Group> groups;
    /** The quorum as a member index (see {@link Group}), or -1 for {@code quorum none}. */
    private final int quorum;

    private Policy(List<Log> logs, List<Witness> witnesses, List<Group> groups, int quorum) {
        this.logs = Collections.unmodifiableList(logs);
        this.witnesses = Collections.unmodifiableList(witnesses);
        this.groups = groups;
        this.quorum = quorum;
    }

    public List<Log> logs() {
        return logs;
    }

    public List<Witness> witnesses() {
        return witnesses;
    }

    /** The quorum's name: a witness's, a group's, or {@link #NONE}. */
    public String quorum() {
        return quorum < 0 ? NONE : memberName(quorum);
    }

    /** Parses policy text given as a string (encoded as UTF-8); see {@link #parse(byte[], String)}. */
    public static Policy parse(String text, String where) {
        return parse(text.getBytes(StandardCharsets.UTF_8), where);
    }

    /**
     * Parses a policy file as tlog-policy says: lines of space- or tab-separated items, blank
     * and '#' comment lines ignored; {@code log <vkey> [<url>]}, {@code witness <name> <vkey> [<url>]},
     * {@code group <name> all|any|<k> <member>...}, and exactly one {@code quorum <name>|none}. Groups
     * and the quorum name only what earlier lines defined; names are one namespace; a member is listed
     * once per group; two logs or two witnesses with the same public key are refused. Names are opaque
     * octets. Errors are {@link LedgerException}s that start {@code <where>:<line>: }.
     */
    public static Policy parse(byte[] text, String where) {
        return new Parser(where).parse(text);
    }

    /** Reads one policy file; see {@link #parse(byte[], String)}. */
    public static Policy read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * What a policy says of a checkpoint note: whether a listed log signed it, which witnesses
     * cosigned it (the policy's names, with their timestamps), which ones the unmet quorum still
     * lacks, and why it fails ({@code problems}, empty when it holds).
     */
    public record Verdict(boolean valid, Optional<String> log, Map<String, Long> cosigned, List<String> missing,
            List<String> problems) {}

    /** Evaluates {@code checkpoint} against the policy's logs and quorum. */
    public Verdict evaluate(Checkpoint checkpoint) {
        if (logs.isEmpty()) {
            throw new LedgerException("the policy names no log ('log <vkey>' line), so no checkpoint can be accepted"
                    + " by it alone; add the log's verifier key");
        }
        List<NoteVerifier> keys = new ArrayList<>();
        for (Log l : logs) {
            keys.add(l.key());
        }
        return evaluate(checkpoint, keys);
    }

    /**
     * Evaluates {@code checkpoint} with {@code logKeys} as the accepted logs (a reader that knows
     * the log from elsewhere, such as its data directory).
     */
    public Verdict evaluate(Checkpoint checkpoint, List<NoteVerifier> logKeys) {
        List<String> problems = new ArrayList<>();
        Optional<String> log = Optional.empty();
        List<NoteVerifier> forOrigin = new ArrayList<>();
        for (NoteVerifier k : logKeys) {
            // tlog-policy: the log's key name is its origin, so a key of another log does not count.
            if (k.name().equals(checkpoint.origin())) {
                forOrigin.add(k);
            }
        }
        if (forOrigin.isEmpty()) {
            problems.add("the checkpoint's origin '" + checkpoint.origin() + "' is not a log the policy accepts");
        } else {
            try {
                checkpoint.note().verify(forOrigin.toArray(new NoteVerifier[0]));
                log = Optional.of(checkpoint.origin());
            } catch (ProofException e) {
                problems.add("the log's signature: " + e.getMessage());
            }
        }
        Map<String, Long> cosigned = new LinkedHashMap<>();
        BitSet signed = new BitSet();
        for (int w = 0; w < witnesses.size(); w++) {
            Witness wit = witnesses.get(w);
            try {
                OptionalLong t = wit.key().verify(checkpoint.note());
                if (t.isPresent()) {
                    signed.set(w);
                    cosigned.put(wit.name(), t.getAsLong());
                }
            } catch (ProofException e) {
                // signed-note: a known key's bad signature makes the whole note suspect.
                problems.add("witness " + wit.name() + ": " + e.getMessage());
            }
        }
        List<String> missing = new ArrayList<>();
        if (quorum >= 0 && !witnessed(quorum, signed)) {
            Set<Integer> lacking = new LinkedHashSet<>();
            lacking(quorum, signed, lacking);
            for (int w : lacking) {
                missing.add(witnesses.get(w).name());
            }
            problems.add("the quorum " + quorum() + " is not met: " + shortfall(quorum, signed));
        }
        return new Verdict(problems.isEmpty(), log, Collections.unmodifiableMap(cosigned),
                Collections.unmodifiableList(missing), Collections.unmodifiableList(problems));
    }

    private boolean witnessed(int member, BitSet signed) {
        if (member < witnesses.size()) {
            return signed.get(member);
        }
        Group g = groups.get(member - witnesses.size());
        int have = 0;
        for (int m : g.members()) {
            if (witnessed(m, signed)) {
                have++;
            }
        }
        return have >= g.k();
    }

    /** The witnesses under an unmet member that have not cosigned: any of them would help. */
    private void lacking(int member, BitSet signed, Set<Integer> out) {
        if (member < witnesses.size()) {
            if (!signed.get(member)) {
                out.add(member);
            }
            return;
        }
        for (int m : groups.get(member - witnesses.size()).members()) {
            if (!witnessed(m, signed)) {
                lacking(m, signed, out);
            }
        }
    }

    /** "witness X has not cosigned", or "group G needs 2 of its 3 members and has 1 (not yet: …)", down the tree. */
    private String shortfall(int member, BitSet signed) {
        if (member < witnesses.size()) {
            return "witness " + memberName(member) + " has not cosigned";
        }
        Group g = groups.get(member - witnesses.size());
        int have = 0;
        List<String> unmet = new ArrayList<>();
        for (int m : g.members()) {
            if (witnessed(m, signed)) {
                have++;
            } else {
                unmet.add(m < witnesses.size() ? memberName(m) : shortfall(m, signed));
            }
        }
        return "group " + g.name() + " needs " + g.k() + " of its " + g.members().length + " members and has "
                + have + " (not yet: " + String.join(", ", unmet) + ")";
    }

    private String memberName(int member) {
        return member < witnesses.size() ? witnesses.get(member).name() : groups.get(member - witnesses.size()).name();
    }

    /** A name kept as opaque octets (one char per byte), shown as UTF-8. */
    static String display(String octets) {
        return new String(octets.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- parsing

    private static final class Parser {
        private final String where;
        private final List<Log> logs = new ArrayList<>();
        private final List<Witness> witnesses = new ArrayList<>();
        private final List<String[]> groupLines = new ArrayList<>(); // resolved once all witnesses are known
        private final Map<String, Integer> names = new HashMap<>(); // name (octets) -> defining line
        private final List<String> witnessNames = new ArrayList<>(); // as octets, beside witnesses
        private String quorum;
        private int quorumLine;

        Parser(String where) {
            this.where = where;
        }

        private LedgerException error(int line, String message) {
            return new LedgerException(where + ":" + line + ": " + message);
        }

        Policy parse(byte[] text) {
            int line = 1;
            int last = 1; // the last line that has anything, for the missing quorum
            int start = 0;
            for (int i = 0; i <= text.length; i++) {
                if (i == text.length || text[i] == '\n') {
                    if (i > start || i < text.length) {
                        line(new String(text, start, i - start, StandardCharsets.ISO_8859_1), line);
                        last = line;
                    }
                    line++;
                    start = i + 1;
                    continue;
                }
                int b = text[i] & 0xff;
                if (b != '\t' && (b < 0x20 || b == 0x7f)) {
                    throw error(line, String.format("character 0x%02x is not allowed (only tab, newline, printable"
                            + " ASCII and octets 0x80-0xff)", b));
                }
            }
            if (quorum == null) {
                throw error(last, "no 'quorum' line: add 'quorum <witness or group>' (or"
                        + " 'quorum none' to ask for no cosignatures)");
            }
            return build();
        }

        private void line(String s, int number) {
            String[] items = s.strip().isEmpty() ? new String[0] : s.replace('\t', ' ').strip().split(" +");
            if (items.length == 0 || items[0].startsWith("#")) {
                return;
            }
            switch (items[0]) {
                case "log" -> log(items, number);
                case "witness" -> witness(items, number);
                case "group" -> group(items, number);
                case "quorum" -> quorum(items, number);
                default -> throw error(number, "unknown keyword '" + display(items[0]) + "'; a line is 'log',"
                        + " 'witness', 'group' or 'quorum' (or a comment starting with '#')");
            }
        }

        /** A key parsed by the ledger, its error placed on the policy's line. */
        private <T> T located(int line, Supplier<T> parse) {
            try {
                return parse.get();
            } catch (LedgerException e) {
                throw error(line, e.getMessage());
            }
        }

        private void log(String[] items, int line) {
            if (items.length < 2 || items.length > 3) {
                throw error(line, "a log line is 'log <vkey> [<url>]', not " + (items.length - 1) + " items");
            }
            NoteVerifier key = located(line, () -> NoteVerifier.parse(display(items[1])));
            for (Log l : logs) {
                if (Arrays.equals(l.key().publicKey(), key.publicKey())) {
                    throw error(line, "the log key of " + key.name() + " is listed twice (the same public key as "
                            + l.key().name() + "); each log is listed once");
                }
            }
            logs.add(new Log(key, items.length == 3 ? Optional.of(display(items[2])) : Optional.empty()));
        }

        private void witness(String[] items, int line) {
            if (items.length < 3 || items.length > 4) {
                throw error(line, "a witness line is 'witness <name> <vkey> [<url>]', not " + (items.length - 1)
                        + " items");
            }
            define(items[1], line);
            CosignatureVerifier key = located(line, () -> CosignatureVerifier.parse(display(items[2])));
            for (Witness w : witnesses) {
                if (Arrays.equals(w.key().publicKey(), key.publicKey())) {
                    throw error(line, "witness " + display(items[1]) + " has the same public key as witness "
                            + w.name() + "; each witness is listed once");
                }
            }
            witnessNames.add(items[1]);
            witnesses.add(new Witness(display(items[1]), key, items.length == 4 ? Optional.of(display(items[3]))
                    : Optional.empty()));
        }

        private void group(String[] items, int line) {
            if (items.length < 4) {
                throw error(line, "a group line is 'group <name> all|any|<k> <member>...' with at least one member");
            }
            define(items[1], line);
            int n = items.length - 3;
            String k = items[2];
            if (!k.equals("all") && !k.equals("any")) {
                if (!k.matches("[1-9][0-9]{0,8}")) {
                    throw error(line, "group " + display(items[1]) + ": '" + display(k) + "' is not 'all', 'any' or a"
                            + " decimal threshold k (1 <= k <= " + n + ", the number of members)");
                }
                if (Integer.parseInt(k) > n) {
                    throw error(line, "group " + display(items[1]) + ": threshold " + k + " is more than its " + n
                            + " member" + (n == 1 ? "" : "s"));
                }
            }
            Set<String> seen = new HashSet<>();
            for (int i = 3; i < items.length; i++) {
                String m = items[i];
                if (m.equals(NONE)) {
                    throw error(line, "group " + display(items[1]) + ": 'none' cannot be a group member");
                }
                if (!names.containsKey(m) || m.equals(items[1])) {
                    throw error(line, "group " + display(items[1]) + ": member '" + display(m) + "' is not a witness"
                            + " or group defined on an earlier line");
                }
                if (!seen.add(m)) {
                    throw error(line, "group " + display(items[1]) + ": member '" + display(m) + "' is listed twice");
                }
            }
            groupLines.add(items);
        }

        private void quorum(String[] items, int line) {
            if (quorum != null) {
                throw error(line, "a second 'quorum' line (the first is line " + quorumLine + "); a policy has exactly"
                        + " one");
            }
            if (items.length != 2) {
                throw error(line, "a quorum line is 'quorum <name>' or 'quorum none', not " + (items.length - 1)
                        + " items");
            }
            if (!items[1].equals(NONE) && !names.containsKey(items[1])) {
                throw error(line, "quorum '" + display(items[1]) + "' is not a witness or group defined on an earlier"
                        + " line");
            }
            quorum = items[1];
            quorumLine = line;
        }

        private void define(String name, int line) {
            if (name.equals(NONE)) {
                throw error(line, "'none' is a reserved name (quorum none); choose another");
            }
            Integer before = names.putIfAbsent(name, line);
            if (before != null) {
                throw error(line, "the name '" + display(name) + "' is already defined on line " + before
                        + "; witnesses and groups share one namespace");
            }
        }

        private Policy build() {
            Map<String, Integer> index = new HashMap<>();
            for (int w = 0; w < witnesses.size(); w++) {
                index.put(witnessNames.get(w), w);
            }
            for (int g = 0; g < groupLines.size(); g++) {
                index.put(groupLines.get(g)[1], witnesses.size() + g);
            }
            List<Group> groups = new ArrayList<>();
            for (String[] items : groupLines) {
                int n = items.length - 3;
                int k = items[2].equals("all") ? n : items[2].equals("any") ? 1 : Integer.parseInt(items[2]);
                int[] members = new int[n];
                for (int i = 0; i < n; i++) {
                    members[i] = index.get(items[3 + i]);
                }
                groups.add(new Group(display(items[1]), k, members));
            }
            return new Policy(logs, witnesses, groups, quorum.equals(NONE) ? -1 : index.get(quorum));
        }
    }
}
