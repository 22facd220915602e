package org.gosplan.council.files;

import org.gosplan.council.count.CountException;

/** A Pabulib file that cannot be read: says where ({@code file:line}) and what is wrong. */
public class PabulibException extends CountException {
    private static final long serialVersionUID = 1L;

    private final String where;

    public PabulibException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    /** The file and line ({@code name.pb:12}), or the file alone where no one line is at fault. */
    public String where() {
        return where;
    }
}
