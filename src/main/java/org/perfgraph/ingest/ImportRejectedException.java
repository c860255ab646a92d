package org.perfgraph.ingest;

/**
 * A document that cannot be read at all: empty, binary, wrong encoding, unknown layout, truncated row.
 * The message names the document and the line; nothing of the document is written.
 */
public class ImportRejectedException extends RuntimeException {

    private final String document;
    private final int line;

    public ImportRejectedException(String document, int line, String reason) {
        super(document + (line > 0 ? ", line " + line : "") + ": " + reason);
        this.document = document;
        this.line = line;
    }

    public String document() {
        return document;
    }

    /** 1-based line, or 0 where the problem is the whole document. */
    public int line() {
        return line;
    }
}
