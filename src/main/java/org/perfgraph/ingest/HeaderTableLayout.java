package org.perfgraph.ingest;

import static org.perfgraph.ingest.HeaderColumns.cell;

import java.util.ArrayList;
import java.util.List;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * The general reader: any table whose header row the {@link HeaderVocabulary} recognises (a 三级指标 column or a
 * synonym and a value column), wherever it stands (below title rows, breadcrumbs, page furniture), in any
 * delimiting. Metadata before a table is read as label–value cells (项目名称 then its value in the next cell, or
 * {@code 项目名称：…} in one cell); each label block starts a project, so several projects follow one another.
 * Where the table has a project column, each new project cell starts a project instead.
 * <p>
 * Choices made where the documents leave room:
 * <ul>
 * <li>Merged cells (covered slots) and empty cells of unit, project, amount, goal, 一级 and 二级 carry down.</li>
 * <li>Rows of text tables whose cells were squeezed (PIPE, one cell per line, spaces, positions) are placed by
 * what each cell looks like when that fits better than the positions ({@code CELLS_REALIGNED}).</li>
 * <li>Two value blocks side by side (中期 and 年度, each with 二级/三级/value): where both blocks name the same
 * indicator it is one target with period and annual; otherwise the 年度 block's row is read alone.</li>
 * <li>A whole-unit table (整体支出) has no project: its targets go to one project named after the unit, whose
 * amount is the unit budget's 合计.</li>
 * <li>A document that names no project at all gets one project named after its title.</li>
 * <li>The last row of a document that misses its value, stops inside a bracket or right after a comparator ({@code ≥}),
 * or opens a project and stops before its indicator, is not read ({@code TRUNCATED}).</li>
 * </ul>
 * The reading is composed of the classes that do each job: {@link HeaderColumns} finds the header rows,
 * {@link DocumentHeading} reads the title lines, {@link LabelValuePairs} the label blocks, {@link CellPlacer} places a
 * row's cells in the header's columns, {@link CarriedCells} carries merged cells down, {@link ProjectBlocks} opens
 * the projects, {@link TargetBuilder} makes each row's target and {@link CutRow} tells a cut last row.
 */
final class HeaderTableLayout implements Layout {

