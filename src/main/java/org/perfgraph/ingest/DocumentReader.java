package org.perfgraph.ingest;

/**
 * Entry point of the reading side: detects the layout from the content and reads the document.
 * Implemented by the parser work; this stub only fixes the contract.
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
        throw new UnsupportedOperationException("not yet implemented");
    }
}
