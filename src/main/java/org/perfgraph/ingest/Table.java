package org.perfgraph.ingest;

import java.util.List;

/**
 * A table as extracted from a document: rows of grid slots, whatever the file kind. Every layout reads this one
 * model; extractors only produce it.
 *
 * @param name       what the table is within its file (sheet 项目表, table 2, page 3, text)
 * @param delimiting how the cells were separated in the source, which tells a layout how far the columns can be
 *                   trusted
 * @param rows       the rows in order; blank rows may be left out (their line numbers then skip)
 */
public record Table(String name, Delimiting delimiting, List<TableRow> rows) {

    public Table {
        rows = List.copyOf(rows);
    }

    /** How a table's cells were separated in its source. */
    public enum Delimiting {
        /** Cells of a file (spreadsheet, Word or HTML table): columns are exact, merged cells are marked. */
        GRID,
        /** Tab-separated text: columns exact, merged cells are empty cells. */
        TAB,
        /** Comma-separated text with RFC 4180 quoting. */
        COMMA,
        /** A pipe table ({@code | a | b |}); squeezed copies drop empty cells, so columns may have shifted. */
        PIPE,
        /** One cell per line, rows closed by a run of pipes or by the header's width. */
        CELL_PER_LINE,
        /** Cells separated by runs of spaces; a cell holding a space splits in two. */
        SPACE,
        /** No separator at all: the cells of a row, or the whole table, run together. */
        NONE,
        /** Text positioned on a page (PDF): columns rebuilt from positions. */
        POSITIONS,
        /**
         * Text whose cells {@link TableSegmenter} rebuilt from the vocabulary and the values' shapes (SPACE or NONE
         * text): data rows stand in their header's columns; rows placed by a guess carry a warning.
         */
        REBUILT
    }
}
