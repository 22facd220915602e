package org.gosplan.economy;

import java.util.List;

/**
 * The economy module's one error type for users' mistakes: data that cannot be read or does
 * not make an economy. Carries every error found in the run, not only the first.
 */
public class EconomyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** More than this many errors is noise: the reader stops collecting. */
    public static final int MAX_ERRORS = 50;

    private final transient List<Problem> errors;
    private final transient List<Problem> warnings;

    public EconomyException(List<Problem> errors, List<Problem> warnings) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public EconomyException(String where, String message) {
        this(List.of(new Problem(where, message)), List.of());
    }

    public List<Problem> errors() {
        return errors;
    }

    public List<Problem> warnings() {
        return warnings;
    }

    private static String summary(List<Problem> errors) {
        if (errors.isEmpty()) {
            return "invalid input";
        }
        StringBuilder b = new StringBuilder(errors.get(0).toString());
        for (int i = 1; i < errors.size(); i++) {
            b.append('\n').append(errors.get(i));
        }
        if (errors.size() >= MAX_ERRORS) {
            b.append("\n(stopped after ").append(MAX_ERRORS).append(" errors)");
        }
        return b.toString();
    }
}
