package org.perfgraph.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a key computes to, for computations that depend on nothing but the key (a query text's parsed and
 * validated document, the operation it runs). Bounded without bookkeeping: past its size it starts over, which
 * costs a burst of recomputation only when a caller sends ever new keys.
 *
 * @param <K> the key
 * @param <V> what it computes to
 */
public final class BoundedMemo<K, V> {

    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    public BoundedMemo(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** What {@code key} computes to: remembered, else computed now (concurrent callers may both compute it). */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V known = entries.get(key);
        if (known == null) {
            known = compute.apply(key);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, known);
        }
        return known;
    }

    public int size() {
        return entries.size();
    }
}
