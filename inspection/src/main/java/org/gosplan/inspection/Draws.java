package org.gosplan.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gosplan.inspection.lottery.Lottery;
import org.gosplan.inspection.lottery.Pool;
import org.gosplan.inspection.lottery.Quota;
import org.gosplan.inspection.lottery.Selection;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Inspection;
import org.gosplan.record.Member;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.gosplan.record.Snapshot;
import org.gosplan.record.Unit;

/**
 * An inspection's draw from the record (inspection.md): the pool (the inspectors registered when
 * it was ordered, less the exclusions), the lottery over it, and the seed, {@code SHA-256(root of
 * the tree at drawAt ‖ the revealed secrets in log order ‖ the inspection's index, 8 bytes
 * big-endian)}. Everything is a function of the log's first entries, so anyone recomputes it:
 * {@link #verify(Record)} does, for every recorded {@code draw.made}.
 */
public final class Draws {
    private Draws() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Entries after drawAt within which a secret must be revealed. */
    public static final long REVEAL_WINDOW = 1000;
    public static final String PROBABILITIES_FORMAT = "gosplan/draw-probabilities@1";

    /**
     * A draw: the lottery, the seed and the panel it picks, how many secrets went into the seed, and
     * what was ignored (late commitments, reveals that do not match, late or missing reveals), each
     * as a sentence.
     */
    public record Draw(long inspection, Selection selection, byte[] seed, List<String> panel, int secrets,
            List<String> ignored, byte[] probabilities) {
        public String seedHex() {
            return HexFormat.of().formatHex(seed);
        }
    }

    /**
     * The draw of the inspection ordered at entry {@code inspection}, from the log's first
     * {@code size} entries.
     *
     * @throws InspectionException when it cannot be drawn yet (the log short of drawAt, reveals
     *     outstanding before their deadline, secrets from fewer than two councils) or at all
     */
    public static Draw compute(Record record, long inspection, long size) throws IOException {
        Snapshot s = record.snapshotAt(size);
        Inspection o = s.inspection(inspection);
        if (o == null) {
            throw new InspectionException("INSPECTION", "no inspection is ordered at entry " + inspection);
        }
        if (size < o.drawAt()) {
            throw new InspectionException("INSPECTION", "inspection " + inspection + " is drawn once the log has "
                    + o.drawAt() + " entries; it has " + size);
        }
        Snapshot ordered = record.snapshotAt(o.index());
        Pool pool = pool(ordered, o);
        List<Quota> quotas = o.quotas() == null || o.quotas().isEmpty() ? List.of()
                : Quota.parse(text(record, o.quotas()), "quotas " + o.quotas().substring(0, 12));
        Secrets secrets = secrets(record, s, o, size);
        if (!secrets.waiting.isEmpty() && size < o.drawAt() + REVEAL_WINDOW) {
            throw new InspectionException("INSPECTION", "inspection " + inspection + " waits for the reveals of "
                    + String.join(", ", secrets.waiting) + " (until the log has " + (o.drawAt() + REVEAL_WINDOW)
                    + " entries; it has " + size + ")");
        }
        if (secrets.councils.size() < 2) {
            throw new InspectionException("INSPECTION", "the seed of inspection " + inspection + " needs secrets"
                    + " revealed by members of at least two councils; it has " + (secrets.councils.isEmpty() ? "none"
                    : "only " + secrets.councils) + (secrets.ignored.isEmpty() ? "" : " (" + String.join("; ",
                    secrets.ignored) + ")"));
        }
        Selection selection = Lottery.select(pool, o.panel(), quotas);
        MessageDigest d = sha256();
        d.update(HexFormat.of().parseHex(record.log().root(o.drawAt())));
        for (byte[] secret : secrets.revealed) {
            d.update(secret);
        }
        d.update(ByteBuffer.allocate(8).putLong(inspection).array());
        byte[] seed = d.digest();
        List<String> ignored = new ArrayList<>(secrets.ignored);
        for (String w : secrets.waiting) {
            ignored.add(w + " committed and did not reveal by entry " + (o.drawAt() + REVEAL_WINDOW));
        }
        return new Draw(inspection, selection, seed, selection.draw(seed), secrets.revealed.size(), ignored,
                probabilities(inspection, selection));
    }

