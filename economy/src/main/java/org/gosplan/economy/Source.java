package org.gosplan.economy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What was read from a path given where an ECONOMY or TABLE is accepted.
 *
 * @param path     the file or folder read
 * @param form     which of the three forms it was
 * @param economy  the economy (for a table: one technique per sector, see {@link Tables#toEconomy})
 * @param table    the table itself when {@code form == TABLE}, else null
 * @param warnings suspicious but readable data
 */
public record Source(Path path, Form form, Economy economy, IoTable table, List<Problem> warnings) {
    public Source {
        warnings = List.copyOf(warnings);
    }

    /** The warnings that matter to a use caring about {@code concerns} (see {@link Problem.Concern}). */
    public List<Problem> warnings(Set<Problem.Concern> concerns) {
        List<Problem> out = new ArrayList<>();
        for (Problem w : warnings) {
            if (w.concerns(concerns)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The three on-disk forms of formats.md. */
    public enum Form {
        /** {@code *.economy.json} (section 1). */
        ECONOMY_JSON,
        /** A folder of CSV files with {@code economy.json} (section 2). */
        ECONOMY_FOLDER,
        /** An input-output table folder with {@code Z.csv} (section 3). */
        TABLE
    }
}
