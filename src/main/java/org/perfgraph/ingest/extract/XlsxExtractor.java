package org.perfgraph.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An xlsx workbook, streamed: SAX over each sheet's XML with the shared strings and styles (POI's
 * {@link XSSFSheetXMLHandler}), so the heap holds the text cells and nothing of the XML. The package is read from a
 * temporary file, which lets the ZIP be inflated part by part instead of all at once. Every sheet holding text is one
 * table "sheet NAME"; merged regions (listed after the cells in the sheet XML) are applied once the sheet is read.
 */
final class XlsxExtractor {

    /** A part may inflate to at most 100 times its packed size: real sheets stay far below, zip bombs do not. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The largest part inflated: 100k-row sheets are tens of MiB. */
    static final long MAX_ENTRY_SIZE = 512L << 20;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static {
        // ZipSecureFile's limits are static in POI: set once here, for every OOXML package read in this JVM
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private XlsxExtractor() {
    }

    static Extraction extract(String name, byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("perfgraph-", ".xlsx");
            Files.write(file, content);
            return read(name, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary copy of " + name, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system's temp cleaning
                }
            }
        }
    }

    private static Extraction read(String name, Path file) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw refusal(name, null, e);
        }
        try {
            XSSFReader reader;
            Workbook workbook;
            ReadOnlySharedStringsTable strings;
            StylesTable styles;
            try {
                reader = new XSSFReader(pkg);
                workbook = Workbook.parse(reader);
                strings = new ReadOnlySharedStringsTable(pkg, false);
                // without a styles part POI's handler prints numbers raw (120000.0): General is what Excel shows
                styles = reader.getStylesTable() == null ? new StylesTable() : reader.getStylesTable();
            } catch (ImportRejectedException e) {
                throw e;
            } catch (Exception e) {
                throw refusal(name, null, e);
            }
            ExtractionBuilder out = new ExtractionBuilder(name);
            CellFormat format = new CellFormat(workbook.date1904);
            List<String> empty = new ArrayList<>();
            for (SheetRef sheet : workbook.sheets) {
                SheetGrid grid = new SheetGrid(name, sheet.name);
                try (InputStream in = reader.getSheet(sheet.relationId)) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new SheetHandler(grid, styles, strings, format));
                    xml.parse(new InputSource(in));
                } catch (Exception e) {
                    throw refusal(name, "sheet " + sheet.name, e);
                }
                grid.finish(out, sheet.hidden, empty);
            }
            if (out.isEmpty()) {
                throw SheetGrid.noTable(name, empty);
            }
            return out.build(FileKind.XLSX);
        } finally {
            pkg.revert();
        }
    }

    /** A refusal naming what could not be read: a zip bomb, a damaged or cut-off package, a missing part. */
    static ImportRejectedException refusal(String name, String place, Exception e) {
        if (e instanceof ImportRejectedException r) {
            return r;
        }
        String where = place == null ? "" : place + ": ";
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(' ').append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        String all = causes.toString();
        // POI's ZipSecureFile says "Zip bomb detected! The file would exceed the max size of the expanded data" or
        // "... the max. ratio of compressed file size to the size of the expanded data"
        if (all.contains("max size of the expanded data")) {
            return new ImportRejectedException(name, 0, where + "a part of the workbook is larger than "
                    + (MAX_ENTRY_SIZE >> 20) + " MiB once inflated (a zip bomb?); refused unread");
        }
        if (all.contains("Zip bomb")) {
            return new ImportRejectedException(name, 0, where + "a part of the workbook inflates to more than "
                    + Math.round(1 / MIN_INFLATE_RATIO) + " times its packed size (a zip bomb?); refused unread");
        }
        return new ImportRejectedException(name, 0, where + "the workbook is damaged or cut off and cannot be read ("
                + firstLine(innermost(e)) + "); open and save it again in Excel or LibreOffice");
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private record SheetRef(String name, String relationId, boolean hidden) {
    }

    /** The sheets of xl/workbook.xml in tab order, their visibility and the date system. */
    private static final class Workbook extends DefaultHandler {
        private final List<SheetRef> sheets = new ArrayList<>();
        private boolean date1904;

        static Workbook parse(XSSFReader reader) throws Exception {
            Workbook w = new Workbook();
            try (InputStream in = reader.getWorkbookData()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(w);
                xml.parse(new InputSource(in));
            }
            return w;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("workbookPr".equals(localName)) {
                String d = attributes.getValue("date1904");
                date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
            } else if ("sheet".equals(localName)) {
                String state = attributes.getValue("state");
                String id = attributes.getValue(RELATIONSHIPS, "id");
                sheets.add(new SheetRef(attributes.getValue("name"), id,
                        "hidden".equals(state) || "veryHidden".equals(state)));
            }
        }
    }

    /**
     * POI's sheet handler for the cells, plus what it does not report: merged regions and which cells hold a
     * formula error.
     */
    private static final class SheetHandler extends DefaultHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetGrid grid;
        private final XSSFSheetXMLHandler cells;
        private int row = -1;
        private int nextColumn;
        private boolean error;

        SheetHandler(SheetGrid grid, StylesTable styles, ReadOnlySharedStringsTable strings, CellFormat format) {
            this.grid = grid;
            this.cells = new XSSFSheetXMLHandler(styles, strings, this, format, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                error = "e".equals(attributes.getValue("t"));
            } else if ("mergeCell".equals(localName)) {
                String ref = attributes.getValue("ref");
                if (ref != null) {
                    try {
                        CellRangeAddress m = CellRangeAddress.valueOf(ref);
                        grid.merge(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn());
                    } catch (IllegalArgumentException ignored) {
                        // an unreadable merge reference merges nothing; the cells are still read
                    }
                }
                return;
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            // rows are kept by SheetGrid as their cells arrive
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int r = row;
            int c = nextColumn;
            if (reference != null) {
                CellAddress a = new CellAddress(reference);
                r = a.getRow();
                c = a.getColumn();
            }
            nextColumn = c + 1;
            String text = formattedValue;
            if (error && text != null) {
                text = text.startsWith("ERROR:") ? text.substring("ERROR:".length()) : text;
                grid.warn(r, c, DiagnosticCode.CELL_UNREADABLE, "the cell holds the formula error " + text
                        + "; kept as written", text);
            }
            grid.cell(r, c, text);
        }
    }
}
