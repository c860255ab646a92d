package org.perfgraph.ingest;

import java.util.List;

/**
 * One document as read: its layout, title, region and year, the projects it declares and what the reader
 * noticed on the way. Nothing here knows how it is stored.
 *
 * @param name        the document's name (file name or the name given to importDocument)
 * @param contentHash SHA-256 of the bytes, hex; re-importing the same bytes changes nothing
 * @param format      which layout was detected
 * @param title       the title line (e.g. 珠海高新技术产业开发区投资促进中心2024年度重点绩效管理项目绩效目标)
 * @param region      the region named in the title (珠海高新技术产业开发区, 上海市闵行区); null if none
 * @param year        the budget year from the title, or null
 * @param lineCount   lines in the document (for files: rows in its text rendering)
 * @param kind        which table it is (申报表, 批复表, 自评表, 整体支出)
 * @param fileKind    what file it arrived as
 * @param truncated   true where the reader can tell that the document was cut off (the complete rows are kept)
 * @param sourceLines the document's own lines (for files: the rows as tab-separated text)
 */
public record ParsedDocument(
        String name,
        String contentHash,
        DocumentFormat format,
        String title,
        String region,
        Integer year,
        int lineCount,
        List<ParsedProject> projects,
        List<Diagnostic> diagnostics,
        DocumentKind kind,
        FileKind fileKind,
        boolean truncated,
        List<String> sourceLines) {

    /** A declaration read from text, as the seed layouts produce it before the reader adds what it knows. */
    public ParsedDocument(String name, String contentHash, DocumentFormat format, String title, String region,
                          Integer year, int lineCount, List<ParsedProject> projects, List<Diagnostic> diagnostics) {
        this(name, contentHash, format, title, region, year, lineCount, projects, diagnostics,
                DocumentKind.DECLARATION, FileKind.TEXT, false, List.of());
    }

    /** The same document with other reader-level facts (kind, file kind, truncation, source, diagnostics). */
    public ParsedDocument with(DocumentKind kind, FileKind fileKind, boolean truncated, List<String> sourceLines,
                               List<Diagnostic> diagnostics) {
        return new ParsedDocument(name, contentHash, format, title, region, year, lineCount, projects, diagnostics,
                kind, fileKind, truncated, sourceLines);
    }

    public int targetCount() {
        return projects.stream().mapToInt(p -> p.targets().size()).sum();
    }
}
