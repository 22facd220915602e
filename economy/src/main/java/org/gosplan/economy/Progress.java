package org.gosplan.economy;

/** Told how far a long piece of work has got, so a front end can show it. */
@FunctionalInterface
public interface Progress {
    /**
     * @param task  what is being done, for example {@code reading flows.csv}
     * @param done  units done so far (bytes, rows, iterations), or -1 when the step has nothing to count
     * @param total units in all, or -1 when unknown
     */
    void update(String task, long done, long total);

    /** Ignores all updates. */
    Progress NONE = (task, done, total) -> { };
}
