package org.perfgraph.ingest;

/**
 * One slot of a table's grid.
 *
 * @param text    the cell's text as extracted (never null; "" for an empty cell)
 * @param covered true where the slot lies under a merged cell that starts above or to the left of it; the text is
 *                then the merged cell's, so a layout may carry it (merged unit, project, L1 cells) or ignore it
 */
public record TableCell(String text, boolean covered) {

    public static final TableCell EMPTY = new TableCell("", false);

    public TableCell {
        text = text == null ? "" : text;
    }

    public static TableCell of(String text) {
        return text == null || text.isEmpty() ? EMPTY : new TableCell(text, false);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
