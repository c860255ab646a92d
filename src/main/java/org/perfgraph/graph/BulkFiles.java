package org.perfgraph.graph;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node and relationship files in the CSV form Neo4j's offline importer reads ({@code neo4j-admin database import
 * full}): one data file per label or relationship type, written row by row as documents are read, and a header file
 * per data file written at the end, when every column's type has been seen. Each table knows its columns by name; a
 * row holding any other key is a programming error (the writer's rows and these tables went apart), not a column
 * silently left out. Types follow the Java values (what the Bolt driver would have stored): whole numbers are
 * {@code long}, decimals {@code double}, dates {@code date}, int arrays {@code long[]}, string lists {@code string[]}.
 * Strings are quoted ({@code ""} inside), so an empty string stays one, while an empty field is no property.
 */
final class BulkFiles implements Closeable {

    /** Joins array elements: a control character no stored array element holds (bands are digits and hex). */
    static final char ARRAY_DELIMITER = '\u001e';

    private final Path dir;
    private final Map<String, Table> nodes = new LinkedHashMap<>();
    private final Map<String, Table> relationships = new LinkedHashMap<>();

    BulkFiles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /**
     * The node table of {@code label}: its id (stored as property {@code id} when {@code storeId}, else an importer
     * id only) and these property columns.
     */
    Table nodes(String label, boolean storeId, List<String> columns) throws IOException {
        Table table = new Table(dir.resolve("nodes-" + label), storeId ? "id:ID" : ":ID", columns);
        nodes.put(label, table);
        return table;
    }

    /** The relationship table of {@code type}, with these property columns. */
    Table relationships(String type, List<String> columns) throws IOException {
        Table table = new Table(dir.resolve("relationships-" + type), null, columns);
        relationships.put(type, table);
        return table;
    }

    /** Closes every data file and writes the header files; then {@link #arguments()} names them for the importer. */
    void finish() throws IOException {
        for (Table t : nodes.values()) {
            t.finish();
        }
        for (Table t : relationships.values()) {
            t.finish();
        }
    }

    /** The importer's --nodes and --relationships arguments for these files. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        nodes.forEach((label, t) -> args.add("--nodes=" + label + "=" + t.header + "," + t.data));
        relationships.forEach((type, t) -> args.add("--relationships=" + type + "=" + t.header + "," + t.data));
        return args;
    }

    /** The data files holding a line break inside a value: only these are read as multi-line by the importer. */
    List<Path> multilineFiles() {
        List<Path> out = new ArrayList<>();
        nodes.values().stream().filter(t -> t.multiline).forEach(t -> out.add(t.data));
        relationships.values().stream().filter(t -> t.multiline).forEach(t -> out.add(t.data));
        return out;
    }

    /** Rows written, per label and type (what the importer is to report back). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        nodes.forEach((label, t) -> counts.put(label, t.rows));
        relationships.forEach((type, t) -> counts.put(type, t.rows));
        return counts;
    }

    @Override
    public void close() throws IOException {
        for (Table t : nodes.values()) {
            t.out.close();
        }
        for (Table t : relationships.values()) {
            t.out.close();
        }
    }

    /** One data file and its header: a fixed list of columns, each typed by the first value it holds. */
    static final class Table {
        private final Path data;
        private final Path header;
        private final String idColumn;
        private final List<String> columns;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final String[] types;
        private final BufferedWriter out;
        private final StringBuilder line = new StringBuilder(512);
        private long rows;
        private boolean multiline;

        private Table(Path base, String idColumn, List<String> columns) throws IOException {
            this.data = base.resolveSibling(base.getFileName() + ".csv");
            this.header = base.resolveSibling(base.getFileName() + "-header.csv");
            this.idColumn = idColumn;
            this.columns = List.copyOf(columns);
            for (int i = 0; i < columns.size(); i++) {
                index.put(columns.get(i), i);
            }
            this.types = new String[columns.size()];
            this.out = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
        }

        /** A node row: its id and properties (keys must be columns; null values are no property). */
        void node(String id, Map<String, Object> properties) {
            line.setLength(0);
            quote(id);
            values(properties);
        }

        /** A relationship row: start and end node ids and its properties. */
        void relationship(String start, String end, Map<String, Object> properties) {
            line.setLength(0);
            quote(start);
            line.append(',');
            quote(end);
            values(properties);
        }

        private void values(Map<String, Object> properties) {
            Object[] row = new Object[columns.size()];
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                Integer i = index.get(e.getKey());
                if (i == null) {
                    throw new IllegalStateException("bulk import: no column " + e.getKey() + " in " + data.getFileName()
                            + " (the writer's rows and BulkImport's tables went apart)");
                }
                row[i] = e.getValue();
            }
            for (int i = 0; i < row.length; i++) {
                line.append(',');
                if (row[i] != null) {
                    String type = type(row[i]);
                    if (types[i] == null) {
                        types[i] = type;
                    } else if (!types[i].equals(type)) {
                        throw new IllegalStateException("bulk import: column " + columns.get(i) + " of " + data.getFileName()
                                + " holds both " + types[i] + " and " + type);
                    }
                    value(row[i]);
                }
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        private void value(Object v) {
            if (v instanceof String s) {
                quote(s);
            } else if (v instanceof int[] ints) {
                line.append('"');
                for (int k = 0; k < ints.length; k++) {
                    line.append(k == 0 ? "" : String.valueOf(ARRAY_DELIMITER)).append(ints[k]);
                }
                line.append('"');
            } else if (v instanceof List<?> list) {
                line.append('"');
                for (int k = 0; k < list.size(); k++) {
                    String element = String.valueOf(list.get(k));
                    if (element.indexOf(ARRAY_DELIMITER) >= 0 || element.indexOf('"') >= 0 || element.isEmpty()) {
                        throw new IllegalStateException("bulk import: an array element of " + data.getFileName()
                                + " is empty or holds a quote or U+001E: " + element);
                    }
                    line.append(k == 0 ? "" : String.valueOf(ARRAY_DELIMITER)).append(element);
                }
                line.append('"');
            } else {
                line.append(v); // numbers, booleans, ISO dates and date-times
            }
        }

        private void quote(String s) {
            line.append('"');
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '"') {
                    line.append('"');
                } else if (c == '\n' || c == '\r') {
                    multiline = true;
                }
                line.append(c);
            }
            line.append('"');
        }

        private static String type(Object v) {
            if (v instanceof String) {
                return "string";
            }
            if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                return "long";
            }
            if (v instanceof Double || v instanceof Float) {
                return "double";
            }
            if (v instanceof Boolean) {
                return "boolean";
            }
            if (v instanceof LocalDate) {
                return "date";
            }
            if (v instanceof TemporalAccessor) {
                return "datetime";
            }
            if (v instanceof int[]) {
                return "long[]";
            }
            if (v instanceof List<?> list) {
                return list.isEmpty() || list.get(0) instanceof String ? "string[]" : "long[]";
            }
            throw new IllegalStateException("bulk import: no CSV type for " + v.getClass().getName());
        }

        private void finish() throws IOException {
            out.close();
            StringBuilder h = new StringBuilder(idColumn == null ? ":START_ID,:END_ID" : idColumn);
            for (int i = 0; i < columns.size(); i++) {
                h.append(',').append(columns.get(i)).append(':').append(types[i] == null ? "string" : types[i]);
            }
            Files.writeString(header, h.append('\n'), StandardCharsets.UTF_8);
        }
    }
}
