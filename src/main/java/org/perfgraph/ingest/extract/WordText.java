package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Text of Word documents (docx and doc alike): the lines of one table cell joined into one cell text, the tab-separated
 * parts of a paragraph outside tables as cells.
 */
final class WordText {

    private WordText() {
    }

    /**
     * The lines of one cell (its paragraphs and line breaks) as one text, joined by {@link CellLines#join} as every
     * file kind's cells are; tabs and non-breaking spaces are spaces, other control characters dropped.
     */
    static String joinLines(List<String> lines) {
        return CellLines.join(lines.stream().map(WordText::spaces).toList());
    }

    /**
     * A paragraph outside tables as cells: parts separated by tabs are separate cells (填报单位：某局 &lt;tab&gt;
     * 单位：万元), runs of tabs count once, empty parts are dropped. A paragraph with no text gives no cells.
     */
    static List<String> paragraphCells(String text) {
        List<String> cells = new ArrayList<>();
        for (String part : text.split("\t")) {
            String cell = joinLines(CellLines.split(part));
            if (!cell.isEmpty()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** Non-breaking spaces and tabs as plain spaces, other control characters dropped. */
    private static String spaces(String line) {
        String s = CellLines.spaces(line);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 || c == '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
