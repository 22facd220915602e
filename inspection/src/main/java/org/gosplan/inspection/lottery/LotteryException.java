package org.gosplan.inspection.lottery;

import org.gosplan.inspection.InspectionException;

/**
 * A draw that cannot be made from what it was given (a malformed pool or quotas file, a panel
 * larger than the pool, quotas that cannot hold together): {@link #where()} names the file and
 * line or the option, the message says what to fix. The module's one error type, as the lottery's
 * own kind of it.
 */
public class LotteryException extends InspectionException {
    private static final long serialVersionUID = 1L;

    public LotteryException(String where, String message) {
        super(where, message);
    }
}
