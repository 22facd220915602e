package org.gosplan.economy;

/**
 * The names of the files a table's parts were read from, so that a warning about final demand
 * names {@code Y.csv} in a Gosplan table folder and {@code Y.txt} in a pymrio folder.
 */
record TableFiles(String z, String y, String x, String f) {
    static final TableFiles GOSPLAN = new TableFiles("Z.csv", "Y.csv", "x.csv", "F.csv");

    /** One file holding every part (the OECD ICIO layout). */
    static TableFiles single(String file) {
        return new TableFiles(file, file, file, file);
    }
}
