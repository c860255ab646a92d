package org.perfgraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entry point of the reading side: checks the bytes, detects the layout from the content (never from the file
 * name) and reads the document. Stateless and thread-safe.
 */
public final class DocumentReader {

    /**
     * Reads one document.
     *
     * @param name    the document's name, used in every message
     * @param content the raw bytes (UTF-8 expected)
     * @return the parsed document
     * @throws ImportRejectedException naming the document and line when the content cannot be read
     */
    public ParsedDocument read(String name, byte[] content) {
        DocumentText text = DocumentText.decode(name, content);
        String hash = sha256(content);
        try {
            return switch (detect(name, text)) {
                case TAB_EXPORT -> TabExportReader.read(name, hash, text);
                case FORM -> FormReader.read(name, hash, text);
                case CSV -> asCsv(TabExportReader.read(name, hash, text.csvAsTabs(name)));
            };
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a reader bug must still name the document instead of escaping as an anonymous failure
            throw new ImportRejectedException(name, 0, "the document could not be read: " + e);
        }
    }

    /** The layout, from the first line that identifies one. */
    static DocumentFormat detect(String name, DocumentText text) {
        for (int i = 1; i <= text.lineCount(); i++) {
            String line = text.line(i);
            if (TabExportReader.isHeader(line)) {
                return DocumentFormat.TAB_EXPORT;
            }
            if (FormReader.isFormTitle(line) || FormReader.isMetaRow(line)) {
                return DocumentFormat.FORM;
            }
            if (isCsvHeader(line)) {
                return DocumentFormat.CSV;
            }
        }
        int first = 1;
        while (first < text.lineCount() && text.line(first).isBlank()) {
            first++;
        }
        throw new ImportRejectedException(name, first, "unknown layout: expected either a tab export (a tab-separated"
                + " header row with 预算单位, 项目名称, 一级指标, 二级指标, 三级指标 … columns and CODE-NAME cells) or"
                + " 财政项目支出绩效目标申报表 forms (blocks with 项目名称, 项目性质, 主管部门, 实施单位 … labels);"
                + " found neither");
    }

    /** A comma-separated header row with the tab export's columns. */
    static boolean isCsvHeader(String line) {
        return line.indexOf('\t') < 0 && line.indexOf(',') >= 0 && line.contains("预算单位") && line.contains("项目名称")
                && line.contains("一级指标");
    }

    private static ParsedDocument asCsv(ParsedDocument d) {
        return new ParsedDocument(d.name(), d.contentHash(), DocumentFormat.CSV, d.title(), d.region(), d.year(),
                d.lineCount(), d.projects(), d.diagnostics());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
