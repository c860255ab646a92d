package org.perfgraph.ingest;

import java.util.List;

/**
 * What an extractor made of a document's bytes: its tables, its text as lines, what it noticed.
 *
 * @param fileKind    what the file was
 * @param tables      the tables in document order (a text document is one table)
 * @param sourceLines the document as lines of text: a text document's own lines; a file's rows as tab-separated
 *                    text, one line per row in the order of {@link TableRow#line()}; what {@code source(fromLine,
 *                    toLine)} returns
 * @param diagnostics what the extractor noticed (replacement characters, another encoding, skipped sheets)
 * @param truncated   true where the extractor can tell that the source stops early (a cut file)
 */
public record Extraction(FileKind fileKind, List<Table> tables, List<String> sourceLines, List<Diagnostic> diagnostics,
                         boolean truncated) {

    public Extraction {
        tables = List.copyOf(tables);
        sourceLines = List.copyOf(sourceLines);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Every table's rows in order. */
    public int rowCount() {
        return tables.stream().mapToInt(t -> t.rows().size()).sum();
    }
}
