package org.perfgraph.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.ingest.TargetValue;

/**
 * The one owner of how a target value is stored: flattened onto the Target node under a prefix ({@code annual},
 * {@code period}, {@code actual}) as {@code <prefix>Raw, Kind, Comparator, Number, NumberText, Unit, Qualifier,
 * Deadline, Normalized}. The writer, the editor, the read API and its filters all go through here, so the shape is
 * written once.
 */
public final class StoredValue {

    /** The value prefixes a target has. */
    public static final List<String> PREFIXES = List.of("annual", "period", "actual");

    /** GraphQL field of a TargetValue → property suffix. {@code number} is filtered on the float, read from the text. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("raw", "Raw");
        FIELDS.put("kind", "Kind");
        FIELDS.put("comparator", "Comparator");
        FIELDS.put("number", "Number");
        FIELDS.put("unit", "Unit");
        FIELDS.put("qualifier", "Qualifier");
        FIELDS.put("deadline", "Deadline");
        FIELDS.put("normalized", "Normalized");
    }

    /** For each prefix, what {@link #read} reads: {field, property} pairs, {@code raw} first. */
    private static final Map<String, String[][]> READS = new HashMap<>();

    static {
        for (String prefix : PREFIXES) {
            List<String[]> reads = new java.util.ArrayList<>();
            FIELDS.forEach((field, suffix) ->
                    reads.add(new String[] {field, prefix + (field.equals("number") ? "NumberText" : suffix)}));
            READS.put(prefix, reads.toArray(String[][]::new));
        }
    }

    private StoredValue() {
    }

    /** Flattens a value into the properties of {@code prefix}; a null value writes nothing. */
    public static void write(Map<String, Object> props, String prefix, TargetValue value) {
        if (value == null) {
            return;
        }
        props.put(prefix + "Raw", value.raw());
        props.put(prefix + "Kind", value.kind() == null ? null : value.kind().name());
        props.put(prefix + "Comparator", value.comparator() == null ? null : value.comparator().name());
        props.put(prefix + "Number", value.number() == null ? null : value.number().doubleValue());
        props.put(prefix + "NumberText", value.number() == null ? null : value.number().toPlainString());
        props.put(prefix + "Unit", value.unit());
        props.put(prefix + "Qualifier", value.qualifier());
        props.put(prefix + "Deadline", value.deadline());
        props.put(prefix + "Normalized", value.normalized());
    }

    /** Every property of {@code prefix} set to null: what clears a value (SET t += map removes null properties). */
    public static Map<String, Object> cleared(String prefix) {
        Map<String, Object> props = new HashMap<>();
        for (String suffix : FIELDS.values()) {
            props.put(prefix + suffix, null);
        }
        props.put(prefix + "NumberText", null);
        return props;
    }

    /**
     * The stored properties of {@code prefix} as a TargetValue map for the API, or null where there is none. A page
     * reads this for every target: the property names of each prefix are made once ({@link #READS}).
     */
    public static Map<String, Object> read(Map<String, Object> target, String prefix) {
        String[][] reads = READS.get(prefix);
        if (reads == null) {
            throw new IllegalArgumentException("no stored value has the prefix " + prefix);
        }
        if (target.get(reads[0][1]) == null) {
            return null;
        }
        Map<String, Object> v = new HashMap<>();
        for (String[] read : reads) {
            v.put(read[0], target.get(read[1]));
        }
        return v;
    }

    /** Every property of {@code prefix} that {@link #read} reads: what a statement must return for the value. */
    public static List<String> properties(String prefix) {
        List<String> out = new java.util.ArrayList<>();
        FIELDS.values().forEach(suffix -> out.add(prefix + suffix));
        out.add(prefix + "NumberText");
        return out;
    }

    /**
     * The properties {@link #read} needs to answer the TargetValue fields {@code fields} of {@code prefix}: the raw
     * text (whether there is a value at all) and each field's own. The map read from only these has the other fields
     * null, which a selection without them never reads.
     */
    public static List<String> properties(String prefix, java.util.Collection<String> fields) {
        String[][] reads = READS.get(prefix);
        List<String> out = new java.util.ArrayList<>(List.of(reads[0][1]));
        for (String[] read : reads) {
            if (fields.contains(read[0]) && !out.contains(read[1])) {
                out.add(read[1]);
            }
        }
        return out;
    }

    /** The property a TargetValue field is filtered and sorted on. */
    public static String property(String prefix, String field) {
        String suffix = FIELDS.get(field);
        if (suffix == null) {
            throw new IllegalArgumentException("TargetValue has no field " + field);
        }
        return prefix + suffix;
    }
}
