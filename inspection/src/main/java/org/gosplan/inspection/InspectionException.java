package org.gosplan.inspection;

/**
 * The inspection module's one error type for users' mistakes: a report, finding or quotas file that
 * cannot be read or does not fit the record (a technique not of the unit, an unknown product, unit or
 * plan), an inspection that cannot be ordered. Its message starts with {@link #where()} (file, line
 * and field) and says what to fix. Nothing is recorded when it is thrown.
 */
public class InspectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String where;

    public InspectionException(String where, String message) {
        super(where.isEmpty() ? message : where + ": " + message);
        this.where = where;
    }

    /** The file, line and field the mistake is at ("report.json:12:5 delivered[3].quantity"), or "". */
    public String where() {
        return where;
    }
}
