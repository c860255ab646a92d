package org.perfgraph.ingest;

/**
 * What a diagnostic is about: a stable code that analysis, the API and the stored graph read instead of copied
 * strings. {@link #uncertain()} marks the codes whose target was read with a guess (category, value or row
 * structure) and so become a PARSE_UNCERTAIN finding.
 */
public enum DiagnosticCode {
    AMOUNT_UNREADABLE(false),
    CATEGORY_INFERRED(true),
    CATEGORY_MISSING(true),
    CATEGORY_OCR_REPAIRED(true),
    CATEGORY_UNKNOWN(true),
    CODE_PREFIX_MISMATCH(true),
    DATE_UNREADABLE(false),
    DUPLICATE_INDICATOR(false),
    EXTRA_CELL(false),
    GOAL_TEXT_OF_OTHER_PROJECT(false),
    INDICATOR_MISSING(false),
    L2_FOREIGN_L1(true),
    LABEL_UNKNOWN(true),
    PROJECT_BLOCK_MERGED(false),
    ROW_UNREADABLE(true),
    VALUE_MISSING(true),
    VALUE_UNPARSED(true),
    /** The document stops inside a row: the complete rows are kept, the cut one is not. */
    TRUNCATED(false),
    /** A header row repeated inside the table (page breaks, copied blocks); skipped. */
    HEADER_REPEATED(false),
    /** Bytes that are not valid UTF-8 were replaced (U+FFFD) on this line. */
    REPLACEMENT_CHARACTER(true),
    /** The text was not UTF-8 and was read in another encoding (GB18030, UTF-16). */
    ENCODING(false),
    /** A separate comparator, unit or value column disagrees with what the value cell says. */
    VALUE_COLUMN_CONFLICT(true),
    /** The 度量单位 column disagrees with the indicator (a 数 indicator measured in %) or the value. */
    UNIT_MISMATCH(false),
    /** An L2 label with no indicator under it: not a row. */
    L2_WITHOUT_INDICATOR(false),
    /** An L2 category name stands where the L3 indicator should be. */
    L2_AS_INDICATOR(true),
    /** The context given at import (year, region, unit) disagrees with the document. */
    CONTEXT_MISMATCH(false),
    /** Money given in 万元 (or another unit) and stored in yuan. */
    MONEY_UNIT(false),
    /** Cells of a row could only be placed in their columns by guessing (squeezed cells, no separators). */
    CELLS_REALIGNED(true),
    /** A cell whose content the extractor could not read (an image, a formula error, an unknown type). */
    CELL_UNREADABLE(false),
    /** Something about the file itself (an empty sheet skipped, a page without text). */
    FILE_NOTE(false),
    /** A number ≤ 1 under a 度量单位 of % read as a fraction a spreadsheet exported (0.9 → 90%). */
    VALUE_AS_FRACTION(true),
    /** The document names no project: its targets were given one named after the title or the unit. */
    PROJECT_FROM_CONTEXT(false),
    /** Invisible control characters (bidi overrides, zero-width spaces) removed from a line's cells; the source keeps them. */
    CONTROL_CHARACTER(false),
    /**
     * Text without separators ends right after a row's number, before the 度量单位 its header has: the row is kept,
     * but if the copy was cut there its value may be incomplete (5000 read as 50). Likewise space-separated rows ending
     * with a row whose indicator does not end the way indicator names do: a label broken inside its cell continues
     * on the next line there, so a copy cut between the two lines may have shortened it (建制村通客车覆盖 / 率).
     */
    ROW_MAY_BE_CUT(true),
    /**
     * Nothing in the document names its budget unit (no unit column or label, a title that names no one): the unit
     * is named after the document (its file name). Said once, on the document (line 1).
     */
    UNIT_FROM_DOCUMENT_NAME(false);

    private final boolean uncertain;

    DiagnosticCode(boolean uncertain) {
        this.uncertain = uncertain;
    }

    /** True where the diagnostic's target was read with a guess: such targets are PARSE_UNCERTAIN findings. */
    public boolean uncertain() {
        return uncertain;
    }
}
