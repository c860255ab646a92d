package org.perfgraph.editing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.perfgraph.graph.GraphWriter;
import org.perfgraph.graph.StoredValue;
import org.perfgraph.ingest.CategoryVocabulary;
import org.perfgraph.ingest.TargetValue;
import org.perfgraph.ingest.TextNormalizer;
import org.perfgraph.ingest.ValueKind;
import org.perfgraph.ingest.ValueNormalizer;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Ids;

/**
 * The editable fields of projects, targets and indicators and their coercion, in input form (what a mutation
 * carries and the history stores): validation, the current value of a stored node, and the properties and links a
 * new value writes. A target value is re-read with the importer's own {@link ValueNormalizer} and flattened with the
 * one owner of the stored shape, {@link StoredValue}, so an edited value is stored exactly as an imported one would be.
 */
final class EditableFields {

    /** Fields an empty text cannot clear. */
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("name", "annual", "level1", "level2", "indicator");

    private EditableFields() {
    }

    /** Properties and link parameters for a set-&lt;kind&gt; statement. */
    record Write(Map<String, Object> props, Map<String, Object> params) {
    }

    /** The current values of a kind's editable fields, from a read row ({@code node} plus context columns). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> current(EditableKind kind, Map<String, Object> row) {
        Map<String, Object> node = (Map<String, Object>) row.get("node");
        Map<String, Object> out = new LinkedHashMap<>();
        switch (kind) {
            case PROJECT -> {
                out.put("name", node.get("name"));
                out.put("year", node.get("year") == null ? null : ((Number) node.get("year")).intValue());
                out.put("amount", decimal(node.get("amount")));
                out.put("totalAmount", decimal(node.get("totalAmount")));
                for (String f : List.of("nature", "category", "department", "startDate", "endDate")) {
                    out.put(f, node.get(f));
                }
            }
            case TARGET -> {
                out.put("annual", node.get("annualRaw"));
                out.put("period", node.get("periodRaw"));
                out.put("level1", node.get("level1"));
                out.put("level2", node.get("level2"));
                out.put("indicator", row.get("indicatorId"));
            }
            case INDICATOR -> {
                out.put("name", node.get("name"));
                out.put("code", node.get("code"));
            }
        }
        return out;
    }

    /**
     * A field's value in its canonical input form, from a GraphQL argument or from the history's JSON; refuses
     * what the field cannot hold with BAD_USER_INPUT. Empty text clears an optional field.
     */
    static Object normalise(EditableKind kind, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank() && !REQUIRED.contains(field))) {
            return null;
        }
        switch (field) {
            case "name" -> {
                String s = value.toString().strip();
                if (s.isEmpty()) {
                    throw ApiException.badInput("the name of a " + kind.label.toLowerCase() + " must not be empty");
                }
                return s;
            }
            case "year" -> {
                int y = value instanceof Number n ? n.intValue() : parseInt(value.toString(), field);
                if (y < 1900 || y > 2200) {
                    throw ApiException.badInput("year " + y + " is not a budget year");
                }
                return y;
            }
            case "amount", "totalAmount" -> {
                BigDecimal d = decimal(value);
                if (d.signum() < 0) {
                    throw ApiException.badInput(field + " must not be negative");
                }
                if (d.stripTrailingZeros().scale() > 2) {
                    throw ApiException.badInput(field + " " + d.toPlainString() + " has more than two decimals (fen)");
                }
                return d;
            }
            case "startDate", "endDate" -> {
                if (value instanceof LocalDate d) {
                    return d;
                }
                try {
                    return LocalDate.parse(value.toString());
                } catch (DateTimeParseException e) {
                    throw ApiException.badInput(field + " '" + value + "' is not a date (YYYY-MM-DD)");
                }
            }
            case "annual" -> {
                String s = value.toString();
                if (s.isBlank()) {
                    throw ApiException.badInput("the annual value must not be empty");
                }
                return s;
            }
            case "level1", "level2" -> {
                int level = field.equals("level1") ? 1 : 2;
                String canonical = CategoryVocabulary.canonical(value.toString()).orElse(null);
                boolean fits = canonical != null
                        && (level == 1 ? CategoryVocabulary.isL1(canonical) : CategoryVocabulary.isL2(canonical));
                if (!fits) {
                    throw ApiException.badInput("'" + value + "' is not an L" + level + " category; one of "
                            + String.join(", ", CategoryVocabulary.names(level)));
                }
                return canonical;
            }
            case "indicator" -> {
                return value.toString();
            }
            default -> {
                // nature, category, department, period, code: free text, empty clears
                String s = value.toString().strip();
                return s.isEmpty() ? null : (field.equals("period") ? value.toString() : s);
            }
        }
    }

    /** The non-null fields of a creation, in input form. */
    static Map<String, Object> given(EditableKind kind, Map<String, Object> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((f, v) -> {
            Object n = normalise(kind, f, v);
            if (n != null) {
                values.put(f, n);
            }
        });
        return values;
    }

    /**
     * Refuses an L2 under an L1 the vocabulary files it elsewhere (数量指标 under 效益指标): the reader flags such a
     * row as L2_FOREIGN_L1, so an edit does not create one unless asked to.
     */
    static void refuseForeignL2(String level1, String level2) {
        String parent = level2 == null ? null : CategoryVocabulary.parentOf(level2);
        if (parent != null && level1 != null && !parent.equals(level1)) {
            throw ApiException.badInput("二级指标 " + level2 + " belongs under " + parent + ", not under " + level1
                    + " (the reader flags such a row as L2_FOREIGN_L1); pass allowForeignL2: true to file it there anyway");
        }
    }

    /** Equal as values: decimals by magnitude (1000.5 = 1000.50), everything else by equals. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * What writing the changed fields means for the stored node: properties (values flattened and re-normalised,
     * money with its fen) and link parameters.
     *
     * @param numericOnly refuse a value that does not read as a number where the stored one does
     */
    @SuppressWarnings("unchecked")
    static Write plan(EditableKind kind, Map<String, Object> changed, Map<String, Object> row, boolean numericOnly) {
        Map<String, Object> node = (Map<String, Object>) row.get("node");
        Map<String, Object> props = new HashMap<>();
        Map<String, Object> params = noLinks();
        for (Map.Entry<String, Object> e : changed.entrySet()) {
            String field = e.getKey();
            Object v = e.getValue();
            switch (kind) {
                case PROJECT -> {
                    switch (field) {
                        case "amount", "totalAmount" -> {
                            if (v == null && field.equals("amount")) {
                                throw ApiException.badInput("a project's amount cannot be removed");
                            }
                            props.put(field, GraphWriter.plain((BigDecimal) v));
                            props.put(field + "Cents", GraphWriter.cents((BigDecimal) v));
                        }
                        default -> props.put(field, v);
                    }
                }
                case TARGET -> {
                    switch (field) {
                        case "annual", "period" -> putValue(props, field, (String) v, row, node, numericOnly);
                        case "level1" -> {
                            props.put("level1", v);
                            String key = "L1:" + v;
                            params.put("level1", Map.of("key", key, "id", Ids.of('C', key), "name", v));
                        }
                        case "level2" -> {
                            props.put("level2", v);
                            String key = "L2:" + v;
                            String parent = CategoryVocabulary.parentOf((String) v);
                            Map<String, Object> l2 = new HashMap<>();
                            l2.put("key", key);
                            l2.put("id", Ids.of('C', key));
                            l2.put("name", v);
                            l2.put("parentKey", parent == null ? null : "L1:" + parent);
                            l2.put("parentId", parent == null ? null : Ids.of('C', "L1:" + parent));
                            l2.put("parentName", parent);
                            params.put("level2", l2);
                        }
                        case "indicator" -> params.put("indicatorId", v);
                        default -> throw new IllegalStateException(field);
                    }
                }
                case INDICATOR -> {
                    props.put(field, v);
                    if (field.equals("name")) {
                        props.put("normalizedName", TextNormalizer.normalizeName((String) v));
                    } else {
                        // The key stays what documents write, so a re-import still finds this indicator.
                        props.put("coded", v != null);
                    }
                }
            }
        }
        if (kind == EditableKind.PROJECT) {
            Object start = changed.containsKey("startDate") ? changed.get("startDate") : node.get("startDate");
            Object end = changed.containsKey("endDate") ? changed.get("endDate") : node.get("endDate");
            if (start instanceof LocalDate s && end instanceof LocalDate en && en.isBefore(s)) {
                throw ApiException.badInput("endDate " + en + " is before startDate " + s);
            }
        }
        return new Write(props, params);
    }

    /** Link parameters of a set-&lt;kind&gt; statement that relinks nothing. */
    static Map<String, Object> noLinks() {
        Map<String, Object> params = new HashMap<>();
        params.put("level1", null);
        params.put("level2", null);
        params.put("indicatorId", null);
        return params;
    }

    private static void putValue(Map<String, Object> props, String prefix, String raw, Map<String, Object> row,
                                 Map<String, Object> node, boolean numericOnly) {
        if (raw == null) {
            // Clearing: every flattened property of the column goes.
            props.putAll(StoredValue.cleared(prefix));
            return;
        }
        Integer year = row.get("documentYear") == null ? null : ((Number) row.get("documentYear")).intValue();
        TargetValue value = ValueNormalizer.parse(raw, year);
        if (numericOnly && "NUMERIC".equals(node.get(prefix + "Kind")) && value.kind() != ValueKind.NUMERIC) {
            throw ApiException.badInput("'" + raw + "' does not read as a number (it reads as " + value.kind()
                    + "), but this target's " + prefix + " value is numeric (" + node.get(prefix + "Raw")
                    + "); pass allowKindChange: true to store it anyway");
        }
        StoredValue.write(props, prefix, value);
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badInput("'" + value + "' is not an amount");
        }
    }

    private static int parseInt(String s, String field) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badInput(field + " '" + s + "' is not a number");
        }
    }
}
