package org.gosplan.record;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code gosplan verify} found: every problem, each naming the entry, content or plan it
 * concerns. Empty means everything held.
 */
public final class Verification {
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long events;
    private long plans;
    private long plansReplayed;
    private long tallies;

    void problem(String p) {
        problems.add(p);
    }

    void note(String n) {
        notes.add(n);
    }

    void countEvent() {
        events++;
    }

    void countPlan() {
        plans++;
    }

    void countReplay() {
        plansReplayed++;
    }

    void countTally() {
        tallies++;
    }

    /** The ballot.tallied events recounted. */
    public long tallies() {
        return tallies;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Things worth saying that are not failures (unknown event types skipped, tolerances used). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public long events() {
        return events;
    }

    /** The plan.computed events read, replayed or not. */
    public long plans() {
        return plans;
    }

    public long plansReplayed() {
        return plansReplayed;
    }
}
