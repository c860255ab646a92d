package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.Table.Delimiting;
import org.perfgraph.ingest.TableRow;

/**
 * Text to one table. The delimiting is told from the lines ({@link TextShapes}): tabs, RFC 4180 commas, pipe rows,
 * one cell per line, space-separated cells, or none (a whole table on a line, or cells run together, which a
 * vocabulary-driven layout cuts). Each row keeps the line it starts on; the source lines stay as written, the cells
 * lose invisible control characters. Lines that are not in the table's shape (titles, labels, page furniture)
 * become rows split the same way, which for a line without the separator is one cell. A copy cut off inside a row
 * is kept and flagged as truncated. One pass over the lines.
 */
final class TextExtractor {

    private final String name;
    private final TextDecoder text;
    private final List<TableRow> rows = new ArrayList<>();
    private final List<Diagnostic> diagnostics;
    private boolean truncated;

    private TextExtractor(String name, TextDecoder written) {
        this.name = name;
        this.text = written.visible();
        this.diagnostics = new ArrayList<>(written.diagnostics());
        for (int i = 1; i <= written.lineCount(); i++) {
            String line = written.line(i);
            if (TextCells.hasInvisible(line)) {
                String names = TextCells.invisibleNames(line);
                diagnostics.add(new Diagnostic(i, null, Diagnostic.Severity.WARNING, DiagnosticCode.CONTROL_CHARACTER,
                        List.of(String.valueOf(i), names), "line " + i + " holds invisible control characters ("
                        + names + "); removed from its cells, kept in the source line"));
            }
        }
    }

    static Extraction extract(String name, byte[] content) {
        TextDecoder text = TextDecoder.decode(name, content);
        TextExtractor x = new TextExtractor(name, text);
        Delimiting delimiting = TextShapes.delimiting(x.text.lines());
        switch (delimiting) {
            case TAB -> x.tabs();
            case COMMA -> x.csv();
            case PIPE -> x.pipes();
            case CELL_PER_LINE -> x.cellPerLine();
            case SPACE -> x.spaces();
            default -> x.wholeLines();
        }
        return new Extraction(FileKind.TEXT, List.of(new Table("text", delimiting, x.rows)), text.lines(),
                x.diagnostics, x.truncated);
    }

    /** Tab cells are kept as written (the seed layouts trim where they need to); a tab-less line is one cell. */
    private void tabs() {
        for (int i = 1; i <= text.lineCount(); i++) {
            String line = text.line(i);
            if (!line.isBlank()) {
                add(i, Arrays.asList(line.split("\t", -1)));
            }
        }
    }