    /** Records {@code draw.made} for the inspection, drawn from the log as it stands. */
    public static long record(Record record, long inspection, NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.DRAW_MADE, by);
        Draw draw = compute(record, inspection, record.log().size());
        ObjectNode body = JSON.createObjectNode();
        body.put("inspection", inspection);
        body.put("seed", draw.seedHex());
        draw.panel().forEach(body.putArray("panel")::add);
        body.put("probabilities", record.content().put(draw.probabilities()));
        return record.append(EventTypes.DRAW_MADE, body, by);
    }

    /**
     * Recomputes every recorded {@code draw.made} from the entries before it; a problem for each that
     * differs in seed, panel or probabilities file, or cannot be recomputed. Returns the problems and
     * counts the draws in {@code checked[0]}.
     */
    public static List<String> verify(Record record, long[] checked) throws IOException {
        List<String> problems = new ArrayList<>();
        // the snapshot knows where each inspection was drawn: no need to read every entry of a long log
        List<Long> drawn = new ArrayList<>();
        for (Inspection o : record.snapshot().inspections().values()) {
            if (o.isDrawn()) {
                drawn.add(o.drawn());
            }
        }
        java.util.Collections.sort(drawn);
        for (long i : drawn) {
            Event e = record.event(i);
            checked[0]++;
            JsonNode b = e.body();
            String at = "entry " + i + " (draw.made by " + e.signer() + ")";
            Draw draw;
            try {
                draw = compute(record, b.path("inspection").asLong(), i);
            } catch (InspectionException x) {
                problems.add(at + ": the draw cannot be recomputed: " + x.getMessage());
                continue;
            }
            if (!draw.seedHex().equals(b.path("seed").asText())) {
                problems.add(at + ": its seed " + b.path("seed").asText() + " is not the recomputed "
                        + draw.seedHex());
            }
            List<String> panel = new ArrayList<>();
            b.path("panel").forEach(n -> panel.add(n.asText()));
            if (!panel.equals(draw.panel())) {
                problems.add(at + ": its panel " + panel + " is not the one the seed draws, " + draw.panel());
            }
            String hash = org.gosplan.record.Canonical.sha256(draw.probabilities());
            if (!hash.equals(b.path("probabilities").asText())) {
                problems.add(at + ": its probabilities " + b.path("probabilities").asText() + " are not the"
                        + " recomputed ones, " + hash);
            }
        }
        return problems;
    }

    /**
     * The inspectors registered at the ordering entry, less those of the inspected unit, those
     * sharing its value of an excluded attribute, and those on the last panel drawn for it.
     */
    static Pool pool(Snapshot ordered, Inspection o) {
        Unit unit = ordered.unit(o.unit());
        Set<String> lastPanel = new LinkedHashSet<>();
        long last = -1;
        for (Inspection other : ordered.inspections().values()) {
            if (other.unit().equals(o.unit()) && other.index() < o.index() && other.isDrawn()
                    && other.index() > last) {
                last = other.index();
                lastPanel = new LinkedHashSet<>(other.members());
            }
        }
        List<Pool.Member> members = new ArrayList<>();
        for (Map.Entry<String, Member> e : ordered.members().entrySet()) {
            Member m = e.getValue();
            if (m.role() != Role.INSPECTOR || o.unit().equals(m.attrs().get("unit"))
                    || lastPanel.contains(e.getKey())) {
                continue;
            }
            boolean shares = false;
            for (String key : o.exclude()) {
                String v = unit == null ? null : unit.attrs().get(key);
                shares |= v != null && v.equals(m.attrs().get(key));
            }
            if (!shares) {
                members.add(new Pool.Member(e.getKey(), m.attrs()));
            }
        }
        if (members.isEmpty()) {
            throw new InspectionException("INSPECTION", "no registered inspector may inspect unit '" + o.unit()
                    + "' (none is left after the exclusions); register inspectors before ordering an inspection");
        }
        return new Pool(members);
    }

    private static final class Secrets {
        final List<byte[]> revealed = new ArrayList<>();
        final Set<String> councils = new LinkedHashSet<>();
        final List<String> ignored = new ArrayList<>();
        final List<String> waiting = new ArrayList<>();
    }

    private static Secrets secrets(Record record, Snapshot now, Inspection o, long size) throws IOException {
        Secrets out = new Secrets();
        Map<String, String> committed = new LinkedHashMap<>();
        Map<String, Long> committedAt = new HashMap<>();
        Set<String> revealedBy = new LinkedHashSet<>();
        for (long i = o.index() + 1; i < size; i++) {
            if (!record.accepted(i)) {
                continue; // an entry the record refused (not an event, a forgery) commits and reveals nothing
            }
            Event e = record.event(i);
            boolean commit = e.type().equals(EventTypes.SECRET_COMMITTED);
            boolean reveal = e.type().equals(EventTypes.SECRET_REVEALED);
            if (!(commit || reveal) || e.body().path("inspection").asLong(-1) != o.index()) {
                continue;
            }
            String who = e.signer();
            if (commit) {
                if (i >= o.drawAt()) {
                    out.ignored.add("the commitment of " + who + " at entry " + i + " came after drawAt " + o.drawAt());
                } else if (committed.containsKey(who)) {
                    out.ignored.add("the second commitment of " + who + " at entry " + i + " (the first counts)");
                } else {
                    committed.put(who, e.body().path("hash").asText());
                    committedAt.put(who, i);
                }
                continue;
            }
            byte[] secret = HexFormat.of().parseHex(e.body().path("secret").asText());
            String hash = HexFormat.of().formatHex(sha256().digest(secret));
            if (!committed.containsKey(who)) {
                out.ignored.add("the reveal of " + who + " at entry " + i + " has no commitment before drawAt");
            } else if (revealedBy.contains(who)) {
                out.ignored.add("the second reveal of " + who + " at entry " + i);
            } else if (i < o.drawAt()) {
                out.ignored.add("the reveal of " + who + " at entry " + i + " came before drawAt " + o.drawAt());
            } else if (i >= o.drawAt() + REVEAL_WINDOW) {
                out.ignored.add("the reveal of " + who + " at entry " + i + " came after the deadline, entry "
                        + (o.drawAt() + REVEAL_WINDOW - 1));
            } else if (!hash.equals(committed.get(who))) {
                out.ignored.add("the reveal of " + who + " at entry " + i + " does not match its commitment at entry "
                        + committedAt.get(who));
            } else {
                revealedBy.add(who);
                out.revealed.add(secret);
                Member m = now.memberAt(who, i);
                if (m != null) {
                    out.councils.addAll(m.councils());
                }
            }
        }
        for (String who : committed.keySet()) {
            if (!revealedBy.contains(who)) {
                out.waiting.add(who);
            }
        }
        return out;
    }

    /** The probabilities file stored with a draw: every pool member's probability, in pool order. */
    static byte[] probabilities(long inspection, Selection s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", PROBABILITIES_FORMAT);
        o.put("inspection", inspection);
        o.put("pool", s.size());
        ObjectNode p = o.putObject("probabilities");
        for (int i = 0; i < s.size(); i++) {
            p.put(s.id(i), s.probability(i));
        }
        o.put("minProbability", s.minProbability());
        o.put("leximin", s.leximin());
        o.put("panels", s.panels());
        o.put("deviation", s.deviation());
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static String text(Record record, String hash) throws IOException {
        try (InputStream in = record.content().open(hash)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
