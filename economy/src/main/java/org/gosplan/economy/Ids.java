package org.gosplan.economy;

/** The rule for ids: non-empty, printable, no commas or line breaks (formats.md). */
final class Ids {
    private Ids() {}

    /** Null when {@code id} is a valid id, else what is wrong with it. */
    static String problem(String id) {
        if (id.isEmpty()) {
            return "the id is empty; give every item a non-empty id";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ',') {
                return "the id '" + id + "' contains a comma; ids may not contain commas";
            }
            if (Character.isISOControl(c)) {
                return "the id '" + id.replaceAll("\\p{Cntrl}", "?") + "' contains a control character or line break";
            }
        }
        return null;
    }
}
