package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gosplan.council.count.EqualShares;
import org.gosplan.council.count.Greedy;
import org.gosplan.council.count.Tally;
import org.junit.jupiter.api.Test;

/** Real budgets from Pabulib, counted and compared with the outcome published with them. */
class PabulibTest {

    static String text(String name) {
        try (InputStream in = PabulibTest.class.getResourceAsStream("/elections/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PabulibElection read(String name) {
        return Pabulib.parse(name, text(name));
    }

    static Tally equalShares(PabulibElection e) {
        return EqualShares.count(e.options(), e.ballots(), e.costs(), e.budget());
    }

    @Test
    void readsAssen() {
        PabulibElection e = read("Netherlands_Assen_2024.pb");
        assertEquals(84, e.ballots().size());
        assertEquals(14, e.options().size());
        assertEquals(100000, e.budget());
        assertEquals("equalshares/add1", e.meta().get("rule"));
        // ids as text: "1" < "10" < "11" < ... < "2"
        assertEquals(List.of("1", "10", "11", "12", "13", "14", "2", "3", "4", "5", "6", "7", "8", "9"), e.options().names());
        assertEquals(7200, e.costs()[e.options().names().indexOf("3")]);
        assertEquals(Set.of("3", "9", "2", "11", "13", "14", "5", "6", "12"), new HashSet<>(e.selected()));
        // the votes column of PROJECTS is what the ballots add up to
        Tally t = equalShares(e);
        assertEquals(43L, t.counts().get("3"));
        assertEquals(9L, t.counts().get("12"));
    }

    @Test
    void equalSharesReproducesAssen() {
        PabulibElection e = read("Netherlands_Assen_2024.pb");
        Tally t = equalShares(e);
        assertEquals(new HashSet<>(e.selected()), new HashSet<>(t.winners()));
        // what the completion must not do: greedy by votes takes 8; a greedy step after add1 would add 7
        assertTrue(Greedy.count(e.options(), e.ballots(), e.costs(), e.budget()).winners().contains("8"));
        double spent = 0;
        for (String w : t.winners()) {
            spent += e.costs()[e.options().names().indexOf(w)];
        }
        assertTrue(spent + e.costs()[e.options().names().indexOf("7")] <= e.budget(), "7 would still fit");
        assertFalse(t.winners().contains("7"));
        assertEquals(84, t.voters());
        Object remaining = t.rounds().get(t.rounds().size() - 1).get("remaining");
        assertTrue((double) remaining >= 0);
    }

    @Test
    void equalSharesReproducesWieliczkasGreenBudget() {
        PabulibElection e = read("Poland_Wieliczka_2023_green-budget.pb");
        assertEquals(6586, e.ballots().size());
        assertEquals(30, e.selected().size());
        assertEquals(new HashSet<>(e.selected()), new HashSet<>(equalShares(e).winners()));
    }

    @Test
    void greedyReproducesWarsawNadwisle() {
        PabulibElection e = read("Poland_Warszawa_2017_Nadwisle.pb");
        assertEquals("greedy", e.meta().get("rule"));
        Tally t = Greedy.count(e.options(), e.ballots(), e.costs(), e.budget());
        assertEquals(new HashSet<>(e.selected()), new HashSet<>(t.winners()));
        assertEquals(List.of("558", "1441", "582", "1408", "547"), t.winners(), "in order of votes");
    }

    @Test
    void quotedFieldsAreRead() {
        PabulibElection e = read("Poland_Wieliczka_2023_green-budget.pb");
        // project 81's name holds ";"-free but quoted text with doubled quotes; its cost still reads
        assertEquals(68000, e.costs()[e.options().names().indexOf("81")]);
    }

    static final String SMALL = "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;100\nvote_type;approval\n"
            + "PROJECTS\nproject_id;cost;name\na;60;\"first; with a semicolon\"\nb;50;second\n"
            + "VOTES\nvoter_id;vote\n1;a,b\n2;b\n";

    @Test
    void readsASmallFile() {
        PabulibElection e = Pabulib.parse("small.pb", SMALL);
        assertEquals(List.of("a", "b"), e.options().names());
        assertEquals(2, e.ballots().size());
        assertEquals(List.of(), e.selected());
    }

    static String where(String text) {
        return assertThrows(PabulibException.class, () -> Pabulib.parse("bad.pb", text)).where();
    }

    @Test
    void refusesMalformedFilesSayingWhere() {
        assertEquals("bad.pb:14", where(SMALL.replace("2;b\n", "2;c\n")), "unknown project");
        assertEquals("bad.pb:14", where(SMALL.replace("2;b\n", "2;b,b\n")), "approved twice");
        assertEquals("bad.pb:14", where(SMALL.replace("2;b\n", "1;b\n")), "voter twice");
        assertEquals("bad.pb:10", where(SMALL.replace("b;50;second", "a;50;second")), "project twice");
        assertEquals("bad.pb:9", where(SMALL.replace("a;60;", "a;sixty;")), "cost not a number");
        assertEquals("bad.pb:9", where(SMALL.replace("a;60;", "a;60;x;")), "a field too many");
        assertEquals("bad.pb:1", where(SMALL.replace("budget;100\n", "")), "no budget");
        assertEquals("bad.pb:1", where(SMALL.replace("num_votes;2", "num_votes;3")), "a vote missing");
        assertEquals("bad.pb:1", where(SMALL.replace("approval", "ordinal")), "not approval");
        assertEquals("bad.pb:8", where(SMALL.replace("project_id;cost", "project_id;price")), "no cost column");
        assertEquals("bad.pb:1", where(SMALL.replace("META\n", "")), "no META");
        assertEquals("bad.pb:11", where(SMALL.replace("VOTES\n", "")), "no VOTES: its header read as a project");
        assertEquals("bad.pb:9", where(SMALL.replace("semicolon\"", "semicolon")), "open quote");
    }
}
