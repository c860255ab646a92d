package org.perfgraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's own lines, kept so that a finding's source line can be shown next to it: stored in chunks of
 * {@link #CHUNK} lines ({@code (:Document)-[:HAS_LINES]->(:SourceLines {from, to, text})}), so that reading a few
 * lines of a large document reads one or two chunks, not the whole text.
 */
final class SourceLines {

    static final int CHUNK = 500;

    private SourceLines() {
    }

    /** The chunk rows of create-source-lines: {from, to, text} with the lines joined by newlines. */
    static List<Map<String, Object>> chunks(List<String> lines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += CHUNK) {
            int to = Math.min(lines.size(), from + CHUNK);
            Map<String, Object> row = new HashMap<>();
            row.put("from", from + 1);
            row.put("to", to);
            row.put("text", String.join("\n", lines.subList(from, to)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Lines {@code fromLine..toLine} (1-based, inclusive) out of the chunks that overlap them, as {line, text}.
     *
     * @param chunks rows {from, text} in any order
     */
    static List<Map<String, Object>> slice(List<Map<String, Object>> chunks, int fromLine, int toLine) {
        List<Map<String, Object>> sorted = new ArrayList<>(chunks);
        sorted.sort((a, b) -> Long.compare(((Number) a.get("from")).longValue(), ((Number) b.get("from")).longValue()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> chunk : sorted) {
            int first = ((Number) chunk.get("from")).intValue();
            String[] lines = ((String) chunk.get("text")).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int line = first + i;
                if (line >= fromLine && line <= toLine) {
                    out.add(Map.of("line", line, "text", lines[i]));
                }
            }
        }
        return out;
    }
}
