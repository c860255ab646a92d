package org.perfgraph.editing;

import java.util.List;

import org.perfgraph.support.ApiException;

/** The editable node kinds, their editable fields (in input form) and the scripts that lock, read and set them. */
enum EditableKind {
    PROJECT("Project", List.of("name", "year", "amount", "totalAmount", "nature", "category", "department",
            "startDate", "endDate")),
    TARGET("Target", List.of("annual", "period", "level1", "level2", "indicator")),
    INDICATOR("Indicator", List.of("name", "code"));

    final String label;
    final List<String> fields;

    EditableKind(String label, List<String> fields) {
        this.label = label;
        this.fields = fields;
    }

    String lockScript() {
        return "editing/lock-" + name().toLowerCase();
    }

    String readScript() {
        return "editing/" + name().toLowerCase();
    }

    String setScript() {
        return "editing/set-" + name().toLowerCase();
    }

    /** The kind of a history entry's entity, where it is one of the editable kinds. */
    static EditableKind ofLabel(String label) {
        for (EditableKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw ApiException.badInput("changes of a " + label + " cannot be reverted");
    }
}