    private void csv() {
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            TextCells.CsvRecord record = TextCells.csvRow(lines, i);
            if (!record.closed()) {
                int first = i + 1;
                if (text.endsWithLineBreak()) {
                    // a copy cut off mid-cell stops mid-line; a quote left open up to a final line break is a
                    // stray quote, and reading on would swallow every later row into one cell
                    throw new ImportRejectedException(name, first, "a quoted CSV cell opened on line " + first
                            + " is not closed by the end of the document; close the quote or remove it");
                }
                truncate(first, "the document ends inside a quoted CSV cell of the row that starts on line " + first
                        + "; the row is kept as far as it goes");
            }
            // a quoted cell over several lines is a line break typed in the cell, joined as every file kind's is
            add(i + 1, record.cells().stream().map(c -> CellLines.hasBreak(c) ? ExtractionBuilder.cellText(c) : c)
                    .toList());
            i = record.last();
        }
    }

    /**
     * {@code | a | b ||}: the leading pipe opens the row, the trailing run of pipes closes it (padding left where
     * empty cells were squeezed out, so it says nothing about the columns); cells between are trimmed, an empty cell
     * written {@code |  |} stays. A row shorter than the header (a continuation row starting at the L1 column) is
     * left as it is: which column a cell belongs to is for the layout to tell from its content.
     */
    private void pipes() {
        int lastContent = lastNonBlank();
        for (int i = 1; i <= text.lineCount(); i++) {
            String t = TextCells.strip(text.line(i));
            if (t.isEmpty()) {
                continue;
            }
            if (t.charAt(0) != '|') {
                add(i, List.of(t));
                continue;
            }
            int end = t.length();
            while (end > 1 && t.charAt(end - 1) == '|') {
                end--;
            }
            boolean closed = end < t.length();
            List<String> cells = new ArrayList<>();
            for (String cell : t.substring(1, end).split("\\|", -1)) {
                cells.add(TextCells.strip(cell));
            }
            if (allEmpty(cells) || isRule(cells)) {
                continue;
            }
            if (!closed && i == lastContent) {
                truncate(i, "the document ends inside the pipe row on line " + i + " (no closing |); the row is kept"
                        + " as far as it goes");
            }
            add(i, cells);
        }
    }

    /** A Markdown rule under a header ({@code |---|:---:|}): layout, not a row. */
    private static boolean isRule(List<String> cells) {
        for (String c : cells) {
            if (!c.matches(":?-{3,}:?")) {
                return false;
            }
        }
        return true;
    }

    /**
     * One cell per line: text ending with {@code " |"} is a cell; a blank line, a line with one space or a lone
     * {@code |} an empty cell; a run of pipes closes the row (on its own line or after the row's last cell). A line
     * that does not end with a pipe is a cell broken over lines and continues on the next. Lines before the first
     * cell (a title) are one-cell rows. The row's line is its first line.
     */
    private void cellPerLine() {
        boolean started = false;
        List<String> cells = new ArrayList<>();
        StringBuilder partial = null;
        int rowLine = 0;
        for (int i = 1; i <= text.lineCount(); i++) {
            String t = TextCells.strip(text.line(i));
            TextShapes.LineShape shape = TextShapes.shape(t);
            if (!started) {
                if (shape != TextShapes.LineShape.CELL) {
                    if (!t.isEmpty()) {
                        add(i, List.of(t));
                    }
                    continue;
                }
                started = true;
            }
            if (rowLine == 0) {
                rowLine = i;
            }
            if (t.isEmpty() || t.equals("|")) {
                if (partial != null) {
                    cells.add(partial.toString());
                    partial = null;
                }
                cells.add("");
                continue;
            }
            if (t.charAt(t.length() - 1) != '|') {
                partial = partial == null ? new StringBuilder(t) : joinBroken(partial, t);
                continue;
            }
            int end = t.length();
            while (end > 0 && t.charAt(end - 1) == '|') {
                end--;
            }
            String body = TextCells.strip(t.substring(0, end));
            if (!body.isEmpty() || partial != null) {
                cells.add((partial == null ? new StringBuilder(body) : joinBroken(partial, body)).toString());
                partial = null;
            }
            if (t.length() - end >= 2) {
                if (!allEmpty(cells)) {
                    add(rowLine, cells);
                }
                cells = new ArrayList<>();
                rowLine = 0;
            }
        }
        boolean cut = !allEmpty(cells);
        if (partial != null) {
            cut |= !text.endsWithLineBreak();
            cells.add(partial.toString());
        }
        if (cut) {
            truncate(rowLine, "the document ends inside the row that starts on line " + rowLine + " (no closing ||);"
                    + " the row is kept as far as it goes");
        }
        if (!allEmpty(cells)) {
            add(rowLine, cells);
        }
    }

    /** Chinese text broken inside a cell joins without a space; Latin words and numbers keep one between them. */
    private static StringBuilder joinBroken(StringBuilder head, String tail) {
        if (tail.isEmpty()) {
            return head;
        }
        if (!head.isEmpty() && head.charAt(head.length() - 1) < 0x2E80 && tail.charAt(0) < 0x2E80) {
            head.append(' ');
        }
        return head.append(tail);
    }

    private static boolean allEmpty(List<String> cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void spaces() {
        for (int i = 1; i <= text.lineCount(); i++) {
            List<String> cells = TextCells.spaceCells(text.line(i));
            if (!cells.isEmpty()) {
                add(i, cells);
            }
        }
    }

    /** No separator the extractor can trust: each line is one cell, for a vocabulary-driven layout to cut. */
    private void wholeLines() {
        for (int i = 1; i <= text.lineCount(); i++) {
            String t = TextCells.strip(text.line(i));
            if (!t.isEmpty()) {
                add(i, List.of(t));
            }
        }
    }

    private int lastNonBlank() {
        for (int i = text.lineCount(); i >= 1; i--) {
            if (!TextCells.strip(text.line(i)).isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    private void truncate(int line, String message) {
        truncated = true;
        diagnostics.add(new Diagnostic(line, null, Diagnostic.Severity.WARNING, DiagnosticCode.TRUNCATED,
                List.of(String.valueOf(line)), message));
    }

    /** A row of cells (the lines lost their invisible characters before they were split). */
    private void add(int line, List<String> cells) {
        rows.add(TableRow.ofTexts(line, cells));
    }
}
