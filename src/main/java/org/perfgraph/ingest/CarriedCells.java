package org.perfgraph.ingest;

import java.util.EnumMap;
import java.util.Map;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * The carry-down of merged cells in a header table: a row's own unit, project, amount, 一级 or 二级 cell opens a
 * group and is remembered; an empty one (a merged cell, or one squeezed out of a text copy) takes its group's cell
 * from above.
 */
final class CarriedCells {

    private final Map<Field, String> carried = new EnumMap<>(Field.class);

    /** A carried column: the row's own cell where it has one (a new group), else the one above; "" where none. */
    String cell(Field f, String[] cells, int column) {
        String own = HeaderColumns.cell(cells, column);
        if (!own.isEmpty()) {
            carried.put(f, own);
            return own;
        }
        return carried.getOrDefault(f, "");
    }

    /** The cell carried in a column, null where none is. */
    String get(Field f) {
        return carried.get(f);
    }

    /** A new unit or project: its amount and categories start again. */
    void newProject() {
        carried.remove(Field.LEVEL1);
        carried.remove(Field.LEVEL2);
        carried.remove(Field.AMOUNT);
    }

    /** A new table, form or label block: nothing carries into it. */
    void clear() {
        carried.clear();
    }
}
