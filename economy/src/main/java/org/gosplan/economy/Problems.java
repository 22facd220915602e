package org.gosplan.economy;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors and warnings of one read or validation, so that a user sees many of them
 * in one run instead of fixing one at a time. Stops collecting errors at
 * {@link EconomyException#MAX_ERRORS}.
 */
public final class Problems {
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void error(String where, String message) {
        if (errors.size() < EconomyException.MAX_ERRORS) {
            errors.add(new Problem(where, message));
        }
    }

    /** A warning about the data as read ({@link Problem.Concern#READING}). */
    public void warn(String where, String message) {
        warn(Problem.Concern.READING, where, message);
    }

    public void warn(Problem.Concern concern, String where, String message) {
        if (warnings.size() < 10 * EconomyException.MAX_ERRORS) {
            warnings.add(new Problem(where, message, concern));
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when enough errors are collected that reading on is pointless. */
    public boolean full() {
        return errors.size() >= EconomyException.MAX_ERRORS;
    }

    public List<Problem> errors() {
        return List.copyOf(errors);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws an {@link EconomyException} carrying everything collected, if there are errors. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new EconomyException(errors, warnings);
        }
    }

    /** Adds everything from another collection. */
    public void addAll(Problems other) {
        for (Problem p : other.errors) {
            error(p.where(), p.message());
        }
        for (Problem p : other.warnings) {
            warn(p.concern(), p.where(), p.message());
        }
    }
}
