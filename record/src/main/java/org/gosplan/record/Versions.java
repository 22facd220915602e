package org.gosplan.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of every entry of one register (units, inspections, plans), in log order, each in
 * effect from a tree size on; the snapshots of one fold share it and read it as of their own size,
 * so registering N units costs O(N), not a copy of the register per event (as {@link Roster} does
 * for members).
 *
 * <p>Append-only: a snapshot that writes to it from a point others have already passed (a branch of
 * the fold) takes a copy cut at its own size first, so no snapshot ever sees a version from past its
 * size.
 */
final class Versions<K, V> {
    private record Version<V>(long from, V value) {}

    private final Map<K, List<Version<V>>> versions;
    private final List<K> keys; // in order of first version
    private long end; // the tree size up to which some snapshot has written to this register

    private Versions(Map<K, List<Version<V>>> versions, List<K> keys, long end) {
        this.versions = versions;
        this.keys = keys;
        this.end = end;
    }

    static <K, V> Versions<K, V> empty() {
        return new Versions<>(new HashMap<>(), new ArrayList<>(), 0);
    }

    /** This register for a snapshot of tree size {@code size} about to write entry {@code index} ({@code >= size}). */
    synchronized Versions<K, V> extending(long size, long index) {
        Versions<K, V> r = this;
        if (end > size) {
            Map<K, List<Version<V>>> copy = new HashMap<>();
            List<K> order = new ArrayList<>();
            for (K k : keys) {
                List<Version<V>> kept = new ArrayList<>();
                for (Version<V> v : versions.get(k)) {
                    if (v.from <= size) {
                        kept.add(v);
                    }
                }
                if (!kept.isEmpty()) {
                    copy.put(k, kept);
                    order.add(k);
                }
            }
            r = new Versions<>(copy, order, size);
        }
        r.end = index + 1;
        return r;
    }

    /** Records {@code value} for {@code key}, in effect from tree size {@code from}. */
    synchronized void put(K key, V value, long from) {
        List<Version<V>> list = versions.get(key);
        if (list == null) {
            list = new ArrayList<>(1); // most keys have one version: a million members, not ten million slots
            versions.put(key, list);
            keys.add(key);
        }
        list.add(new Version<>(from, value));
    }

    /** {@code key}'s value as it stood at tree size {@code size}, or null. */
    synchronized V at(K key, long size) {
        List<Version<V>> list = versions.get(key);
        if (list == null) {
            return null;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).from <= size) {
                return list.get(i).value;
            }
        }
        return null;
    }

    /** Every key's value at tree size {@code size}, in order of first version. */
    synchronized Map<K, V> all(long size) {
        Map<K, V> out = new LinkedHashMap<>();
        for (K k : keys) {
            V v = at(k, size);
            if (v != null) {
                out.put(k, v);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
