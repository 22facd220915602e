package org.gosplan.economy;

import java.nio.file.Path;

final class TableFolder {
    private TableFolder() {}

    static IoTable read(Path folder, Problems problems, Progress progress) {
        throw new UnsupportedOperationException("todo");
    }
}
