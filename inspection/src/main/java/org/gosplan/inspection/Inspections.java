package org.gosplan.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Finding;
import org.gosplan.record.Inspection;
import org.gosplan.record.Record;
import org.gosplan.record.Snapshot;

/**
 * Inspections on the record (inspection.md): ordering one, the secrets that seed its draw, the
 * drawn inspectors' findings and the unit's answers. The draw itself is the lottery's. The record
 * refuses what the log rules out (a drawAt already passed, a finding by an inspector not on the
 * panel, an answer by another unit's key); this class adds what it can check of the files first.
 */
public final class Inspections {
    private Inspections() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");
    public static final String FINDING_FORMAT = "gosplan/finding@1";
    public static final String ANSWER_FORMAT = "gosplan/answer@1";
    static final Set<String> VERDICTS = Set.of("confirmed", "discrepancies", "fraud");

    /**
     * Orders an inspection of {@code unit} by a panel of {@code panel} inspectors drawn once the log
     * has {@code drawAt} entries; {@code quotas} (a CSV attr,value,min,max, or null) is stored beside
     * the log. Councils and operators.
     */
    public static long order(Record record, String unit, int panel, Path quotas, List<String> exclude, long drawAt,
                             NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.INSPECTION_ORDERED, by);
        Snapshot s = record.snapshot();
        if (s.unit(unit) == null) {
            throw new InspectionException("--unit", "unit '" + unit + "' is not registered; an operator registers it"
                    + " with 'gosplan record DIR unit " + unit + " --techniques ...'");
        }
        if (panel < 1) {
            throw new InspectionException("--panel", panel + " inspectors is no panel; give at least 1");
        }
        if (drawAt <= s.size() + 1) {
            throw new InspectionException("--draw-at", drawAt + " must exceed the log's size at this entry ("
                    + (s.size() + 1) + "): the draw is seeded by a root nobody knows when it is ordered; give, say, "
                    + (s.size() + 10));
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", unit);
        body.put("panel", panel);
        if (quotas == null) {
            body.putNull("quotas");
        } else {
            body.put("quotas", record.content().put(quotas));
        }
        exclude.forEach(body.putArray("exclude")::add);
        body.put("drawAt", drawAt);
        return record.append(EventTypes.INSPECTION_ORDERED, body, by);
    }

    /** Commits a council member to a 32-byte secret by its SHA-256 ({@code hashHex}). */
    public static long commit(Record record, long inspection, String hashHex, NoteSigner by) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("inspection", inspection);
        body.put("hash", hex32("--hash", hashHex));
        return record.append(EventTypes.SECRET_COMMITTED, body, by);
    }

    /** Reveals the secret committed to. */
    public static long reveal(Record record, long inspection, String secretHex, NoteSigner by) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("inspection", inspection);
        body.put("secret", hex32("--secret", secretHex));
        return record.append(EventTypes.SECRET_REVEALED, body, by);
    }

    private static String hex32(String option, String hex) {
        String h = hex.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HEX32.matcher(h).matches()) {
            throw new InspectionException(option, "'" + hex + "' is not 32 bytes in hex (64 hex digits)");
        }
        return h;
    }

    /** What filing or answering recorded: the log index and the content hash. */
    public record Filed(long index, String hash) {}

    /**
     * Files the finding in {@code file} ({@code gosplan/finding@1}: summary, findings, verdict) for
     * {@code inspection}, by an inspector on its drawn panel.
     */
    public static Filed file(Record record, Path file, long inspection, NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.FINDING_FILED, by);
        JsonNode doc = document(file, FINDING_FORMAT, "a finding says in \"summary\" what the inspectors found");
        String name = file.getFileName().toString();
        if (!doc.path("findings").isArray()) {
            throw new InspectionException(name + " findings", "a finding lists its \"findings\" (a list, maybe"
                    + " empty: reconcile's findings, or the inspectors' own)");
        }
        if (!VERDICTS.contains(doc.path("verdict").asText())) {
            throw new InspectionException(name + " verdict", "\"verdict\" is \"confirmed\", \"discrepancies\" or"
                    + " \"fraud\"");
        }
        Inspection i = record.snapshot().inspection(inspection);
        if (i == null) {
            throw new InspectionException("--inspection", "no inspection is ordered at entry " + inspection);
        }
        String hash = record.content().put(file);
        ObjectNode body = JSON.createObjectNode();
        body.put("inspection", inspection);
        body.put("finding", hash);
        return new Filed(record.append(EventTypes.FINDING_FILED, body, by), hash);
    }

    /** Answers the finding filed at {@code finding} with {@code file} ({@code gosplan/answer@1}: summary): the unit. */
    public static Filed answer(Record record, Path file, long finding, NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.FINDING_ANSWERED, by);
        document(file, ANSWER_FORMAT, "an answer says in \"summary\" what the unit answers");
        Finding f = record.snapshot().finding(finding);
        if (f == null) {
            throw new InspectionException("--finding", "no finding is filed at entry " + finding);
        }
        String hash = record.content().put(file);
        ObjectNode body = JSON.createObjectNode();
        body.put("finding", finding);
        body.put("answer", hash);
        return new Filed(record.append(EventTypes.FINDING_ANSWERED, body, by), hash);
    }

    /** Reads a finding or answer file: a JSON object of {@code format} with a "summary" ({@code why} when absent). */
    private static JsonNode document(Path file, String format, String why) throws IOException {
        String name = file.getFileName().toString();
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException x) {
            var at = x.getLocation();
            throw new InspectionException(at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr(),
                    "not valid JSON: " + x.getOriginalMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new InspectionException(name, "a JSON object {\"format\": \"" + format + "\", ...} is expected");
        }
        if (!format.equals(doc.path("format").asText())) {
            throw new InspectionException(name + " format", "\"format\" must be \"" + format + "\"");
        }
        if (!doc.path("summary").isTextual() || doc.get("summary").asText().isBlank()) {
            throw new InspectionException(name + " summary", why);
        }
        return doc;
    }
}
