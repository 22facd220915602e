package org.gosplan.inspection.lottery;

import com.google.ortools.Loader;

/** OR-Tools' native libraries, loaded once. */
final class Solvers {
    private Solvers() {}

    private static boolean loaded;

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
