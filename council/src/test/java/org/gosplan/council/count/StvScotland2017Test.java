package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gosplan.council.files.PrefLibElection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eleven wards of the Scottish council elections of 2017, from eight councils, against the
 * official stage-by-stage results the councils declared: the quota, the winners, the number of
 * stages and every continuing or elected candidate's votes at every stage, to the decimals the
 * declaration gives (the count is Scottish STV as in the Scottish Local Government Elections
 * Order 2007: Droop quota, Weighted Inclusive Gregory transfers truncated to five decimals, one
 * surplus or exclusion per stage). The same comparison over every 2017 ward with published
 * ballots (306 wards of 32 councils: winners all equal, stages equal in 304, the two others
 * differing by a typo in the transcribed declaration) is described in the resources' README.
 */
class StvScotland2017Test {

    /** The official result of one ward: seats, quota, and every candidate's total and status per count. */
    record Declared(int seats, String quota, Map<Integer, Map<String, String>> totals, TreeSet<String> elected) {}

    static Declared declared(String ward) {
        Map<Integer, Map<String, String>> totals = new TreeMap<>();
        TreeSet<String> elected = new TreeSet<>();
        int seats = 0;
        String quota = null;
        for (String line : Elections.text("scotland2017/official-stages.csv").split("\n")) {
            String[] f = line.split(",", -1);
            if (!f[0].equals(ward)) {
                continue;
            }
            seats = Integer.parseInt(f[1]);
            quota = f[2];
            totals.computeIfAbsent(Integer.parseInt(f[3]), k -> new TreeMap<>()).put(f[4], f[5]);
            if (f[6].equals("Elected")) {
                elected.add(f[4]);
            }
        }
        assertTrue(seats > 0, ward + " is in official-stages.csv");
        return new Declared(seats, quota, totals, elected);
    }

    /** Ours equals the declared figure when rounded (or truncated) to as many decimals as it shows. */
    static boolean agrees(String declared, BigDecimal ours) {
        BigDecimal d = new BigDecimal(declared);
        int places = Math.max(0, d.scale());
        return ours.setScale(places, RoundingMode.HALF_UP).compareTo(d) == 0
                || ours.setScale(places, RoundingMode.DOWN).compareTo(d) == 0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"aberdeen_2017_ward2", "argyll_bute_2017_ward10", "dundee_2017_ward2", "edinburgh_2017_ward1",
        "fife_2017_ward18", "glasgow_2017_ward16", "glasgow_2017_ward23", "highland_2017_ward1", "highland_2017_ward20",
        "orkney_2017_ward2", "shetland_2017_ward4"})
    void theDeclaredCountStageByStage(String ward) {
        Declared official = declared(ward);
        PrefLibElection e = Elections.preflib("scotland2017/" + ward + ".soi");
        Tally t = Stv.count(e.options(), e.rankings(), official.seats());

        assertEquals(official.elected(), new TreeSet<>(t.winners()), ward + ": the councillors elected");
        assertEquals(official.totals().size(), t.rounds().size(), ward + ": the number of stages");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> stage : official.totals().entrySet()) {
            Map<String, Object> round = t.rounds().get(stage.getKey() - 1);
            assertEquals(0, new BigDecimal(official.quota()).compareTo((BigDecimal) round.get("quota")), ward + " quota");
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> values = (Map<String, BigDecimal>) round.get("values");
            for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
                String declaredTotal = stage.getValue().get(v.getKey());
                if (!agrees(declaredTotal, v.getValue())) {
                    differences.add("count " + stage.getKey() + " (" + round.get("action") + "): " + v.getKey()
                            + " declared " + declaredTotal + ", counted " + v.getValue());
                }
            }
        }
        assertEquals(List.of(), differences, ward);
    }

    /**
     * North, West and Central Sutherland: no candidate reaches the quota (702) until the last
     * stage; candidates are excluded one by one, and the three still continuing fill the three
     * seats, one of them (Kirsteen Currie, 689 votes) below the quota, as declared.
     */
    @ParameterizedTest
    @ValueSource(strings = "highland_2017_ward1")
    void aWardWhereTheLastSeatIsFilledBelowTheQuota(String ward) {
        PrefLibElection e = Elections.preflib("scotland2017/" + ward + ".soi");
        Tally t = Stv.count(e.options(), e.rankings(), 3);
        assertEquals(new TreeSet<>(List.of("CURRIE", "MORRISON", "MUNRO")), new TreeSet<>(t.winners()));
        for (Map<String, Object> round : t.rounds().subList(0, t.rounds().size() - 1)) {
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> values = (Map<String, BigDecimal>) round.get("values");
            for (BigDecimal v : values.values()) {
                assertTrue(v.compareTo(new BigDecimal(702)) < 0, round.toString());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, BigDecimal> last = (Map<String, BigDecimal>) t.rounds().get(t.rounds().size() - 1).get("values");
        assertEquals(0, new BigDecimal(689).compareTo(last.get("CURRIE")), last.toString());
    }
}
