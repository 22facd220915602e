package org.gosplan.council.files;

import org.gosplan.council.count.CountException;

/**
 * A PrefLib file that cannot be read as one: says where ({@code FILE:LINE}, or the file) and
 * what is wrong. A {@link CountException}, so that whoever counts catches one error type.
 */
public class PrefLibException extends CountException {
    private static final long serialVersionUID = 1L;

    private final String where;

    PrefLibException(String where, String what) {
        super(where + ": " + what);
        this.where = where;
    }

    /** {@code FILE:LINE}, or {@code FILE} for what concerns the whole file. */
    public String where() {
        return where;
    }
}
