package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/**
 * Collects the grid tables of one file and renders them as its source lines: every emitted row becomes one
 * tab-joined line, in emission order, and the row's {@code line} is that line's number. Bounds the number of slots
 * a file may produce, so that a sheet with a value in column XFD of every row is refused instead of filling the heap.
 */
final class ExtractionBuilder {

    /**
     * Slots (cells, covered ones included) one file may produce: 50 times a 100k-row, ten-column sheet, and about
     * what a 512 MiB heap can hold as tables.
     */
    static final long MAX_SLOTS = 5_000_000L;

    private final String document;
    private final List<Table> tables = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private long slots;

    ExtractionBuilder(String document) {
        this.document = document;
    }

    /** A row before it has a line: where it is and its slots. */
    record PlacedRow(String place, List<TableCell> cells) {
    }

    /** Adds a table of grid cells; returns its rows with their lines (for diagnostics about them). */
    List<TableRow> table(String name, List<PlacedRow> rows) {
        return table(name, Table.Delimiting.GRID, rows);
    }

    /** Adds a table whose cells were separated as {@code delimiting} says (a Word text run, PDF positions). */
    List<TableRow> table(String name, Table.Delimiting delimiting, List<PlacedRow> rows) {
        List<TableRow> out = new ArrayList<>(rows.size());
        for (PlacedRow r : rows) {
            slots += r.cells().size();
            if (slots > MAX_SLOTS) {
                throw tooLarge(document, r.place());
            }
            TableRow row = new TableRow(lines.size() + 1, r.place(), r.cells());
            lines.add(row.joined());
            out.add(visible(row));
        }
        tables.add(new Table(name, delimiting, out));
        return out;
    }

    /**
     * The row with invisible control characters (bidi overrides, zero-width spaces) removed from its cells, one
     * warning per row, as text files have it; the source line keeps them.
     */
    private TableRow visible(TableRow row) {
        List<TableCell> cells = null;
        for (int c = 0; c < row.cells().size(); c++) {
            TableCell cell = row.cells().get(c);
            if (TextCells.hasInvisible(cell.text())) {
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                cells.set(c, new TableCell(TextCells.visible(cell.text()), cell.covered()));
            }
        }
        if (cells == null) {
            return row;
        }
        String names = TextCells.invisibleNames(row.joined());
        note(row.line(), row.place(), Diagnostic.Severity.WARNING, DiagnosticCode.CONTROL_CHARACTER, "line "
                + row.line() + (row.place() == null ? "" : " (" + row.place() + ")") + " holds invisible control"
                + " characters (" + names + "); removed from its cells, kept in the source line",
                String.valueOf(row.line()), names);
        return new TableRow(row.line(), row.place(), cells);
    }

    static ImportRejectedException tooLarge(String document, String place) {
        return new ImportRejectedException(document, 0, place + ": the file holds more than " + MAX_SLOTS
                + " cells; split it into smaller files");
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    void note(int line, String place, Diagnostic.Severity severity, DiagnosticCode code, String message,
              String... args) {
        diagnostics.add(new Diagnostic(line, place, severity, code, List.of(args), message));
    }

    Extraction build(FileKind kind) {
        return new Extraction(kind, tables, lines, diagnostics, false);
    }

    /**
     * A cell's text as one line: its lines (a line break typed inside the cell) joined by {@link CellLines#join}, so
     * the label 项目 / 名称 reads 项目名称 as in a Word cell; a tab or NBSP is a space; the source line of the row
     * stays one line.
     */
    static String cellText(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (CellLines.hasBreak(raw)) {
            return CellLines.join(CellLines.split(raw).stream().map(CellLines::spaces).toList());
        }
        return CellLines.spaces(raw).strip();
    }

    /**
     * A library's reason for failing as one short line: its first line, at most 200 characters, so that a refusal
     * reads as a sentence and never as a stack trace.
     */
    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.strip();
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl).strip();
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
