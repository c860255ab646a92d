package org.perfgraph.editing;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history's before/after maps are stored as JSON strings (a Neo4j property cannot hold a map). Values are
 * stored in their input form: money as an exact decimal string, dates as ISO strings.
 */
final class HistoryJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HistoryJson() {
    }

    static String write(Map<String, Object> map) {
        return MAPPER.writeValueAsString(safe(map));
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** A copy that JSON (and GraphQL error extensions) carry without loss: decimals and dates as strings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> safe(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, safeValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Object safeValue(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (v instanceof Map<?, ?> m) {
            return safe((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(HistoryJson::safeValue).toList();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        return v;
    }
}
