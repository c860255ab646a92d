package org.perfgraph.ingest.extract;

import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;

/**
 * The first stage of reading: bytes to {@link org.perfgraph.ingest.Table}s. The file kind comes from the content
 * (magic bytes of ZIP, OLE2 and PDF containers, then markup or text), never from the file name; one extractor per
 * kind. Stateless and thread-safe.
 */
public final class Extractors {

    private Extractors() {
    }

    /**
     * Extracts the tables of one document.
     *
     * @throws ImportRejectedException naming the document and place when the bytes cannot be read
     */
    public static Extraction extract(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportRejectedException(name, 1, "the document is empty (0 bytes)");
        }
        FileKind kind = FileKinds.detect(name, content);
        return switch (kind) {
            case TEXT -> TextExtractor.extract(name, content);
            case XLSX -> XlsxExtractor.extract(name, content);
            case XLS -> XlsExtractor.extract(name, content);
            case HTML -> HtmlExtractor.extract(name, content);
            case DOCX -> DocxExtractor.extract(name, content);
            case DOC -> DocExtractor.extract(name, content);
            case PDF -> PdfExtractor.extract(name, content);
        };
    }
}
