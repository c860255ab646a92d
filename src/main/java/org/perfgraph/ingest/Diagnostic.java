package org.perfgraph.ingest;

/**
 * Something the reader noticed: an inferred category, an OCR repair, an L2 under a foreign L1, a value it
 * could only keep as text. Errors refuse the document (see {@link ImportRejectedException}); warnings and
 * infos are stored with the document.
 *
 * @param line     1-based line in the document
 * @param severity how serious
 * @param code     stable machine code (CATEGORY_INFERRED, CATEGORY_OCR_REPAIRED, L2_FOREIGN_L1, ...)
 * @param message  human sentence naming what was found and what was done
 */
public record Diagnostic(int line, Severity severity, String code, String message) {

    public enum Severity { INFO, WARNING, ERROR }
}
