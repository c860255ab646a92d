package org.perfgraph.ingest;

/** What kind of file a document arrived as, detected from its bytes (magic numbers, then text), never its name. */
public enum FileKind {
    /** Text: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK. */
    TEXT,
    /** Office Open XML spreadsheet. */
    XLSX,
    /** Excel 97-2003 spreadsheet (OLE2). */
    XLS,
    /** Office Open XML word-processing document. */
    DOCX,
    /** Word 97-2003 document (OLE2). */
    DOC,
    /** PDF with a text layer. */
    PDF,
    /** An HTML page (a portal page or a saved table). */
    HTML
}
