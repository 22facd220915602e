package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.LogVerification;
import org.gosplan.record.Record;

/** Opening the record named on a command line: a data directory, or {@code --db JDBC_URL}. */
final class RecordAccess {
    private RecordAccess() {}

    static Log openLog(Path dir, String db) throws IOException {
        if (db != null) {
            if (dir != null) {
                throw new UsageException("give either DIR or --db, not both");
            }
            return Log.openDb(db);
        }
        if (dir == null) {
            throw new UsageException("give the log's data directory DIR (or --db JDBC_URL)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + " is not a log's data directory; make one with 'gosplan log init DIR --origin NAME'");
        }
        return Log.open(dir);
    }

    static Record open(Path dir, String db) throws IOException {
        return Record.open(openLog(dir, db));
    }

    /** As {@link #open}, checking every signature whatever an earlier verification left beside the log. */
    static Record openVerifyingAll(Path dir, String db) throws IOException {
        return Record.openVerifyingAll(openLog(dir, db));
    }

    /** What 'log verify' finds: tree, stored hashes, checkpoints and signatures. */
    static List<String> verifyLog(Path dir, String db) throws IOException {
        return verifyLog(dir, db, org.gosplan.economy.Progress.NONE);
    }

    /** As above, telling {@code progress} how many entries have been checked. */
    static List<String> verifyLog(Path dir, String db, org.gosplan.economy.Progress progress) throws IOException {
        List<String> out = new ArrayList<>();
        try (Log log = openLog(dir, db)) {
            long size = log.size();
            LogVerification v = log.verify(done -> progress.update("checking the log's entries and hashes", done, size));
            for (LogVerification.Problem p : v.problems()) {
                out.add(p.toString());
            }
        }
        return out;
    }
}
