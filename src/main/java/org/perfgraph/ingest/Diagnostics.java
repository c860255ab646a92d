package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/** What a reader noticed, collected in document order of discovery. */
final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    void info(int line, DiagnosticCode code, String message, String... args) {
        add(line, null, Diagnostic.Severity.INFO, code, message, args);
    }

    void warn(int line, DiagnosticCode code, String message, String... args) {
        add(line, null, Diagnostic.Severity.WARNING, code, message, args);
    }

    void info(TableRow row, DiagnosticCode code, String message, String... args) {
        add(row.line(), row.place(), Diagnostic.Severity.INFO, code, message, args);
    }

    void warn(TableRow row, DiagnosticCode code, String message, String... args) {
        add(row.line(), row.place(), Diagnostic.Severity.WARNING, code, message, args);
    }

    void add(int line, String place, Diagnostic.Severity severity, DiagnosticCode code, String message, String... args) {
        List<String> values = new ArrayList<>(args.length);
        for (String a : args) {
            values.add(a == null ? "" : a);
        }
        items.add(new Diagnostic(line, place, severity, code, values, message));
    }

    void addAll(List<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    /** A value that holds a digit but could not be read as a number, date or frequency. */
    void checkValue(int line, String column, TargetValue value) {
        checkValue(line, null, column, value);
    }

    void checkValue(int line, String place, String column, TargetValue value) {
        if (value != null && value.kind() == ValueKind.TEXT && ValueNormalizer.hasDigit(value.raw())) {
            add(line, place, Diagnostic.Severity.WARNING, DiagnosticCode.VALUE_UNPARSED, column + " value '" + value.raw()
                    + "' contains a number but could not be read as one value; kept as text", column, value.raw());
        }
    }

    List<Diagnostic> list() {
        return List.copyOf(items);
    }
}
