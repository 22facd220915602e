package org.gosplan.ledger.witness;

/**
 * The witness's answer to one add-checkpoint request, as C2SP tlog-witness says it goes over
 * HTTP: a status code, a content type and a body. The ledger knows nothing of HTTP; the server
 * copies these three onto its response.
 */
public record Answer(int status, String contentType, String body) {
    /** The content type of a 409's body, the size the witness last cosigned. */
    public static final String TLOG_SIZE = "text/x.tlog.size";
    static final String TEXT = "text/plain; charset=utf-8";

    static Answer of(int status, String message) {
        return new Answer(status, TEXT, message + "\n");
    }

    static Answer conflict(long size) {
        return new Answer(409, TLOG_SIZE, size + "\n");
    }
}
