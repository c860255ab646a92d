package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Between label–value pairs sharing a cell: two spaces or more, or an ideographic space. */
    /** A form's year line: (2025年度), （2024年）. */
    private static final Pattern YEAR_LINE = Pattern.compile("^[(（]?(?:19|20)\\d{2}年度?[)）]?$");
    private static final Pattern PAIR_GAP = Pattern.compile("(?:\\s{2,}|\u3000)+");
    private static final Pattern CODE_NAME = Pattern.compile("^\\s*(\\d+)\\s*[-－—]\\s*(.*?)\\s*$");
    private static final Pattern UNIT_CODE = Pattern.compile("^\\s*[\\[【(]?(\\d{3,})[\\]】)]?\\s*[-－—_ ]?\\s*(\\D.*?)\\s*$");
    private static final Pattern POINTS = Pattern.compile("^(.*?)[\\s(（]*(\\d+(?:\\.\\d+)?)\\s*分\\s*[)）]?\\s*$");
    private static final Pattern MONEY_CELL = Pattern.compile("^\\s*([0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(万元|万|元|千元|亿元)?\\s*$");
    private static final Pattern VALUE_THEN_WEIGHT = Pattern.compile("^(.*\\d\\s*[%％])\\s*(\\d{1,3}(?:\\.\\d+)?)$");
    private static final Pattern SMALL_NUMBER = Pattern.compile("^\\d{1,3}(?:\\.\\d+)?%?$");

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

    /** One document's reading state. */
    private static final class Reader {
        private final LayoutInput input;
        private final Diagnostics diagnostics = new Diagnostics();
        private final Map<String, ProjectBuilder> projects = new LinkedHashMap<>();
        private final Table.Delimiting delimiting;

        private String title;
        /** The year of a line of its own under the title (（2025年度）), for a title that names none. */
        private Integer yearLine;
        private String docMoneyUnit;
        private DocumentKind kind;
        private Integer year;
        private String region;
        private boolean regionKnown;
        private boolean truncated;
        /** Whether a unit was named after the document, said once. */
        private boolean unitFromName;

        private HeaderColumns header;
        private HeaderColumns lastHeader;
        private final Meta meta = new Meta();
        private boolean metaSinceTargets;
        private String pendingLabel;
        /** Carried cells: unit, project, amount, goal, L1, L2 (and the period block's L2). */
        private final Map<Field, String> carry = new LinkedHashMap<>();
        private String carriedPeriodL2 = "";
        private ProjectBuilder current;
        private String pendingL2;
        private TableRow pendingL2Row;
        private final List<TableRow> noise = new ArrayList<>();

        Reader(LayoutInput input) {
            this.input = input;
            List<Table> tables = input.extraction().tables();
            this.delimiting = tables.isEmpty() ? Table.Delimiting.GRID : tables.get(0).delimiting();
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
                    if (header != null && h.sameShape(header) && !metaSinceTargets) {
                        diagnostics.info(row, DiagnosticCode.HEADER_REPEATED, "line " + row.line()
                                + " repeats the header row of line " + header.row.line() + "; skipped",
                                String.valueOf(header.row.line()));
                    }
                    header = h;
                    lastHeader = h;
                    headerSeen = true;
                    metaSinceTargets = false;
                    detectKind(h);
                    r += h.rows - 1;
                    continue;
                }
                if (header == null && docMoneyUnit == null) {
                    // 单位：万元 may share a row with labels (部门名称 | … | 单位：万元)
                    docMoneyUnit = HeaderVocabulary.moneyUnitNote(row.joined());
                }
                if (readMeta(all, r)) {
                    if (isVertical(all, r)) {
                        r++;
                    }
                    continue;
                }
                if (header == null) {
                    noise.add(row);
                    continue;
                }
                if (isFormTitle(row)) {
                    // the next form's title (申报表 after 申报表, page after page): page furniture, not a target
                    // a new form starts: its labels and header come again
                    noteText(row);
                    closePendingL2();
                    header = null;
                    carry.clear();
                    metaSinceTargets = true;
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
            if (projects.values().stream().allMatch(p -> p.targets.isEmpty())) {
                // the last header seen: a later form's title may have closed the table (header is null then)
                throw new ImportRejectedException(input.name(), lastHeader.row.line(), "the header row (line "
                        + lastHeader.row.line() + (lastHeader.row.place() == null ? "" : ", " + lastHeader.row.place())
                        + ") is followed by no indicator rows");
            }
            return document();
        }

        // ---------------------------------------------------------------- title, kind, metadata

        private void detectKind(HeaderColumns h) {
            if (kind == null && (h.has(Field.ACTUAL) || h.has(Field.SCORE))) {
                kind = DocumentKind.SELF_ASSESSMENT;
            }
        }

        private void noteText(TableRow row) {
            String text = HeaderVocabulary.simplified(TextNormalizer.normalizeName(row.joined()));
            String unit = HeaderVocabulary.moneyUnitNote(text);
            if (unit != null && docMoneyUnit == null) {
                docMoneyUnit = unit;
            }
            if (kind == null) {
                if (text.contains("自评")) {
                    kind = DocumentKind.SELF_ASSESSMENT;
                } else if (text.contains("批复") || text.contains("审批")) {
                    kind = DocumentKind.APPROVAL;
                } else if (text.contains("整体支出")) {
                    kind = DocumentKind.UNIT_WIDE;
                }
            }
            if (title == null && isTitle(row, text)) {
                title = TextNormalizer.normalize(row.joined().replace('\t', ' ')).trim();
            }
            if (yearLine == null && YEAR_LINE.matcher(text).matches()) {
                yearLine = TitleLine.year(text);
            }
        }

        /** A row of one text cell naming the table: 绩效 with 表 or 目标, not a breadcrumb. */
        /** A row holding only a table's title (…绩效目标申报表) or its year line (（2025年度）). */
        private static boolean isFormTitle(TableRow row) {
            long cells = row.cells().stream().filter(c -> !c.isBlank() && !c.covered()).count();
            String text = HeaderVocabulary.simplified(TextNormalizer.normalizeName(row.joined()));
            return cells == 1 && (YEAR_LINE.matcher(text).matches()
                    || (isTitle(row, text) && text.endsWith("表")));
        }

        private static boolean isTitle(TableRow row, String text) {
            long cells = row.cells().stream().filter(c -> !c.isBlank() && !c.covered()).count();
            return cells <= 2 && text.length() >= 6 && text.length() <= 80 && text.contains("绩效")
                    && (text.contains("表") || text.contains("目标")) && !text.contains(">") && !text.contains("»");
        }

        /** The label a cell is (项目名称, 项目名称：…), or null. Only metadata labels count, not table columns. */
        private static HeaderVocabulary.Synonym label(String cell) {
            String t = cell.trim();
            int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
            HeaderVocabulary.Synonym s = HeaderVocabulary.match(colon > 0 ? t.substring(0, colon) : t);
            if (s == null) {
                return null;
            }
            return switch (s.field()) {
                case UNIT, PROJECT, AMOUNT, TOTAL_AMOUNT, GOAL, NATURE, CATEGORY, BUDGET_TOTAL -> s;
                default -> null;
            };
        }

        private static String afterColon(String cell) {
            String t = cell.trim();
            int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
            return colon > 0 ? t.substring(colon + 1).trim() : "";
        }

        /** A row of labels over a row of their values (年初预算数 | 全年预算数 … over 100 | 120 …). */
        private boolean isVertical(List<TableRow> rows, int r) {
            TableRow row = rows.get(r);
            if (r + 1 >= rows.size()) {
                return false;
            }
            int labels = 0;
            for (int c = 0; c < row.width(); c++) {
                String t = row.text(c);
                if (t.isBlank()) {
                    continue;
                }
                if (label(t) == null && HeaderVocabulary.match(t) == null) {
                    if (c > 0) {
                        return false;
                    }
                } else if (afterColon(t).isEmpty()) {
                    labels++;
                }
            }
            if (labels < 2) {
                return false;
            }
            TableRow next = rows.get(r + 1);
            int values = 0;
            for (int c = 1; c < next.width(); c++) {
                String t = next.text(c);
                if (!t.isBlank() && label(t) == null && HeaderVocabulary.match(t) == null) {
                    values++;
                }
            }
            return values >= 1 && HeaderColumns.at(rows, r + 1, input.options()) == null;
        }

        /** Reads a row of label–value cells; false where the row is not one. */
        private boolean readMeta(List<TableRow> rows, int r) {
            TableRow row = splitPairs(rows.get(r));
            if (isVertical(rows, r)) {
                TableRow next = rows.get(r + 1);
                String rowUnit = null;
                for (int c = 0; c < row.width(); c++) {
                    String u = HeaderVocabulary.moneyUnitOfLabel(row.text(c));
                    if (u != null) {
                        rowUnit = u;
                    }
                }
                for (int c = 0; c < row.width(); c++) {
                    HeaderVocabulary.Synonym s = label(row.text(c));
                    String below = next.text(c);
                    if (s != null && (label(below) != null || HeaderVocabulary.match(below) != null)) {
                        // the row heading's column (项目资金（万元） over 年度资金总额): a label over a label, no value
                        continue;
                    }
                    if (s != null) {
                        String u = HeaderVocabulary.moneyUnitOfLabel(row.text(c));
                        meta(next, s, row.text(c), next.text(c), u != null ? u : rowUnit);
                    }
                }
                return true;
            }
            int first = -1;
            for (int c = 0; c < row.width(); c++) {
                if (!row.text(c).isBlank()) {
                    first = c;
                    break;
                }
            }
            if (first < 0) {
                return true;
            }
            if (pendingLabel != null) {
                // a label at the end of the previous row: its value opens this one
                HeaderVocabulary.Synonym s = label(pendingLabel);
                String pl = pendingLabel;
                pendingLabel = null;
                if (label(row.text(first)) == null) {
                    meta(row, s, pl, row.text(first), HeaderVocabulary.moneyUnitOfLabel(pl));
                    readPairs(row, first + 1);
                    return true;
                }
            }
            if (label(row.text(first)) == null) {
                if (header != null) {
                    return false;
                }
                noteText(row);
                noise.add(row);
                return true;
            }
            readPairs(row, first);
            return true;
        }

        /**
         * Several {@code label：value} pairs in one cell, apart by wide spaces (项目名称：X　　预算单位：Y), as copied
         * label lines come: one cell per pair, so that each pair reads like a cell of its own.
         */
        private TableRow splitPairs(TableRow row) {
            List<TableCell> cells = new ArrayList<>();
            boolean split = false;
            for (TableCell cell : row.cells()) {
                String[] parts = cell.covered() ? new String[] {cell.text()} : PAIR_GAP.split(cell.text().trim());
                if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(p -> label(p) != null)) {
                    for (String part : parts) {
                        cells.add(TableCell.of(part));
                    }
                    split = true;
                } else {
                    cells.add(cell);
                }
            }
            return split ? new TableRow(row.line(), row.place(), cells) : row;
        }

        private void readPairs(TableRow row, int from) {
            int c = from;
            while (c < row.width()) {
                String cell = row.text(c);
                HeaderVocabulary.Synonym s = cell.isBlank() ? null : label(cell);
                if (s == null) {
                    c++;
                    continue;
                }
                String inline = afterColon(cell);
                String money = HeaderVocabulary.moneyUnitOfLabel(cell.contains("：") || cell.contains(":")
                        ? cell.substring(0, Math.max(cell.indexOf('：'), cell.indexOf(':'))) : cell);
                if (!inline.isEmpty()) {
                    meta(row, s, cell, inline, money);
                    c++;
                    continue;
                }
                int v = c + 1;
                while (v < row.width() && row.text(v).isBlank()) {
                    v++;
                }
                if (v >= row.width()) {
                    pendingLabel = cell;
                    return;
                }
                if (label(row.text(v)) != null) {
                    c = v;
                    continue;
                }
                meta(row, s, cell, row.text(v), money);
                c = v + 1;
            }
        }

        /** One label's value: a project label opens a new project block. */
        private void meta(TableRow row, HeaderVocabulary.Synonym s, String labelText, String value, String labelUnit) {
            String v = value == null ? "" : value.trim();
            if (v.isEmpty()) {
                return;
            }
            if (!metaSinceTargets && current != null && !current.targets.isEmpty()) {
                // a label block after an indicator table: the next project's
                meta.resetProject();
                carry.clear();
            }
            metaSinceTargets = true;
            switch (s.field()) {
                case UNIT -> {
                    if (meta.unit == null || s.rank() < meta.unitRank) {
                        meta.unit = v;
                        meta.unitRank = s.rank();
                    } else if (s.rank() >= meta.unitRank && meta.department == null) {
                        meta.department = v;
                    }
                    if (s.rank() == 2) {
                        meta.department = v;
                    }
                }
                case PROJECT -> {
                    if (meta.project != null && !meta.project.equals(v)) {
                        meta.resetProject();
                    }
                    meta.project = v;
                    meta.line = row.line();
                }
                case AMOUNT, BUDGET_TOTAL -> {
                    // a 合计 sums the lines beside it (基本支出, 项目支出; task budgets): it is the amount
                    int rank = s.field() == Field.BUDGET_TOTAL ? -1 : s.rank();
                    if (meta.amountText == null || rank < meta.amountRank) {
                        meta.amountText = v;
                        meta.amountRank = rank;
                        meta.amountUnit = labelUnit;
                    }
                }
                case TOTAL_AMOUNT -> {
                    meta.totalText = v;
                    meta.totalUnit = labelUnit;
                }
                case GOAL -> meta.goals.add(new GoalStatement(goalKind(labelText), v, TextNormalizer.normalize(v),
                        row.line()));
                case NATURE -> meta.nature = v;
                case CATEGORY -> meta.category = v;
                default -> {
                }
            }
        }

        private static GoalKind goalKind(String label) {
            String k = HeaderVocabulary.key(label);
            return k.contains("总体") || k.contains("实施期") || k.contains("中期") || k.contains("长期")
                    || k.contains("总目标") ? GoalKind.OVERALL : GoalKind.ANNUAL;
        }

        // ---------------------------------------------------------------- rows

        private void target(TableRow row, boolean last) {
            String[] cells = place(row);
            if (cells == null) {
                return;
            }
            HeaderColumns h = header;
            String l3Cell = cell(cells, h.col(Field.INDICATOR));
            String valueCell = cell(cells, h.col(Field.VALUE));
            String periodCell = h.periodBlock == null ? cell(cells, h.col(Field.PERIOD_VALUE))
                    : cell(cells, h.periodBlock.value());
            String periodL3 = h.periodBlock == null ? "" : cell(cells, h.periodBlock.indicator());

            // the unit, project, amount and goal cells first: a row may open a project with its first target
            ProjectBuilder project = project(row, cells);
            String l1Cell = carried(Field.LEVEL1, cells, h.col(Field.LEVEL1), row);
            String l2Own = cell(cells, h.col(Field.LEVEL2));
            if (!l2Own.isEmpty() && !l2Own.equals(carry.get(Field.LEVEL2))) {
                closePendingL2();
            }
            String l2Cell = carried(Field.LEVEL2, cells, h.col(Field.LEVEL2), row);
            if (h.periodBlock != null && h.periodBlock.level2() >= 0) {
                String p = cell(cells, h.periodBlock.level2());
                if (!p.isEmpty()) {
                    carriedPeriodL2 = p;
                }
            }
            if (isTotal(l3Cell) || isTotal(firstText(row))) {
                return; // 总分/合计 rows sum the targets above; they are not one
            }
            if (l3Cell.isEmpty() && !periodL3.isEmpty()) {
                l3Cell = periodL3;
                valueCell = "";
            }
            if (last && cutRow(row, cells, l3Cell, valueCell, periodCell)) {
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
                project = fallbackProject(row);
            }
            metaSinceTargets = false;
            addTarget(row, cells, project, l1Cell, l2Cell, l3Cell, valueCell, periodCell, periodL3);
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

        private void addTarget(TableRow row, String[] cells, ProjectBuilder project, String l1Cell, String l2Cell,
                               String l3Cell, String valueCell, String periodCell, String periodL3) {
            HeaderColumns h = header;
            // an L2 run into its indicator where a cell border was lost (服务对象满意度指标见习青年满意度)
            String joinedL3 = TextNormalizer.normalizeName(l3Cell);
            for (String l2Name : CategoryVocabulary.names(2)) {
                if (joinedL3.startsWith(l2Name) && joinedL3.length() > l2Name.length() + 1) {
                    diagnostics.warn(row, DiagnosticCode.CELLS_REALIGNED, "the 三级指标 cell '" + l3Cell + "' on line "
                            + row.line() + " begins with the 二级指标 " + l2Name + "; read as " + l2Name + " / "
                            + joinedL3.substring(l2Name.length()), l3Cell, l2Name);
                    l2Cell = l2Name;
                    l3Cell = joinedL3.substring(l2Name.length());
                    break;
                }
            }
            BigDecimal points = null;
            String l1Label = l1Cell;
            // POINTS backtracks over every digit run (a 1 MB cell of digits held the reader for minutes): a cell
            // longer than any label is no label with its points
            Matcher pm = POINTS.matcher(l1Cell.length() > CellPlacer.LONGEST_LOOKED_AT ? "" : TextNormalizer.normalize(l1Cell));
            if (!l1Cell.isEmpty() && pm.matches() && !pm.group(1).isBlank()) {
                l1Label = pm.group(1).trim();
                points = new BigDecimal(pm.group(2));
            }
            CategoryRef l1 = category(row, l1Cell, l1Label, 1, null);
            CategoryRef l2 = category(row, l2Cell, l2Cell, 2, l1 == null ? null : l1.canonical());
            if (l1 == null && l2 != null) {
                String parent = CategoryVocabulary.parentOf(l2.canonical());
                if (parent != null) {
                    l1 = new CategoryRef(null, null, parent, 1, true);
                    diagnostics.info(row, DiagnosticCode.CATEGORY_INFERRED, "no 一级指标 on line " + row.line()
                            + "; read as " + parent + " from its 二级指标 " + l2.canonical(), parent);
                }
            }
            checkTree(row, l1, l2);

            Matcher m = CODE_NAME.matcher(l3Cell);
            String code = m.matches() ? m.group(1) : null;
            String name = m.matches() ? m.group(2) : l3Cell.trim();
            IndicatorRef indicator = new IndicatorRef(code, name, TextNormalizer.normalizeName(name));
            if (CategoryVocabulary.isL2(name) && !CategoryVocabulary.isL1(name)) {
                diagnostics.warn(row, DiagnosticCode.L2_AS_INDICATOR, "the 三级指标 cell on line " + row.line()
                        + " names the 二级 category " + name + "; kept as the indicator", name);
            }
            if (h.periodBlock != null && !periodL3.isEmpty()
                    && !TextNormalizer.normalizeName(periodL3).equals(indicator.normalizedName())) {
                periodCell = ""; // the blocks name different indicators: the 年度 block's row stands alone
            }
            String weightCell = cell(cells, h.col(Field.WEIGHT));
            Matcher runTogether = VALUE_THEN_WEIGHT.matcher(valueCell);
            if (h.has(Field.WEIGHT) && weightCell.isEmpty() && runTogether.matches()) {
                // OCR ran the value into the empty weight cell beside it (≥98%15): a % ends a value
                diagnostics.warn(row, DiagnosticCode.CELLS_REALIGNED, "value '" + valueCell + "' on line " + row.line()
                        + " runs into the empty 权重 cell; read as " + runTogether.group(1) + " and weight "
                        + runTogether.group(2), valueCell, runTogether.group(1), runTogether.group(2));
                valueCell = runTogether.group(1);
                weightCell = runTogether.group(2);
            }
            String comparatorCell = cell(cells, h.col(Field.COMPARATOR));
            String unitCell = cell(cells, h.col(Field.MEASURE_UNIT));
            Integer y = year();
            TargetValue annual = value(row, "指标值", comparatorCell, valueCell, unitCell, y);
            TargetValue period = value(row, "实施期指标值", comparatorCell, periodCell, unitCell, y);
            if (annual == null && period == null) {
                diagnostics.warn(row, DiagnosticCode.VALUE_MISSING, "indicator '" + name + "' on line " + row.line()
                        + " has no value", name);
            }
            if (!unitCell.isEmpty()) {
                checkUnit(row, name, unitCell);
            }
            String actualCell = cell(cells, h.col(Field.ACTUAL));
            TargetValue actual = actualCell.isEmpty() ? null : ValueNormalizer.parse(actualCell, y);
            BigDecimal weight = number(weightCell);
            BigDecimal score = number(cell(cells, h.col(Field.SCORE)));
            Direction direction = direction(cell(cells, h.col(Field.DIRECTION)));
            List<String> notes = new ArrayList<>();
            for (int c : h.notes) {
                String n = cell(cells, c);
                if (!n.isEmpty()) {
                    notes.add(n);
                }
            }
            ParsedTarget target = new ParsedTarget(row.line(), row.place(), project.targets.size(), indicator, l1, l2,
                    period, annual, actual, weight, score, direction, points,
                    notes.isEmpty() ? null : String.join(" | ", notes),
                    ValueType.of(cell(cells, h.col(Field.VALUE_TYPE))));
            ParsedTarget earlier = project.byIndicator.putIfAbsent(indicator.key(), target);
            if (earlier != null) {
                diagnostics.info(row, DiagnosticCode.DUPLICATE_INDICATOR, "indicator " + name + " appears again in"
                        + " project " + project.name + " (first on line " + earlier.line() + "); both kept", name);
            }
            project.targets.add(target);
        }

        private TargetValue value(TableRow row, String column, String comparatorCell, String valueCell,
                                  String unitCell, Integer y) {
            ValueNormalizer.SplitValue split = ValueNormalizer.parse(comparatorCell, valueCell, unitCell, y);
            if (split == null) {
                return null;
            }
            for (String conflict : split.conflicts()) {
                diagnostics.warn(row, DiagnosticCode.VALUE_COLUMN_CONFLICT, column + " on line " + row.line() + ": "
                        + conflict + "; the column wins", conflict);
            }
            if (split.fraction()) {
                diagnostics.info(row, DiagnosticCode.VALUE_AS_FRACTION, column + " '" + valueCell.trim() + "' on line "
                        + row.line() + " under the unit % is a fraction; read as " + split.value().normalized(),
                        valueCell.trim(), split.value().normalized());
            }
            diagnostics.checkValue(row.line(), row.place(), column, split.value());
            return split.value();
        }

        /** A …数/…数量 indicator measured in %, a …率 indicator counted in 个: kept as written, flagged. */
        private void checkUnit(TableRow row, String indicator, String unitCell) {
            String n = TextNormalizer.normalizeName(indicator);
            String u = ValueNormalizer.compact(unitCell).replace("(", "").replace(")", "");
            boolean count = n.endsWith("数") || n.endsWith("数量") || n.endsWith("次数") || n.endsWith("个数");
            boolean rate = n.endsWith("率") || n.endsWith("比例") || n.endsWith("占比") || n.endsWith("满意度");
            boolean percent = u.equals("%") || u.equals("‰");
            if ((count && percent) || (rate && !percent && ValueNormalizer.isUnitWord(u) && !u.equals("分"))) {
                diagnostics.warn(row, DiagnosticCode.UNIT_MISMATCH, "度量单位 " + unitCell.trim() + " on line "
                        + row.line() + " does not fit indicator " + indicator + "; kept as written", unitCell.trim(),
                        indicator);
            }
        }

        private static BigDecimal number(String cell) {
            String s = cell.replace("%", "").replace("分", "").trim();
            return s.isEmpty() ? null : Amounts.parse(s);
        }

        private static Direction direction(String cell) {
            String k = TextNormalizer.normalizeName(cell);
            if (k.contains("正向") || k.equals("正")) {
                return Direction.POSITIVE;
            }
            if (k.contains("反向") || k.equals("反") || k.contains("负向")) {
                return Direction.NEGATIVE;
            }
            return null;
        }

        /**
         * The last row stops before its value, inside a bracket or right after a comparator, or inside the project
         * cells that open it (a goal text that names the indicator to come): the copy was cut there.
         */
        private boolean cutRow(TableRow row, String[] cells, String l3, String value, String period) {
            if (l3.isEmpty() && value.isEmpty()) {
                return stopsBeforeItsIndicator(cells);
            }
            if (value.isEmpty() && period.isEmpty()) {
                return true;
            }
            String lastCell = "";
            for (int c = cells.length - 1; c >= 0; c--) {
                if (cells[c] != null && !cells[c].isBlank()) {
                    lastCell = cells[c];
                    break;
                }
            }
            // a row cut right after its comparator (≥) kept the comparator as its whole value
            return CutRow.unbalanced(lastCell) || CutRow.unbalanced(value) || CutRow.endsInComparator(lastCell);
        }

        /**
         * The row fills cells before the indicator column only, one of them of its project (unit, project, amount,
         * goal): a row that opens a project and has no indicator stops where its indicator would start.
         */
        private boolean stopsBeforeItsIndicator(String[] cells) {
            int indicator = header.col(Field.INDICATOR);
            boolean project = false;
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] == null || cells[c].isBlank()) {
                    continue;
                }
                if (indicator < 0 || c >= indicator) {
                    return false;
                }
                Field f = header.fields[c];
                project |= f == Field.UNIT || f == Field.PROJECT || f == Field.AMOUNT || f == Field.TOTAL_AMOUNT
                        || f == Field.GOAL;
            }
            return project;
        }

        private void closePendingL2() {
            if (pendingL2 != null) {
                diagnostics.info(pendingL2Row, DiagnosticCode.L2_WITHOUT_INDICATOR, "二级指标 " + pendingL2
                        + " on line " + pendingL2Row.line() + " has no indicator under it; not a row", pendingL2);
                pendingL2 = null;
            }
        }

        /** A cell of the placed row, trimmed; "" where the column is absent. */
        private static String cell(String[] cells, int column) {
            return column < 0 || column >= cells.length || cells[column] == null ? "" : cells[column].trim();
        }

        /** A carried column: the row's own cell where it has one (a new group), else the one above. */
        private String carried(Field f, String[] cells, int column, TableRow row) {
            String own = cell(cells, column);
            if (!own.isEmpty()) {
                carry.put(f, own);
                return own;
            }
            return carry.getOrDefault(f, "");
        }

        /**
         * The row's cells in header columns. Exact delimitings (GRID, TAB, COMMA) keep positions, covered slots
         * included; the others are placed by what each cell looks like when that fits better than the positions.
         */
        private String[] place(TableRow row) {
            int width = header.width();
            String[] positional = new String[width];
            for (int c = 0; c < width; c++) {
                positional[c] = row.text(c);
            }
            boolean exact = delimiting == Table.Delimiting.GRID || delimiting == Table.Delimiting.TAB
                    || delimiting == Table.Delimiting.COMMA || delimiting == Table.Delimiting.REBUILT;
            for (int c = width; c < row.width(); c++) {
                if (!row.own(c).isBlank() && exact) {
                    diagnostics.warn(row, DiagnosticCode.EXTRA_CELL, "cell " + (c + 1) + " ('" + row.own(c).trim()
                            + "') on line " + row.line() + " lies beyond the header's " + width + " columns; ignored",
                            row.own(c).trim());
                    break;
                }
            }
            if (exact) {
                return positional;
            }
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < row.width(); c++) {
                // a form's label column (绩效 / 指标 broken over the rows of its merged cell) holds no data
                if (!row.own(c).isBlank() && !FormLayout.FRAGMENTS.contains(TextNormalizer.normalizeName(row.own(c)))) {
                    texts.add(row.own(c).trim());
                }
            }
            if (texts.size() > width) {
                return positional;
            }
            int[] at = CellPlacer.align(texts, header.fields);
            String[] placed = new String[width];
            boolean moved = false;
            int k = 0;
            for (int c = 0; c < row.width() && k < texts.size(); c++) {
                if (!row.own(c).isBlank()) {
                    if (at[k] != c) {
                        moved = true;
                    }
                    k++;
                }
            }
            if (!moved) {
                return positional;
            }
            if (CellPlacer.score(texts, at, header.fields) <= CellPlacer.positionalScore(row, header.fields)) {
                return positional;
            }
            for (int i = 0; i < texts.size(); i++) {
                placed[at[i]] = texts.get(i);
            }
            diagnostics.info(row, DiagnosticCode.CELLS_REALIGNED, "the " + texts.size() + " cells of line "
                    + row.line() + " were placed in the header's columns by what they look like (cells missing or"
                    + " squeezed out)", String.valueOf(texts.size()));
            return placed;
        }

        // ---------------------------------------------------------------- projects

        private ProjectBuilder project(TableRow row, String[] cells) {
            HeaderColumns h = header;
            String unitOwn = cell(cells, h.col(Field.UNIT));
            String projectOwn = cell(cells, h.col(Field.PROJECT));
            String amountOwn = cell(cells, h.col(Field.AMOUNT));
            boolean newGroup = (!projectOwn.isEmpty() && !projectOwn.equals(carry.get(Field.PROJECT)))
                    || (!unitOwn.isEmpty() && !unitOwn.equals(carry.get(Field.UNIT)));
            String unitCell = carried(Field.UNIT, cells, h.col(Field.UNIT), row);
            String projectCell = carried(Field.PROJECT, cells, h.col(Field.PROJECT), row);
            if (newGroup) {
                carry.remove(Field.LEVEL1);
                carry.remove(Field.LEVEL2);
                carry.remove(Field.AMOUNT);
            }
            String amountCell = carried(Field.AMOUNT, cells, h.col(Field.AMOUNT), row);
            String unitName = !unitCell.isEmpty() ? unitCell : meta.unit;
            String name = !projectCell.isEmpty() ? projectCell : meta.project;
            if (name == null && kind == DocumentKind.UNIT_WIDE && unitName != null) {
                name = unitPart(unitName);
            }
            if (name == null) {
                return current;
            }
            String amountText = !amountCell.isEmpty() ? amountCell : (projectCell.isEmpty() ? meta.amountText : null);
            String labelUnit = !amountCell.isEmpty() ? h.amountMoneyUnit : meta.amountUnit;
            String key = (unitName == null ? "" : unitName) + '\u0000' + name + '\u0000'
                    + (amountText == null ? "" : amountText);
            ProjectBuilder b = projects.get(key);
            if (b == null) {
                b = new ProjectBuilder(unit(unitName), name, row.line());
                b.department = meta.department;
                b.nature = meta.nature;
                b.category = meta.category;
                money(b, row, amountText, labelUnit, false);
                if (projectCell.isEmpty() && meta.totalText != null) {
                    money(b, row, meta.totalText, meta.totalUnit, true);
                    if (kind == DocumentKind.UNIT_WIDE && meta.amountRank >= 0) {
                        b.amount = b.totalAmount; // a whole unit's 资金总额 is its budget
                    }
                }
                if (projectCell.isEmpty()) {
                    b.goals.addAll(meta.goals);
                }
                projects.put(key, b);
            } else if (b != current && newGroup) {
                diagnostics.info(row, DiagnosticCode.PROJECT_BLOCK_MERGED, "project " + name + " on line " + row.line()
                        + " repeats the one on line " + b.line + "; merged", name, String.valueOf(b.line));
            }
            for (int c : h.goals) {
                boolean covered = c < row.width() && row.cells().get(c).covered();
                String g = covered ? "" : cell(cells, c);
                if (!g.isEmpty() && b.goals.stream().noneMatch(x -> x.raw().equals(g))) {
                    b.goals.add(new GoalStatement(goalKind(h.labels[c]), g, TextNormalizer.normalize(g), row.line()));
                }
            }
            current = b;
            return b;
        }

        /** Targets before any project name: one project named after the title (or the unit, or the document). */
        private ProjectBuilder fallbackProject(TableRow row) {
            String name = title != null ? title : meta.unit != null ? unitPart(meta.unit) : input.name();
            String key = "\u0001" + name;
            ProjectBuilder b = projects.get(key);
            if (b == null) {
                b = new ProjectBuilder(unit(meta.unit), name, row.line());
                money(b, row, meta.amountText, meta.amountUnit, false);
                b.goals.addAll(meta.goals);
                projects.put(key, b);
                if (kind != DocumentKind.UNIT_WIDE) {
                    diagnostics.info(row, DiagnosticCode.PROJECT_FROM_CONTEXT, "the document names no project; its "
                            + "targets are read as one project named " + name, name);
                }
            }
            current = b;
            return b;
        }

        /** An amount in yuan from a money cell, its label's unit or the document's 单位：万元 note. */
        private void money(ProjectBuilder b, TableRow row, String text, String labelUnit, boolean total) {
            if (text == null || text.isBlank()) {
                return;
            }
            Matcher m = MONEY_CELL.matcher(TextNormalizer.normalize(text));
            if (!m.matches()) {
                diagnostics.warn(row, DiagnosticCode.AMOUNT_UNREADABLE, "amount '" + text.trim() + "' of project "
                        + b.name + " is not a number; left empty", text.trim());
                return;
            }
            BigDecimal n = Amounts.parse(m.group(1).replace('，', ','));
            if (n == null) {
                return;
            }
            String unit = m.group(2) != null ? m.group(2) : labelUnit != null ? labelUnit : docMoneyUnit;
            BigDecimal yuan = switch (unit == null ? "元" : unit) {
                case "万元", "万" -> n.movePointRight(4);
                case "千元" -> n.movePointRight(3);
                case "亿元" -> n.movePointRight(8);
                default -> n;
            };
            if (unit != null && !unit.equals("元")) {
                diagnostics.info(row, DiagnosticCode.MONEY_UNIT, "amount " + text.trim() + " of project " + b.name
                        + " is in " + unit + "; stored as " + yuan.toPlainString() + " yuan", unit, yuan.toPlainString());
            }
            if (unit != null) {
                b.moneyUnit = unit;
            }
            if (total) {
                b.totalAmount = yuan;
            } else {
                b.amount = yuan;
            }
        }

        private ParsedUnit unit(String cell) {
            String name = cell;
            String code = null;
            if (cell != null) {
                Matcher m = UNIT_CODE.matcher(cell);
                if (m.matches()) {
                    code = m.group(1);
                    name = m.group(2);
                }
                name = name.trim();
            }
            String given = input.options().unit();
            if (given != null && !given.isBlank()) {
                if (name == null) {
                    name = given;
                } else if (!TextNormalizer.normalizeName(given).equals(TextNormalizer.normalizeName(name))) {
                    context("unit", name, given);
                    if (input.options().override()) {
                        name = given;
                    }
                }
            }
            if (name == null) {
                name = TitleLine.issuer(title);
            }
            if (name == null) {
                name = input.name();
                if (!unitFromName) {
                    unitFromName = true;
                    diagnostics.info(1, DiagnosticCode.UNIT_FROM_DOCUMENT_NAME, "nothing in the document names its"
                            + " budget unit (no unit column or label, a title that names no one); the unit is named"
                            + " after the document: " + name, name);
                }
            }
            return new ParsedUnit(code, name, region(name));
        }

        private String region(String unitName) {
            if (!regionKnown) {
                regionKnown = true;
                region = TitleLine.region(title, unitName);
                String given = input.options().region();
                if (given != null && !given.isBlank()) {
                    if (region == null) {
                        region = given;
                    } else if (!given.equals(region)) {
                        context("region", region, given);
                        if (input.options().override()) {
                            region = given;
                        }
                    }
                }
            }
            return region;
        }

        private Integer year() {
            if (year == null) {
                year = TitleLine.year(title);
                if (year == null) {
                    year = yearLine;
                }
                Integer given = input.options().year();
                if (given != null) {
                    if (year == null) {
                        year = given;
                    } else if (!given.equals(year)) {
                        context("year", String.valueOf(year), String.valueOf(given));
                        if (input.options().override()) {
                            year = given;
                        }
                    }
                }
            }
            return year;
        }

        private final java.util.Set<String> contextReported = new java.util.HashSet<>();

        private void context(String what, String document, String given) {
            if (contextReported.add(what)) {
                int line = header == null ? 1 : header.row.line();
                diagnostics.add(line, null, Diagnostic.Severity.WARNING, DiagnosticCode.CONTEXT_MISMATCH, "the " + what
                        + " given at import (" + given + ") differs from the document's (" + document + "); "
                        + (input.options().override() ? "the given one is used" : "the document's is kept"),
                        what, document, given);
            }
        }

        private static String unitPart(String unitCell) {
            Matcher m = UNIT_CODE.matcher(unitCell);
            return m.matches() ? m.group(2).trim() : unitCell.trim();
        }

        // ---------------------------------------------------------------- categories

        private CategoryRef category(TableRow row, String cell, String label, int level, String l1) {
            if (cell.isEmpty()) {
                return null;
            }
            Matcher m = CODE_NAME.matcher(label);
            String code = m.matches() ? m.group(1) : null;
            String name = HeaderVocabulary.simplified(m.matches() ? m.group(2) : label);
            var canonical = CategoryVocabulary.canonical(name);
            if (canonical.isPresent()) {
                return new CategoryRef(cell, code, canonical.get(), level, false);
            }
            var repaired = CategoryVocabulary.repair(name, level, l1, null);
            if (repaired.isPresent() && CategoryVocabulary.looksLikeGarbledLabel(name)) {
                diagnostics.warn(row, DiagnosticCode.CATEGORY_OCR_REPAIRED, "category '" + cell + "' on line "
                        + row.line() + " is not in the vocabulary; read as " + repaired.get() + " by similarity",
                        cell, repaired.get());
                return new CategoryRef(cell, code, repaired.get(), level, true);
            }
            diagnostics.warn(row, DiagnosticCode.CATEGORY_UNKNOWN, "category '" + cell + "' on line " + row.line()
                    + " is not in the vocabulary; kept as written", cell);
            return new CategoryRef(cell, code, TextNormalizer.normalizeName(name), level, false);
        }

        /** An L2 under a foreign L1; satisfaction under 效益指标 is a known variant of the tree, not flagged. */
        private void checkTree(TableRow row, CategoryRef l1, CategoryRef l2) {
            if (l1 == null || l2 == null) {
                return;
            }
            String parent = CategoryVocabulary.parentOf(l2.canonical());
            boolean satisfactionUnderBenefit = "满意度指标".equals(parent) && "效益指标".equals(l1.canonical());
            boolean costUnderOutput = "成本指标".equals(l2.canonical()) && "产出指标".equals(l1.canonical());
            if (parent != null && !parent.equals(l1.canonical()) && !satisfactionUnderBenefit && !costUnderOutput) {
                diagnostics.warn(row, DiagnosticCode.L2_FOREIGN_L1, "二级指标 " + l2.raw() + " on line " + row.line()
                        + " belongs under " + parent + " but the row files it under " + l1.raw()
                        + "; both kept as written", l2.raw(), parent, l1.raw());
            }
        }

        // ---------------------------------------------------------------- the document

        private ParsedDocument document() {
            DocumentKind k = kind == null ? DocumentKind.DECLARATION : kind;
            Integer y = year();
            List<ParsedProject> parsed = new ArrayList<>();
            for (ProjectBuilder b : projects.values()) {
                if (b.targets.isEmpty()) {
                    continue;
                }
                // a table whose only money column is 项目资金总额 gives that as the project's amount
                BigDecimal amount = b.amount != null ? b.amount : b.totalAmount;
                parsed.add(new ParsedProject(b.unit, b.name, y, amount, b.totalAmount, b.nature, b.category,
                        b.department, null, null, b.line, 1, List.copyOf(b.goals), List.copyOf(b.targets),
                        b.moneyUnit));
            }
            String r = parsed.isEmpty() ? region : parsed.get(0).unit().region();
            return new ParsedDocument(input.name(), input.hash(), DocumentFormat.HEADER_TABLE, title, r, y,
                    input.extraction().sourceLines().size(), List.copyOf(parsed), diagnostics.list(), k,
                    input.extraction().fileKind(), truncated, input.extraction().sourceLines());
        }
    }

    /** Label–value metadata of the project block being read. */
    private static final class Meta {
        String unit;
        int unitRank = Integer.MAX_VALUE;
        String department;
        String project;
        int line;
        String amountText;
        int amountRank = Integer.MAX_VALUE;
        String amountUnit;
        String totalText;
        String totalUnit;
        String nature;
        String category;
        final List<GoalStatement> goals = new ArrayList<>();

        /** A new label block: what belongs to one project goes, the unit stays. */
        void resetProject() {
            project = null;
            unitRank = Integer.MAX_VALUE;
            amountText = null;
            amountRank = Integer.MAX_VALUE;
            amountUnit = null;
            totalText = null;
            totalUnit = null;
            nature = null;
            category = null;
            goals.clear();
        }
    }

    /** A project being assembled from its rows. */
    private static final class ProjectBuilder {
        final ParsedUnit unit;
        final String name;
        final int line;
        BigDecimal amount;
        BigDecimal totalAmount;
        String moneyUnit;
        String department;
        String nature;
        String category;
        final List<GoalStatement> goals = new ArrayList<>();
        final List<ParsedTarget> targets = new ArrayList<>();
        final Map<String, ParsedTarget> byIndicator = new LinkedHashMap<>();

        ProjectBuilder(ParsedUnit unit, String name, int line) {
            this.unit = unit;
            this.name = name;
            this.line = line;
        }
    }

    /** Whether a cell looks like a small number (a weight, a score): 20, 10.5, 15%. */
    static boolean smallNumber(String cell) {
        return SMALL_NUMBER.matcher(ValueNormalizer.compact(cell)).matches();
    }
}
