package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The one rule for a line break typed inside a cell (Word paragraphs, an Excel Alt+Enter, an HTML {@code <br>}, a
 * quoted CSV cell over several lines): the cell's lines are one text again. A narrow label cell is wrapped by hand
 * (项目 / 名称, 改造供水 / 管网长度), so where two CJK characters (Han, CJK punctuation, full-width forms) meet at
 * the break they join with nothing and the label reads 项目名称 in every file kind; anywhere else (a Latin word, a
 * number at the break) the break was a space between words and stays one. Blank lines are dropped.
 *
 * <p>PDF is not read through this rule: a PDF cell's lines are the writer's soft wrap of one text
 * ({@link PdfExtractor#wrapped}), not breaks someone typed.
 */
final class CellLines {

    private CellLines() {
    }

    /** The lines joined by the rule above; each line stripped first. */
    static String join(List<String> lines) {
        return join(lines, (before, after) -> !(isCjk(before) && isCjk(after)));
    }

    /** The lines stripped, blank ones dropped, one space where {@code space} says so for the characters at a join. */
    static String join(List<String> lines, BiPredicate<Integer, Integer> space) {
        StringBuilder s = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!s.isEmpty() && space.test(s.codePointBefore(s.length()), line.codePointAt(0))) {
                s.append(' ');
            }
            s.append(line);
        }
        return s.toString();
    }

    /** Splits text at line breaks: {@code \r\n}, {@code \r}, {@code \n}, and Word's vertical tab (U+000B). */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** Tabs and non-breaking spaces as plain spaces: inside a cell they are blanks, never separators. */
    static String spaces(String line) {
        StringBuilder s = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || c == '\u00A0') {
                if (s == null) {
                    s = new StringBuilder(line.length()).append(line, 0, i);
                }
                s.append(' ');
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? line : s.toString();
    }

    static boolean hasBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B') {
                return true;
            }
        }
        return false;
    }

    /** Han ideographs, CJK symbols and punctuation (、。「」), full-width forms (，：（）). */
    static boolean isCjk(int codePoint) {
        if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS;
    }
}
