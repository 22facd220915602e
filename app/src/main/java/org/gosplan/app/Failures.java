package org.gosplan.app;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.gosplan.economy.EconomyException;
import org.gosplan.ledger.LedgerException;
import org.gosplan.planner.PlannerException;
import org.gosplan.record.RecordException;

/** Maps the modules' error types to exit codes and user-facing messages. */
final class Failures {
    private Failures() {}

    static int exitCode(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof EconomyException || t instanceof PlannerException || t instanceof LedgerException || t instanceof RecordException
                || t instanceof UsageException || t instanceof NoSuchFileException
                || t instanceof AccessDeniedException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    static String message(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof NoSuchFileException) {
            return "gosplan: " + t.getMessage() + ": no such file or folder; check the path";
        }
        if (t instanceof AccessDeniedException) {
            return "gosplan: " + t.getMessage() + ": permission denied";
        }
        return "gosplan: " + Secrets.redact(t.getMessage());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
