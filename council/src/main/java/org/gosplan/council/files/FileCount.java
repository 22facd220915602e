package org.gosplan.council.files;

import java.nio.file.Path;
import java.util.Locale;
import org.gosplan.council.count.Approval;
import org.gosplan.council.count.CountException;
import org.gosplan.council.count.EqualShares;
import org.gosplan.council.count.Schulze;
import org.gosplan.council.count.Stv;
import org.gosplan.council.count.Tally;

/**
 * {@code gosplan tally FILE}: counts the ballots of a PrefLib file ({@code .soc .soi .toc .toi}
 * rankings, {@code .cat} approvals) or a Pabulib file ({@code .pb}, approvals with costs and a
 * budget) with the same methods as a ballot on the log. Options are named as the file names
 * them: PrefLib alternatives by their {@code ALTERNATIVE NAME}, Pabulib projects by their
 * {@code project_id}.
 */
public final class FileCount {
    private FileCount() {}

    /**
     * The tally of {@code file} by {@code method}; {@code seats} null for the default (1), and
     * {@code budget} null for the file's own (Pabulib) budget.
     */
    public static Tally count(Path file, String method, Integer seats, Double budget) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        boolean pabulib = name.endsWith(".pb");
        if (method.equals("equal-shares")) {
            if (!pabulib) {
                throw new CountException("--method equal-shares needs each project's cost, which a Pabulib file"
                        + " (.pb) gives and " + file + " does not");
            }
            if (seats != null) {
                throw new CountException("--seats is not for equal-shares: the budget decides how many win");
            }
        } else if (budget != null) {
            throw new CountException("--budget is for --method equal-shares only");
        }
        int k = seats == null ? 1 : seats;
        if (pabulib) {
            PabulibElection e = Pabulib.read(file);
            switch (method) {
                case "equal-shares":
                    return EqualShares.count(e.options(), e.ballots(), e.costs(), budget == null ? e.budget() : budget);
                case "approval":
                    return Approval.count(e.options(), e.ballots(), k);
                default:
                    throw wrongKind(method, file, "approval votes");
            }
        }
        PrefLibElection e = PrefLibReader.read(file);
        switch (method) {
            case "approval":
                if (e.ranked()) {
                    throw wrongKind(method, file, "rankings");
                }
                return Approval.count(e.options(), e.approvals(), k);
            case "schulze":
            case "stv":
                if (!e.ranked()) {
                    throw wrongKind(method, file, "approvals (.cat)");
                }
                return method.equals("stv") ? Stv.count(e.options(), e.rankings(), k)
                        : Schulze.count(e.options(), e.rankings(), k);
            default:
                throw new CountException("--method '" + method + "' is unknown; the methods are approval, schulze,"
                        + " stv and equal-shares");
        }
    }

    private static CountException wrongKind(String method, Path file, String holds) {
        return new CountException("--method " + method + " counts " + (method.equals("schulze") || method.equals("stv")
                ? "rankings" : "approvals") + ", and " + file + " holds " + holds);
    }
}
