package org.perfgraph.ingest.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/**
 * A PDF to tables. A page with ruled tables (the drawn lines of a printed Word or Excel table, {@link PdfRulings})
 * gives one GRID table "table n" per ruled table, each glyph placed in the cell its centre lies in, merged cells
 * where a line is missing (covered slots, as Word's), a cell's wrapped lines joined into one cell again; the text
 * around them (title, 单位：万元, 填报人) goes into POSITIONS tables "text" between them. A document without any
 * ruling is one POSITIONS table "pages": the characters of each page grouped into rows by baseline and into cells
 * by horizontal gaps, where a merged cell's text stands once and a wrapped cell's lines are rows of their own.
 * A PDF without a text layer (scanned pages) is refused: OCR is out of scope.
 */
final class PdfExtractor {

    static final int MAX_PAGES = 2_000;
    /** Characters one document may hold: a 2,000-page table is about 4M. */
    static final int MAX_CHARACTERS = 5_000_000;
    /**
     * A gap wider than this many average character widths (of the row) starts a new cell. One width, not 1.5: a
     * cell filled to its border leaves only its padding (about one CJK character) before the next cell's text, and
     * text inside a cell has no gap that wide (CJK runs have none, a Latin space is a quarter of one).
     */
    static final double CELL_GAP = 1.0;

    private final String document;

    private PdfExtractor(String document) {
        this.document = document;
    }

