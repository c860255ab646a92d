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
     * The lines of one cell (its paragraphs and line breaks) as one text. Word wraps a narrow label cell by hand
     * (项目 / 名称 in two paragraphs), so two Han characters meeting at the join are joined without a space: the
     * label reads 项目名称 again. Anything else (a Latin word, a number, punctuation at the join) gets one space,
     * as a copied cell would show it. Blank lines are dropped.
     */
    static String joinLines(List<String> lines) {
        StringBuilder s = new StringBuilder();
        for (String raw : lines) {
            String line = spaces(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!s.isEmpty() && !(isHan(s.codePointBefore(s.length())) && isHan(line.codePointAt(0)))) {
                s.append(' ');
            }
            s.append(line);
        }
        return s.toString();
    }

    /** Splits text on line breaks ({@code \n}, {@code \r}, Word's vertical tab) into lines. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /**
     * A paragraph outside tables as cells: parts separated by tabs are separate cells (填报单位：某局 &lt;tab&gt;
     * 单位：万元), runs of tabs count once, empty parts are dropped. A paragraph with no text gives no cells.
     */
    static List<String> paragraphCells(String text) {
        List<String> cells = new ArrayList<>();
        for (String part : text.split("\t")) {
            String cell = joinLines(lines(part));
            if (!cell.isEmpty()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** Non-breaking spaces and tabs as plain spaces, other control characters dropped. */
    private static String spaces(String line) {
        StringBuilder s = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u00A0' || c == '\t') {
                s.append(' ');
            } else if (c >= 0x20 || c == '\n') {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
