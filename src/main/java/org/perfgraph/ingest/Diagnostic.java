package org.perfgraph.ingest;

import java.util.List;

/**
 * Something the reader noticed: an inferred category, an OCR repair, an L2 under a foreign L1, a value it
 * could only keep as text. Errors refuse the document (see {@link ImportRejectedException}); warnings and
 * infos are stored with the document.
 *
 * @param line     1-based line in the document (for files: the row's line in the document's text rendering)
 * @param place    where in a file (sheet 项目表, row 12, column G; table 2, row 5; page 3), null for text
 * @param severity how serious
 * @param code     stable machine code
 * @param args     the values the message is about (cell texts, names, numbers), in the message's order, so that
 *                 a message can be rendered again in another language from the code and its arguments
 * @param message  human sentence naming what was found and what was done
 */
public record Diagnostic(int line, String place, Severity severity, DiagnosticCode code, List<String> args,
                         String message) {

    public enum Severity { INFO, WARNING, ERROR }

    public Diagnostic {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
