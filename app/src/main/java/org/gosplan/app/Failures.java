package org.gosplan.app;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.Problem;
import org.gosplan.inspection.lottery.LotteryException;
import org.gosplan.inspection.InspectionException;
import org.gosplan.ledger.LedgerException;
import org.gosplan.planner.PlannerException;
import org.gosplan.record.RecordException;

/** Maps the modules' error types to exit codes and user-facing messages. */
final class Failures {
    private Failures() {}

    /** The plan options' fields ({@link PlannerException#field()}) by the names of {@code gosplan plan}'s options. */
    private static final Map<String, String> OPTIONS = Map.of("objective", "--objective", "resource", "--resource",
            "method", "--method", "tolerance", "--tolerance", "timeLimitSeconds", "--time-limit", "threads", "--threads",
            "atLeastAlone", "--at-least-alone");

    static int exitCode(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof EconomyException || t instanceof InspectionException || t instanceof LotteryException
                || t instanceof PlannerException || t instanceof LedgerException || t instanceof RecordException
                || t instanceof org.gosplan.council.count.CountException
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

    /** The mistakes of a user's error as {@code where, message} pairs, for {@code {"errors": [...]}}. */
    static List<Problem> problems(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof EconomyException && !((EconomyException) t).errors().isEmpty()) {
            return ((EconomyException) t).errors();
        }
        if (t instanceof NoSuchFileException) {
            return List.of(new Problem(t.getMessage(), "no such file or folder; check the path"));
        }
        if (t instanceof InspectionException && !((InspectionException) t).where().isEmpty()) {
            String where = ((InspectionException) t).where();
            return List.of(new Problem(where, t.getMessage().substring(where.length() + 2)));
        }
        if (t instanceof AccessDeniedException) {
            return List.of(new Problem(t.getMessage(), "permission denied"));
        }
        String message = String.valueOf(t.getMessage());
        if (exitCode(t) == ExitCode.INTERNAL) {
            return List.of(new Problem("", "internal error: " + t));
        }
        if (t instanceof PlannerException && OPTIONS.containsKey(((PlannerException) t).field())) {
            return List.of(new Problem(OPTIONS.get(((PlannerException) t).field()), message));
        }
        return List.of(located(message, t instanceof UsageException ? "command line" : ""));
    }

    /**
     * A message split into where it points and what it says, where it starts as the modules write
     * places: an option ("--index 5 is outside ..."), or a file (with its line) or JSON pointer
     * followed by ": ".
     */
    static Problem located(String message, String otherwise) {
        String first = message.split("[\\s]", 2)[0];
        String option = first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
        if (option.length() > 2 && option.startsWith("--")) {
            return new Problem(option, first.endsWith(":") ? message.substring(first.length()).strip() : message);
        }
        int colon = message.indexOf(": ");
        if (colon > 0) {
            String head = message.substring(0, colon);
            String place = head.split(" ", 2)[0];
            if (place.contains("/") || place.matches(".*:\\d+") || place.matches("[^.]+\\.\\w+")) {
                // "file.csv:3: what" keeps only what; "file.csv exists: ..." keeps the whole sentence
                return new Problem(place, place.equals(head) ? message.substring(colon + 2) : message);
            }
        }
        return new Problem(otherwise, message);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
