package org.gosplan.council.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.council.proposal.Proposal;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Canonical;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * Tallies on the record: {@code ballot.tallied} {@code {"ballot", "winners", "result", "targets"}},
 * where result is the SHA-256 of the tally's canonical JSON (RFC 8785, {@link TallyJson}) and,
 * on a ballot opened with {@code --adopt} that has winners, targets is the hash of the winners'
 * targets summed: per product the quantities added, the largest weight kept, products in the
 * order the winners (in order of election) first name them. {@link #recounter()} redoes all of
 * it for {@code gosplan verify}.
 */
public final class Tallies {
    private Tallies() {}

    /** A recorded tally: its index, the count, and the hashes it recorded. */
    public record Recorded(long index, Counting.Counted counted, ObjectNode json, String result, String targets) {}

    /** Counts a closed ballot and records its tally (adopting the winners' targets if it was opened so). */
    public static Recorded record(Record record, long ballot, NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.BALLOT_TALLIED, by);
        Snapshot now = record.snapshot();
        if (now.ballot(ballot) != null && !now.ballot(ballot).isClosed()) {
            throw new RecordException("refused, nothing recorded: ballot " + ballot + " is still open; close it first"
                    + " ('gosplan record DIR close " + ballot + "'), so that its votes are final");
        }
        Counting.Counted c = Counting.count(record, now, ballot);
        ObjectNode json = TallyJson.of(c.tally(), ballot, c.ballot().proposals());
        String result = Canonical.sha256(Canonical.bytes(json));
        String targets = adopted(record, now, c);
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("ballot", ballot);
        body.set("winners", json.get("winners").deepCopy());
        body.put("result", result);
        if (targets != null) {
            body.put("targets", targets);
        }
        long index = record.append(EventTypes.BALLOT_TALLIED, body, by);
        return new Recorded(index, c, json, result, targets);
    }

    /** The hash of the adopted targets, stored beside the log; null when the ballot adopts nothing. */
    private static String adopted(Record record, Snapshot at, Counting.Counted c) throws IOException {
        if (!c.ballot().adopt() || c.tally().winners().isEmpty()) {
            return null;
        }
        return record.storeTargets(summed(record, at, c.tally().winners()));
    }

    /** The latest economy at {@code at} with the winners' targets, summed, as its targets. */
    static Economy summed(Record record, Snapshot at, List<String> winners) throws IOException {
        Snapshot.Published latest = at.economy();
        if (latest == null) {
            throw new RecordException("no economy is recorded, so the winners' targets cannot be adopted");
        }
        Economy e = record.economy(latest.hash());
        // (product, region, year) -> {quantity, weight}: targets keep their republic and year (formats.md section 5)
        Map<java.util.List<Integer>, double[]> sum = new LinkedHashMap<>();
        for (String w : winners) {
            Proposal p = Proposal.read(record, Long.parseLong(w));
            Economy t;
            try {
                t = record.withStoredTargets(e, p.targets());
            } catch (EconomyException x) {
                throw new RecordException("proposal " + w + " names products the latest economy (entry "
                        + latest.index() + ") lacks, so it cannot be adopted: " + x.getMessage());
            }
            for (int i = 0; i < t.targets(); i++) {
                java.util.List<Integer> key = java.util.List.of(t.targetProduct(i), t.parts().targetRegion(i),
                        t.parts().targetYear(i));
                double[] qw = sum.computeIfAbsent(key, k -> new double[] {0, Double.NEGATIVE_INFINITY});
                qw[0] += t.targetQuantity(i);
                qw[1] = Math.max(qw[1], t.targetWeight(i));
            }
        }
        // one winner's target for every year and another's for one year at the same place: every year's own
        Map<java.util.List<Integer>, double[]> placed = new LinkedHashMap<>();
        for (Map.Entry<java.util.List<Integer>, double[]> x : sum.entrySet()) {
            java.util.List<Integer> k = x.getKey();
            boolean split = k.get(2) == 0 && sum.keySet().stream().anyMatch(o -> o.get(0).equals(k.get(0))
                    && o.get(1).equals(k.get(1)) && o.get(2) != 0);
            int from = split ? 1 : k.get(2);
            int to = split ? e.parts().years() : k.get(2);
            for (int y = from; y <= to; y++) {
                double[] qw = placed.computeIfAbsent(java.util.List.of(k.get(0), k.get(1), y),
                        o -> new double[] {0, Double.NEGATIVE_INFINITY});
                qw[0] += x.getValue()[0];
                qw[1] = Math.max(qw[1], x.getValue()[1]);
            }
        }
        int n = placed.size();
        int[] product = new int[n];
        double[] quantity = new double[n];
        double[] weight = new double[n];
        int[] region = new int[n];
        int[] year = new int[n];
        int k = 0;
        for (Map.Entry<java.util.List<Integer>, double[]> x : placed.entrySet()) {
            product[k] = x.getKey().get(0);
            region[k] = x.getKey().get(1);
            year[k] = x.getKey().get(2);
            quantity[k] = x.getValue()[0];
            weight[k] = x.getValue()[1];
            k++;
        }
        return e.hasParts() ? e.withTargets(product, quantity, weight, region, year)
                : e.withTargets(product, quantity, weight);
    }

    /**
     * Recounts a recorded tally for {@code gosplan verify}: the winners, the result's hash and the
     * adopted targets' hash must be what a count from the log gives.
     */
    public static Record.TallyRecount recounter() {
        return Tallies::recount;
    }

    static String recount(Record record, Snapshot before, Event tally, long index) throws IOException {
        long ballot = tally.body().get("ballot").asLong();
        Counting.Counted c = Counting.count(record, before, ballot);
        ObjectNode json = TallyJson.of(c.tally(), ballot, c.ballot().proposals());
        List<String> diffs = new ArrayList<>();
        JsonNode winners = json.get("winners");
        // compared as canonical JSON: a number read back from the log is the same number, whatever its Java type
        if (!java.util.Arrays.equals(Canonical.bytes(winners), Canonical.bytes(tally.body().get("winners")))) {
            diffs.add("it names winners " + tally.body().get("winners") + ", the count gives " + winners);
        }
        String result = Canonical.sha256(Canonical.bytes(json));
        if (!result.equals(tally.body().get("result").asText())) {
            diffs.add("its result hash is " + tally.body().get("result").asText() + ", the count's JSON hashes to "
                    + result);
        }
        String targets = null;
        if (c.ballot().adopt() && !c.tally().winners().isEmpty()) {
            targets = Canonical.sha256(targetsBytes(record, before, c.tally().winners()));
        }
        String recorded = tally.body().has("targets") ? tally.body().get("targets").asText() : null;
        if (!java.util.Objects.equals(targets, recorded)) {
            diffs.add("it adopts targets " + recorded + ", the winners' targets summed are " + targets);
        }
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    /** The bytes the summed targets are stored as, hashed without storing them again. */
    private static byte[] targetsBytes(Record record, Snapshot at, List<String> winners) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("gosplan-adopted-", ".targets.csv");
        try {
            org.gosplan.economy.EconomyFiles.writeTargets(summed(record, at, winners), tmp);
            return java.nio.file.Files.readAllBytes(tmp);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }
}
