package org.gosplan.economy;

import java.nio.file.Path;

final class EconomyFolder {
    private EconomyFolder() {}

    static Economy read(Path folder, Problems problems, Progress progress) {
        throw new UnsupportedOperationException("todo");
    }

    static void write(Economy e, Path folder) {
        throw new UnsupportedOperationException("todo");
    }
}
