package org.perfgraph.ingest;

/**
 * One way a performance-target table is laid out, read from the neutral {@link Table} model. Each layout says how
 * sure it is that it reads an extraction, and reads it; {@link DocumentReader} asks every layout and lets the most
 * certain one read. Layouts are stateless.
 */
interface Layout {

    /** The format a document read by this layout is stored with. */
    DocumentFormat format();

    /**
     * How sure the layout is that it reads this extraction: 0 means it does not; the seed layouts answer 80-90 for
     * their own shape, the general header-row layout less, so that a specific layout wins where both read.
     */
    int recognise(Extraction extraction, ImportOptions options);

    /**
     * Reads the document.
     *
     * @throws ImportRejectedException naming the document and place when the table cannot be read
     */
    ParsedDocument read(LayoutInput input);

    /**
     * What a layout reads.
     *
     * @param name       the document's name, used in every message
     * @param hash       SHA-256 of the document's bytes
     * @param extraction the tables
     * @param options    the importer's column mapping and context
     */
    record LayoutInput(String name, String hash, Extraction extraction, ImportOptions options) {
    }
}
