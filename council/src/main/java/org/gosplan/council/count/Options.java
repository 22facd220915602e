package org.gosplan.council.count;

import java.util.List;

/**
 * The options of one count, by dense index, with the names a result shows. Ties are broken in
 * favour of the lower index.
 */
public record Options(List<String> names) {
    public Options {
        names = List.copyOf(names);
        if (new java.util.HashSet<>(names).size() != names.size()) {
            throw new CountException("two options have the same name; name each option once");
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int option) {
        return names.get(option);
    }
}
