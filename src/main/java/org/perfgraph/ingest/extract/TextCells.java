package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level helpers of the text extractor: which characters are blanks between cells (ASCII and full-width
 * spaces, NBSP), which are invisible controls that must not reach a cell (bidi overrides, zero-width spaces), and
 * how a line splits on spaces. Each is one pass over its input.
 */
final class TextCells {

    private TextCells() {
    }

    /**
     * Blank between or around cells. U+3000 (the ideographic space) and NBSP come from Word and web tables, where
     * they pad or separate cells like ASCII spaces.
     */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F' || c == '\u205F';
    }

    /**
     * Invisible characters that change how text is shown or compared but are not text: bidi embeddings, overrides
     * and isolates (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM), zero-width spaces and joiners, word joiner, and a
     * byte-order mark inside the text.
     */
    static boolean isInvisible(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    /** The text without leading and trailing blanks. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    static boolean hasInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isInvisible(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without invisible characters. */
    static String visible(String s) {
        if (!hasInvisible(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The invisible characters of a text as U+XXXX, distinct, in order of appearance. */
    static String invisibleNames(String s) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String name = String.format("U+%04X", (int) c);
            if (isInvisible(c) && !names.contains(name)) {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }

    /**
     * A line of space-separated cells. Where a line has wide gaps (two or more blanks, a full-width space or a tab)
     * only those separate cells, so a cell holding one space stays whole; else every space separates.
     */
    static List<String> spaceCells(String line) {
        String t = strip(line);
        List<String> cells = new ArrayList<>();
        if (t.isEmpty()) {
            return cells;
        }
        boolean wide = false;
        for (int i = 0; i < t.length() && !wide; i++) {
            char c = t.charAt(i);
            wide = c == '\u3000' || c == '\t' || (isBlank(c) && i + 1 < t.length() && isBlank(t.charAt(i + 1)));
        }
        int start = 0;
        int i = 0;
        while (i < t.length()) {
            if (!isBlank(t.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < t.length() && isBlank(t.charAt(runEnd))) {
                runEnd++;
            }
            char c = t.charAt(i);
            boolean separates = !wide || runEnd - i >= 2 || c == '\u3000' || c == '\t';
            if (separates) {
                cells.add(t.substring(start, i));
                start = runEnd;
            }
            i = runEnd;
        }
        cells.add(t.substring(start));
        return cells;
    }

    /** One line read as RFC 4180 CSV, an unclosed quote running to the line's end (for telling a header row). */
    static List<String> csvLine(String line) {
        return csvRow(List.of(line), 0).cells();
    }

    /**
     * One RFC 4180 record starting at {@code lines[from]}: a quoted cell may hold commas, doubled quotes and line
     * breaks, so the record may run over several lines.
     *
     * @param cells  the record's cells
     * @param last   the index of the record's last line
     * @param closed false where the lines ran out inside a quoted cell
     */
    record CsvRecord(List<String> cells, int last, boolean closed) {
    }

    static CsvRecord csvRow(List<String> lines, int from) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int l = from;
        while (true) {
            String line = lines.get(l);
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            if (!quoted || l + 1 == lines.size()) {
                break;
            }
            cell.append('\n');
            l++;
        }
        cells.add(cell.toString());
        return new CsvRecord(cells, l, !quoted);
    }
}
