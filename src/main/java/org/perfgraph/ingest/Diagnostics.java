package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/** What a reader noticed, collected in document order of discovery. */
final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    void info(int line, String code, String message) {
        items.add(new Diagnostic(line, Diagnostic.Severity.INFO, code, message));
    }

    void warn(int line, String code, String message) {
        items.add(new Diagnostic(line, Diagnostic.Severity.WARNING, code, message));
    }

    /** A value that holds a digit but could not be read as a number, date or frequency. */
    void checkValue(int line, String column, TargetValue value) {
        if (value != null && value.kind() == ValueKind.TEXT && ValueNormalizer.hasDigit(value.raw())) {
            warn(line, "VALUE_UNPARSED", column + " value '" + value.raw()
                    + "' contains a number but could not be read as one value; kept as text");
        }
    }

    List<Diagnostic> list() {
        return List.copyOf(items);
    }
}
