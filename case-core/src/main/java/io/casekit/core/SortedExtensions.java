package io.casekit.core;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The extension fields of a {@link Case}: an unmodifiable map, field name to value, iterated in name
 * order, whose names and values were checked once when it was made (not null, no name of the case
 * model, {@link StandardField#isReserved}).
 *
 * <p>Only {@link Case} makes one, from a {@link TreeMap} it owns and never changes afterwards, so
 * that a case built from another case's extensions, or by a builder, takes them over without
 * copying or checking them again (a case read from a store is built once per row: copying its map
 * twice was a measured part of a query page, docs/benchmarks.md §5). Immutable and thread-safe.
 * Equal to any {@link Map} with the same entries, as {@link Map#equals} asks. Every mutator, of the
 * map and of its views, throws {@link UnsupportedOperationException}, also one that would change
 * nothing (as {@link Collections#unmodifiableMap}).
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

    // Every mutator refuses, also when it would change nothing (AbstractMap's and Map's defaults
    // answer quietly then), as Collections.unmodifiableMap does: the view refuses them all.

    @Override
    public Value put(String key, Value value) {
        return view.put(key, value);
    }

    @Override
    public Value remove(Object key) {
        return view.remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends Value> m) {
        view.putAll(m);
    }

    @Override
    public void clear() {
        view.clear();
    }

    @Override
    public Value putIfAbsent(String key, Value value) {
        return view.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return view.remove(key, value);
    }

    @Override
    public boolean replace(String key, Value oldValue, Value newValue) {
        return view.replace(key, oldValue, newValue);
    }

    @Override
    public Value replace(String key, Value value) {
        return view.replace(key, value);
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Value, ? extends Value> function) {
        view.replaceAll(function);
    }

    @Override
    public Value computeIfAbsent(String key, Function<? super String, ? extends Value> mappingFunction) {
        return view.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public Value computeIfPresent(String key, BiFunction<? super String, ? super Value, ? extends Value> remapping) {
        return view.computeIfPresent(key, remapping);
    }

    @Override
    public Value compute(String key, BiFunction<? super String, ? super Value, ? extends Value> remapping) {
        return view.compute(key, remapping);
    }

    @Override
    public Value merge(String key, Value value, BiFunction<? super Value, ? super Value, ? extends Value> remapping) {
        return view.merge(key, value, remapping);
    }
}