    static Extraction extract(String name, byte[] content) {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(content);
        } catch (InvalidPasswordException e) {
            throw new ImportRejectedException(name, 0, "the PDF is encrypted with a password; save or print it"
                    + " without a password and import it again");
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException(name, 0, "the PDF cannot be read: " + ExtractionBuilder.reason(e));
        }
        try (pdf) {
            return new PdfExtractor(name).read(pdf);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException(name, 0, "the PDF cannot be read: " + ExtractionBuilder.reason(e));
        }
    }

    private Extraction read(PDDocument pdf) throws IOException {
        int pages = pdf.getNumberOfPages();
        if (pages == 0) {
            throw new ImportRejectedException(document, 0, "the PDF has no pages");
        }
        if (pages > MAX_PAGES) {
            throw new ImportRejectedException(document, 0, "the PDF has " + pages + " pages, more than the "
                    + MAX_PAGES + " read; split it into smaller files");
        }
        Collector collector = new Collector();
        collector.setSortByPosition(true);
        collector.writeText(pdf, Writer.nullWriter());
        if (collector.characters == 0) {
            if (collector.unmapped > 0) {
                throw new ImportRejectedException(document, 0, "the PDF's fonts carry no Unicode mapping (ToUnicode),"
                        + " so its text cannot be read; export it again with embedded fonts");
            }
            throw new ImportRejectedException(document, 0, "the PDF has no text layer (scanned pages?); OCR is out of"
                    + " scope");
        }
        ExtractionBuilder out = new ExtractionBuilder(document);
        List<TableRow> emitted = new ArrayList<>();
        List<Integer> emptyPages = new ArrayList<>();
        boolean ruled = collector.grids.stream().anyMatch(g -> !g.isEmpty());
        List<ExtractionBuilder.PlacedRow> text = new ArrayList<>();
        int tables = 0;
        for (int p = 0; p < collector.pages.size(); p++) {
            List<TextPosition> glyphs = collector.pages.get(p);
            String page = "page " + (p + 1);
            if (glyphs.stream().allMatch(PdfExtractor::isSpace)) {
                emptyPages.add(p + 1);
                continue;
            }
            if (!ruled) {
                for (List<TableCell> cells : rows(glyphs)) {
                    text.add(new ExtractionBuilder.PlacedRow(page, cells));
                }
                continue;
            }
            List<PdfRulings.Grid> grids = collector.grids.get(p);
            PageSplit split = split(glyphs, grids);
            for (int b = 0; b <= grids.size(); b++) {
                for (List<TableCell> cells : rows(split.outside.get(b))) {
                    text.add(new ExtractionBuilder.PlacedRow(page, cells));
                }
                if (b < grids.size()) {
                    List<ExtractionBuilder.PlacedRow> grid = gridRows(grids.get(b), split.inside.get(b),
                            page + ", table " + (tables + 1));
                    if (!grid.isEmpty()) {
                        flush(out, text, emitted);
                        tables++;
                        emitted.addAll(out.table("table " + tables, grid));
                    }
                }
            }
        }
        if (!ruled) {
            emitted.addAll(out.table("pages", Table.Delimiting.POSITIONS, text));
        } else {
            flush(out, text, emitted);
        }
        for (int page : emptyPages) {
            out.note(lineOfPage(emitted, page), "page " + page, Diagnostic.Severity.INFO, DiagnosticCode.FILE_NOTE,
                    "page " + page + " has no text (an image or a blank page); skipped", String.valueOf(page));
        }
        for (int p = 0; p < collector.unmappedByPage.size(); p++) {
            int missing = collector.unmappedByPage.get(p);
            if (missing > 0) {
                out.note(lineOfPage(emitted, p + 1), "page " + (p + 1), Diagnostic.Severity.WARNING,
                        DiagnosticCode.CELL_UNREADABLE, "page " + (p + 1) + ": " + missing + " characters have no"
                                + " Unicode mapping in their font (no ToUnicode) and are missing from the text",
                        String.valueOf(p + 1), String.valueOf(missing));
            }
        }
        return out.build(FileKind.PDF);
    }

    /** The line of the first row at or after the page, so a page note sits where the page would be. */
    private static int lineOfPage(List<TableRow> rows, int page) {
        for (TableRow r : rows) {
            if (pageOf(r.place()) >= page) {
                return r.line();
            }
        }
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).line();
    }

    /** The page number of a place ("page 3" or "page 3, table 2, row 5"). */
    private static int pageOf(String place) {
        int end = "page ".length();
        while (end < place.length() && Character.isDigit(place.charAt(end))) {
            end++;
        }
        return Integer.parseInt(place.substring("page ".length(), end));
    }

    /** Text rows between ruled tables go out as one POSITIONS table "text", as Word's paragraphs do. */
    private static void flush(ExtractionBuilder out, List<ExtractionBuilder.PlacedRow> text, List<TableRow> emitted) {
        if (!text.isEmpty()) {
            emitted.addAll(out.table("text", Table.Delimiting.POSITIONS, text));
            text.clear();
        }
    }

    /**
     * A page's glyphs split by the ruled tables: for each grid (top to bottom) the glyphs inside it, and for each
     * stretch before, between and after the grids the glyphs outside every grid.
     */
    private record PageSplit(List<List<TextPosition>> inside, List<List<TextPosition>> outside) {
    }

    private static PageSplit split(List<TextPosition> glyphs, List<PdfRulings.Grid> grids) {
        List<List<TextPosition>> inside = new ArrayList<>();
        List<List<TextPosition>> outside = new ArrayList<>();
        for (int g = 0; g <= grids.size(); g++) {
            inside.add(new ArrayList<>());
            outside.add(new ArrayList<>());
        }
        for (TextPosition t : glyphs) {
            double x = t.getXDirAdj() + t.getWidthDirAdj() / 2;
            double y = t.getYDirAdj() - t.getHeightDir() / 2;
            int band = 0;
            boolean placed = false;
            for (int g = 0; g < grids.size(); g++) {
                PdfRulings.Grid grid = grids.get(g);
                if (grid.contains(x, y)) {
                    inside.get(g).add(t);
                    placed = true;
                    break;
                }
                if (y > grid.ys()[0]) {
                    band = g + 1;
                }
            }
            if (!placed) {
                outside.get(band).add(t);
            }
        }
        return new PageSplit(inside, outside);
    }

    /**
     * A ruled cell's lines as one text. The lines of a PDF cell are the writer's soft wrap of one text (≥8000 / 人,
     * 80,000.0 / 0, 3020 / 01-某县图书馆), so they join without a space, except where a Latin word meets a Latin
     * word (the wrap took the space between them); Han at the join joins as a Word cell's does.
     */
    static String wrapped(List<String> lines) {
        return CellLines.join(lines, (before, after) -> isLatin(before) && isLatin(after));
    }

    private static boolean isLatin(int c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /**
     * A ruled table's rows: each glyph goes to the slot its centre lies in, a merged region's text is the lines of
     * its glyphs joined ({@link #wrapped}: 项目 / 名称 reads 项目名称), and the
     * other slots of the region are covered by it. Rows with no text are left out.
     */
    private static List<ExtractionBuilder.PlacedRow> gridRows(PdfRulings.Grid grid, List<TextPosition> glyphs,
                                                             String place) {
        int cols = grid.columns();
        Map<Integer, List<TextPosition>> byRegion = new HashMap<>();
        for (TextPosition t : glyphs) {
            int[] slot = grid.slot(t.getXDirAdj() + t.getWidthDirAdj() / 2, t.getYDirAdj() - t.getHeightDir() / 2);
            if (slot != null) {
                byRegion.computeIfAbsent(grid.region()[slot[0]][slot[1]], k -> new ArrayList<>()).add(t);
            }
        }
        Map<Integer, String> texts = new HashMap<>();
        for (Map.Entry<Integer, List<TextPosition>> e : byRegion.entrySet()) {
            List<String> lines = new ArrayList<>();
            for (List<TableCell> line : rows(e.getValue())) {
                lines.add(String.join(" ", line.stream().map(TableCell::text).toList()));
            }
            texts.put(e.getKey(), wrapped(lines));
        }
        List<ExtractionBuilder.PlacedRow> out = new ArrayList<>();
        for (int r = 0; r < grid.rows(); r++) {
            List<TableCell> cells = new ArrayList<>(cols);
            boolean own = false;
            for (int c = 0; c < cols; c++) {
                int region = grid.region()[r][c];
                String text = texts.getOrDefault(region, "");
                boolean covered = region != r * cols + c;
                own |= !covered && !text.isEmpty();
                cells.add(text.isEmpty() ? TableCell.EMPTY : new TableCell(text, covered));
            }
            if (own) {
                out.add(new ExtractionBuilder.PlacedRow(place + ", row " + (r + 1), cells));
            }
        }
        return out;
    }

    /**
     * One page's characters as rows of cells. Rows: characters sorted by baseline, a new row where the baseline
     * moves by more than half the median character height (one row's glyphs share a baseline, whatever their size).
     * Cells: within a row, left to right, a new cell where the gap to the previous character exceeds
     * {@link #CELL_GAP} average character widths of that row; a space where a space glyph lies between two
     * characters or the gap between them is one ({@link #positionalSpace}).
     */
    static List<List<TableCell>> rows(List<TextPosition> glyphs) {
        List<List<TableCell>> out = new ArrayList<>();
        if (glyphs.isEmpty()) {
            return out;
        }
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        double tolerance = Math.max(1.0, median(sorted) / 2);
        List<TextPosition> row = new ArrayList<>();
        double rowY = sorted.get(0).getYDirAdj();
        for (TextPosition t : sorted) {
            if (t.getYDirAdj() - rowY > tolerance) {
                addRow(out, row);
                row = new ArrayList<>();
                rowY = t.getYDirAdj();
            }
            row.add(t);
        }
        addRow(out, row);
        return out;
    }

    private static double median(List<TextPosition> glyphs) {
        double[] h = glyphs.stream().filter(t -> !isSpace(t)).mapToDouble(TextPosition::getHeightDir).sorted()
                .toArray();
        return h.length == 0 ? 0 : h[h.length / 2];
    }

    private static void addRow(List<List<TableCell>> out, List<TextPosition> row) {
        row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        double width = row.stream().filter(t -> !isSpace(t)).mapToDouble(TextPosition::getWidthDirAdj).average()
                .orElse(0);
        List<TableCell> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        TextPosition previous = null;
        boolean spaceSeen = false;
        for (TextPosition t : row) {
            if (isSpace(t)) {
                spaceSeen = previous != null;
                continue;
            }
            if (previous != null) {
                double gap = t.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                if (gap > CELL_GAP * width) {
                    cells.add(TableCell.of(cell.toString().strip()));
                    cell.setLength(0);
                } else if (spaceSeen || positionalSpace(previous, t, gap)) {
                    cell.append(' ');
                }
            }
            cell.append(t.getUnicode());
            previous = t;
            spaceSeen = false;
        }
        if (!cell.isEmpty()) {
            cells.add(TableCell.of(cell.toString().strip()));
        }
        if (!cells.isEmpty()) {
            out.add(cells);
        }
    }

    /**
     * Whether the gap between two glyphs with no space glyph between them is a space. Between Latin letters and digits
     * half a space's width is one (writers position words instead of drawing a space). Between two CJK characters
     * none is: Chinese text has no spaces, and a distributed cell (项 目 名 称) spreads its glyphs. Where CJK meets a
     * digit or a Latin letter, LibreOffice and Word put about a fifth of an em between the scripts (Asian/Western
     * autospace: ≥120 | 万平方米 in one run of text), so only a gap wider than a whole space is one there.
     */
    private static boolean positionalSpace(TextPosition previous, TextPosition next, double gap) {
        double space = Math.max(previous.getWidthOfSpace(), next.getWidthOfSpace());
        if (space <= 0 || Double.isNaN(space)) {
            return false;
        }
        String before = previous.getUnicode();
        String after = next.getUnicode();
        boolean cjkBefore = CellLines.isCjk(before.codePointBefore(before.length()));
        boolean cjkAfter = CellLines.isCjk(after.codePointAt(0));
        if (cjkBefore && cjkAfter) {
            return false;
        }
        return gap > (cjkBefore || cjkAfter ? space : space / 2);
    }

    private static boolean isSpace(TextPosition t) {
        String u = t.getUnicode();
        return u == null || u.isBlank();
    }

    /** Collects the characters of every page, and counts the glyphs whose font cannot say which character they are. */
    private final class Collector extends PDFTextStripper {

        final List<List<TextPosition>> pages = new ArrayList<>();
        final List<Integer> unmappedByPage = new ArrayList<>();
        /** The ruled tables of each page. */
        final List<List<PdfRulings.Grid>> grids = new ArrayList<>();
        /** Characters other than spaces. */
        int characters;
        /** Every position kept, spaces included: what the heap holds. */
        long kept;
        int unmapped;

        @Override
        protected void startPage(PDPage page) throws IOException {
            pages.add(new ArrayList<>());
            unmappedByPage.add(0);
            grids.add(PdfRulings.of(page));
            super.startPage(page);
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            // a composite font without ToUnicode: PDFBox drops the glyph, so count it here
            if (!(font instanceof PDSimpleFont) && font.toUnicode(code) == null && !pages.isEmpty()) {
                unmapped++;
                int last = unmappedByPage.size() - 1;
                unmappedByPage.set(last, unmappedByPage.get(last) + 1);
            }
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            List<TextPosition> page = pages.get(pages.size() - 1);
            for (TextPosition t : positions) {
                if (!isSpace(t)) {
                    characters++;
                }
                page.add(t);
            }
            kept += positions.size();
            if (kept > MAX_CHARACTERS) {
                throw new ImportRejectedException(PdfExtractor.this.document, 0, "page " + pages.size() + ": the PDF holds more than "
                        + MAX_CHARACTERS + " characters; split it into smaller files");
            }
        }
    }
}
