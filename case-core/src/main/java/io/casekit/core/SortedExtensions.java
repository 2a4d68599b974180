package io.casekit.core;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The extension fields of a {@link Case}: an unmodifiable map, field name to value, iterated in name
 * order, whose names and values were checked once when it was made (not null, no name of the case
 * model, {@link StandardField#isReserved}).
 *
 * <p>Only {@link Case} makes one, from a {@link TreeMap} it owns and never changes afterwards, so
 * that a case built from another case's extensions, or by a builder, takes them over without
 * copying or checking them again (a case read from a store is built once per row: copying its map
 * twice was a measured part of a query page, docs/benchmarks.md §5). Immutable and thread-safe.
 * Equal to any {@link Map} with the same entries, as {@link Map#equals} asks.
 */
final class SortedExtensions extends AbstractMap<String, Value> {
    static final SortedExtensions EMPTY = new SortedExtensions(new TreeMap<>());

    private final TreeMap<String, Value> map;
    private final Map<String, Value> view;

    private SortedExtensions(TreeMap<String, Value> map) {
        this.map = map;
        this.view = Collections.unmodifiableMap(map);
    }

    /**
     * Wraps {@code owned}, which the caller gives up: nobody may change it afterwards.
     *
     * @throws NullPointerException     when a value is null
     * @throws IllegalArgumentException when a name is reserved for the case model
     */
    static SortedExtensions adopt(TreeMap<String, Value> owned) {
        if (owned.isEmpty()) {
            return EMPTY;
        }
        for (Map.Entry<String, Value> e : owned.entrySet()) {
            if (StandardField.isReserved(e.getKey())) {
                throw new IllegalArgumentException("extension " + e.getKey() + " has the name of a standard field");
            }
            Objects.requireNonNull(e.getValue(), "extension value");
        }
        return new SortedExtensions(owned);
    }

    /**
     * {@code extensions} itself when it is already one, else a checked sorted copy.
     *
     * @throws NullPointerException     when a name or a value is null
     * @throws IllegalArgumentException when a name is reserved for the case model
     */
    static SortedExtensions of(Map<String, Value> extensions) {
        if (extensions instanceof SortedExtensions sorted) {
            return sorted;
        }
        TreeMap<String, Value> copy = new TreeMap<>();
        extensions.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "extension name"), value));
        return adopt(copy);
    }

    /** The map behind this one, for a builder that copies it before any change. */
    TreeMap<String, Value> sortedMap() {
        return map;
    }

    @Override
    public Value get(Object key) {
        return key == null ? null : map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public Set<Map.Entry<String, Value>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<Value> values() {
        return view.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        map.forEach(action);
    }
}
