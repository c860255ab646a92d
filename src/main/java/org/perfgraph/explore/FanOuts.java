package org.perfgraph.explore;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.perfgraph.support.GraphReader;
import org.perfgraph.support.ResultCache;
import org.springframework.stereotype.Component;

/**
 * How wide the store's lists are, for the complexity estimate: per {@link ChildList} the most linked nodes any
 * parent has (the most projects an indicator is filed by, the most targets of a project), and the totals no list
 * can exceed (the nodes of a kind, the links of a child list whose nodes have one parent), read from stored counts,
 * degrees and the count store (cypher/explore/child-list-widest.cypher) and kept for the store's write generation.
 * An estimate reads them only when its request has an unpaged child list (or an unpaged list of an analytics
 * answer), and then once.
 */
@Component
class FanOuts {

    /** The widths read for the estimate running on this thread. */
    private static final ThreadLocal<AtomicReference<Map<String, Object>>> ESTIMATE = new ThreadLocal<>();

    private final GraphReader reader;
    private final ResultCache cache;

    FanOuts(GraphReader reader, ResultCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /**
     * The most elements one parent has in the list {@code Type.field} (a {@link ChildList#name}, or a list of values
     * such as a shared text's statements), at least 1, or {@code otherwise} where the store keeps no width for it;
     * reads the widths if this estimate has not yet.
     */
    long widest(String name, long otherwise) {
        return number(section("widest"), name, otherwise);
    }

    /**
     * The most rows a root list of this kind or a level of this tree-shaped child list can hold, or
     * {@code Long.MAX_VALUE} when the estimate has not read the widths (a request without unpaged child lists pays
     * no read for a bound it does not need).
     */
    long total(String name) {
        AtomicReference<Map<String, Object>> scope = ESTIMATE.get();
        if (scope == null || scope.get() == null) {
            return Long.MAX_VALUE;
        }
        return number(section("total"), name, Long.MAX_VALUE);
    }

    /** Runs an estimate, reading the widths at most once for it (and not at all when it has no unpaged child list). */
    <T> T during(Supplier<T> estimate) {
        ESTIMATE.set(new AtomicReference<>());
        try {
            return estimate.get();
        } finally {
            ESTIMATE.remove();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String name) {
        AtomicReference<Map<String, Object>> scope = ESTIMATE.get();
        Map<String, Object> widths = scope == null ? null : scope.get();
        if (widths == null) {
            widths = cache.get("childListWidths", () -> reader.single("explore/child-list-widest", Map.of()));
            if (scope != null) {
                scope.set(widths);
            }
        }
        return (Map<String, Object>) widths.get(name);
    }

    private static long number(Map<String, Object> section, String key, long otherwise) {
        return section != null && section.get(key) instanceof Number n ? Math.max(1, n.longValue()) : otherwise;
    }
}