    /** Below the seed layouts' 80/90, so that each seed stays with its own reader. */
    static final int CERTAINTY = 60;
    /**
     * A header opening its row: a table of its own. Above the form layout's 80, whose 申报表 (the PDF seed) indents
     * its indicator header under a label column, and whose recognition (a 申报表 title, a 项目名称 row) would
     * otherwise take every declaration; below the tab export's 90.
     */
    static final int TABLE = 85;
    /** A header with columns the seed layouts do not read (指标性质, 度量单位, 权重, 实际完成值, 得分 …). */
    static final int RICHER = 95;
    /** An explicit column mapping that the table's header matches. */
    static final int MAPPED = 100;
    /** Rows looked at to find a header: headers stand near the top or after a label block. */
    private static final int SCAN_LIMIT = 5000;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.HEADER_TABLE;
    }

    @Override
    public int recognise(Extraction extraction, ImportOptions options) {
        int seen = 0;
        for (Table t : extraction.tables()) {
            List<TableRow> rows = t.rows();
            for (int r = 0; r < rows.size() && seen < SCAN_LIMIT; r++, seen++) {
                HeaderColumns h = rows.get(r).isBlank() ? null : HeaderColumns.at(rows, r, options);
                if (h != null) {
                    if (!options.columns().isEmpty()) {
                        return MAPPED;
                    }
                    if (h.firstColumn() > 0) {
                        return CERTAINTY;
                    }
                    return h.hasColumnsBeyondSeeds() ? RICHER : TABLE;
                }
            }
        }
        return 0;
    }

    /** What a refusal of an unrecognised table says: the most header-like row found and the names expected. */
    static String refusalDetail(Extraction extraction) {
        HeaderColumns.Candidate c = HeaderColumns.mostHeaderLike(extraction.tables(), SCAN_LIMIT);
        StringBuilder s = new StringBuilder();
        if (c != null) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < c.row().width(); i++) {
                if (!c.row().text(i).isBlank()) {
                    cells.add(c.row().text(i).trim());
                }
            }
            s.append("; the most header-like row is line ").append(c.row().line());
            if (c.row().place() != null) {
                s.append(" (").append(c.row().place()).append(')');
            }
            s.append(" with the cells ").append(String.join(" | ", cells));
        }
        s.append("; a header row needs ").append(HeaderVocabulary.expectedNames())
                .append(", or an explicit column mapping (columns: {\"indicator\": …, \"value\": …})");
        return s.toString();
    }

    @Override
    public ParsedDocument read(LayoutInput input) {
        return new Reader(input).read();
    }

    /**
     * One document's reading: each row in order is a header, label–value cells, a line of the heading, a form's
     * title closing its table, or a target row.
     */
    private static final class Reader {
        private final LayoutInput input;
        private final Diagnostics diagnostics = new Diagnostics();
        private final Table.Delimiting delimiting;
        private final DocumentHeading heading;
        private final CarriedCells carry = new CarriedCells();
        private final ProjectBlocks projects;
        private final LabelValuePairs labels;
        private final TargetBuilder targets;
        private boolean truncated;

        private HeaderColumns header;
        private HeaderColumns lastHeader;
        private String pendingL2;
        private TableRow pendingL2Row;

        Reader(LayoutInput input) {
            this.input = input;
            List<Table> tables = input.extraction().tables();
            this.delimiting = tables.isEmpty() ? Table.Delimiting.GRID : tables.get(0).delimiting();
            this.heading = new DocumentHeading(input.options(), diagnostics,
                    () -> header == null ? 1 : header.row.line());
            LabelValuePairs.Block block = new LabelValuePairs.Block();
            this.projects = new ProjectBlocks(input, diagnostics, heading, carry, block);
            this.labels = new LabelValuePairs(input.options(), block, projects::currentHasTargets, carry::clear);
            this.targets = new TargetBuilder(diagnostics, heading::year);
        }

        ParsedDocument read() {
            List<TableRow> all = new ArrayList<>();
            List<Integer> tableStarts = new ArrayList<>();
            for (Table t : input.extraction().tables()) {
                tableStarts.add(all.size());
                for (TableRow row : t.rows()) {
                    if (!row.isBlank()) {
                        all.add(row);
                    }
                }
            }
            int lastData = all.size() - 1;
            boolean headerSeen = false;
            for (int r = 0; r < all.size(); r++) {
                TableRow row = all.get(r);
                if (tableStarts.contains(r) && delimiting == Table.Delimiting.GRID) {
                    carry.clear();
                }
                HeaderColumns h = HeaderColumns.at(all, r, input.options());
                if (h != null) {
                    if (header != null && h.sameShape(header) && !labels.sinceTargets()) {
                        diagnostics.info(row, DiagnosticCode.HEADER_REPEATED, "line " + row.line()
                                + " repeats the header row of line " + header.row.line() + "; skipped",
                                String.valueOf(header.row.line()));
                    }
                    header = h;
                    lastHeader = h;
                    headerSeen = true;
                    labels.headerRead();
                    heading.detectKind(h);
                    r += h.rows - 1;
                    continue;
                }
                if (header == null) {
                    // 单位：万元 may share a row with labels (部门名称 | … | 单位：万元)
                    heading.moneyUnitNote(row);
                }
                int labelRows = labels.read(all, r);
                if (labelRows > 0) {
                    r += labelRows - 1;
                    continue;
                }
                if (header == null) {
                    heading.note(row);
                    continue;
                }
                if (DocumentHeading.isFormTitle(row)) {
                    // the next form's title (申报表 after 申报表, page after page): page furniture, not a target
                    // a new form starts: its labels and header come again
                    heading.note(row);
                    closePendingL2();
                    header = null;
                    carry.clear();
                    labels.formOpened();
                    continue;
                }
                target(row, r == lastData);
            }
            if (!headerSeen) {
                throw new ImportRejectedException(input.name(), all.isEmpty() ? 0 : all.get(0).line(),
                        "no header row with an indicator and a value column" + refusalDetail(input.extraction()));
            }
            closePendingL2();
            if (input.extraction().truncated()) {
                truncated = true;
            }
            if (projects.noTargets()) {
                // the last header seen: a later form's title may have closed the table (header is null then)
                throw new ImportRejectedException(input.name(), lastHeader.row.line(), "the header row (line "
                        + lastHeader.row.line() + (lastHeader.row.place() == null ? "" : ", " + lastHeader.row.place())
                        + ") is followed by no indicator rows");
            }
            return document();
        }

        private void target(TableRow row, boolean last) {
            HeaderColumns h = header;
            String[] cells = CellPlacer.place(row, h, delimiting, diagnostics);
            String l3Cell = cell(cells, h.col(Field.INDICATOR));
            String valueCell = cell(cells, h.col(Field.VALUE));
            String periodCell = h.periodBlock == null ? cell(cells, h.col(Field.PERIOD_VALUE))
                    : cell(cells, h.periodBlock.value());
            String periodL3 = h.periodBlock == null ? "" : cell(cells, h.periodBlock.indicator());

            // the unit, project, amount and goal cells first: a row may open a project with its first target
            ProjectBlocks.Project project = projects.of(row, cells, h);
            String l1Cell = carry.cell(Field.LEVEL1, cells, h.col(Field.LEVEL1));
            String l2Own = cell(cells, h.col(Field.LEVEL2));
            if (!l2Own.isEmpty() && !l2Own.equals(carry.get(Field.LEVEL2))) {
                closePendingL2();
            }
            String l2Cell = carry.cell(Field.LEVEL2, cells, h.col(Field.LEVEL2));
            if (isTotal(l3Cell) || isTotal(firstText(row))) {
                return; // 总分/合计 rows sum the targets above; they are not one
            }
            if (l3Cell.isEmpty() && !periodL3.isEmpty()) {
                l3Cell = periodL3;
                valueCell = "";
            }
            if (last && CutRow.lastRowCut(cells, h, l3Cell, valueCell, periodCell)) {
                truncated = true;
                diagnostics.warn(row, DiagnosticCode.TRUNCATED, "line " + row.line() + " is the last row and stops"
                        + " before its value is complete ('" + row.joined().trim().replace('\t', ' ')
                        + "'); the document looks cut off there and the row is not read", String.valueOf(row.line()));
                return;
            }
            if (l3Cell.isEmpty()) {
                if (!l2Own.isEmpty() && valueCell.isEmpty()) {
                    pendingL2 = l2Own;
                    pendingL2Row = row;
                } else if (!valueCell.isEmpty()) {
                    diagnostics.warn(row, DiagnosticCode.INDICATOR_MISSING, "line " + row.line()
                            + " has a value but no indicator cell; row skipped");
                }
                return;
            }
            if (l2Cell.equals(pendingL2)) {
                pendingL2 = null;
            }
            if (project == null) {
                project = projects.fallback(row);
            }
            labels.targetRead();
            targets.add(row, cells, h, project, l1Cell, l2Cell, l3Cell, valueCell, periodCell, periodL3);
        }

        private static String firstText(TableRow row) {
            for (int c = 0; c < row.width(); c++) {
                if (!row.own(c).isBlank()) {
                    return row.own(c);
                }
            }
            return "";
        }

        private static boolean isTotal(String cell) {
            String k = HeaderVocabulary.key(cell);
            return k.equals("总分") || k.equals("合计") || k.equals("总计") || k.equals("小计") || k.equals("总得分");
        }

        private void closePendingL2() {
            if (pendingL2 != null) {
                diagnostics.info(pendingL2Row, DiagnosticCode.L2_WITHOUT_INDICATOR, "二级指标 " + pendingL2
                        + " on line " + pendingL2Row.line() + " has no indicator under it; not a row", pendingL2);
                pendingL2 = null;
            }
        }

        private ParsedDocument document() {
            DocumentKind k = heading.kind() == null ? DocumentKind.DECLARATION : heading.kind();
            Integer y = heading.year();
            List<ParsedProject> parsed = projects.parsed(y);
            String r = parsed.isEmpty() ? heading.region() : parsed.get(0).unit().region();
            return new ParsedDocument(input.name(), input.hash(), DocumentFormat.HEADER_TABLE, heading.title(), r, y,
                    input.extraction().sourceLines().size(), List.copyOf(parsed), diagnostics.list(), k,
                    input.extraction().fileKind(), truncated, input.extraction().sourceLines());
        }
    }
}
