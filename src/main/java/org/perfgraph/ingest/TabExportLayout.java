package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tab-separated export: a header row naming the columns, then blocks of one header row (unit, project,
 * amount, goals and the first indicator) followed by continuation rows whose first cells are empty. A project's
 * header repeats every few rows; blocks with the same unit, name and amount are one project. Optional columns after
 * the value columns (实际完成值, 权重 or 分值, 得分: what perfgraph's own export writes for a self-assessment) are read
 * where the header names them; a row may end before them. So are the columns perfgraph's own export adds for what
 * forms and header tables carry (项目性质, 项目类别, 主管部门, 计划开始日期, 计划完成日期, 项目资金总额 on a block's
 * header row; 一级指标分值, 指标方向性, 备注 on a target row), each found by its title, not its position.
 */
final class TabExportLayout implements Layout {

    private static final Pattern CODE_NAME = Pattern.compile("^\\s*(\\d+)\\s*-\\s*(.*?)\\s*$");

    /** Column positions found in the header row; {@code required} cells every row must have. */
    private record Columns(int width, int required, int unit, int project, int amount, int overallGoal, int annualGoal,
                           int l1, int l2, int l3, int periodValue, int annualValue, int actual, int weight, int score,
                           Map<String, Integer> trailing) {

        /** The column of a trailing role (nature, points …), or -1 where the header lacks it. */
        int of(String role) {
            return trailing.getOrDefault(role, -1);
        }
    }

    /** The trailing columns perfgraph's own export writes beyond the tab layout (see export/DocumentTsv), by title. */
    private static final Map<String, String> TRAILING = Map.of("项目性质", "nature", "项目类别", "category",
            "主管部门", "department", "计划开始日期", "startDate", "计划完成日期", "endDate", "项目资金总额(元)", "totalAmount",
            "项目资金总额", "totalAmount", "一级指标分值", "points", "指标方向性", "direction", "备注", "notes");

    /** A project being assembled over its blocks. */
    private static final class Builder {
        final ParsedUnit unit;
        final String name;
        final BigDecimal amount;
        final int line;
        int blocks;
        BigDecimal totalAmount;
        String nature;
        String category;
        String department;
        java.time.LocalDate startDate;
        java.time.LocalDate endDate;
        final List<GoalStatement> goals = new ArrayList<>();
        final List<ParsedTarget> targets = new ArrayList<>();
        final Map<String, ParsedTarget> byIndicator = new HashMap<>();

        Builder(ParsedUnit unit, String name, BigDecimal amount, int line) {
            this.unit = unit;
            this.name = name;
            this.amount = amount;
            this.line = line;
        }
    }

    private final String name;
    private final List<TableRow> rows;
    private final Diagnostics diagnostics = new Diagnostics();
    /** The document stops inside its last row (the row is not read). */
    private boolean truncated;

    /** The layout itself, stateless: {@link #read} makes a reader per document. */
    TabExportLayout() {
        this(null, List.of());
    }

    private TabExportLayout(String name, List<TableRow> rows) {
        this.name = name;
        this.rows = rows;
    }

    static boolean isHeader(TableRow row) {
        String line = row.joined();
        return row.width() > 1 && line.contains("预算单位") && line.contains("项目名称") && line.contains("一级指标");
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.TAB_EXPORT;
    }

    /** Tab- or comma-separated text whose header row names 预算单位, 项目名称 and 一级指标 before any form title. */
    @Override
    public int recognise(Extraction extraction, ImportOptions options) {
        if (extraction.tables().size() != 1 || !options.columns().isEmpty()) {
            return 0;
        }
        Table table = extraction.tables().get(0);
        if (table.delimiting() != Table.Delimiting.TAB && table.delimiting() != Table.Delimiting.COMMA) {
            return 0;
        }
        for (TableRow row : table.rows()) {
            if (isHeader(row)) {
                // every column one this layout reads (its own export with 实际完成值/权重/得分): more certain than
                // the general header table, which would also claim those columns
                // the trailing columns of perfgraph's own export count only after its own ten titles: a user's CSV
                // with 项目性质 or 备注 stays with the header table, which reads more of such files
                boolean own = ownExportHeader(row.owns());
                for (String cell : row.owns()) {
                    String role = cell.isBlank() ? "" : role(cell);
                    if (role == null || (!own && TRAILING.containsValue(role))) {
                        return 90;
                    }
                }
                return 96;
            }
            if (FormLayout.isFormTitle(row) || FormLayout.isMetaRow(row)) {
                return 0;
            }
        }
        return 0;
    }

    /** The ten titles export/DocumentTsv writes first (the years in the two goal titles aside). */
    private static boolean ownExportHeader(String[] h) {
        List<String> fixed = List.of("预算单位", "项目名称", "金额(元)", "年度总体绩效目标", "年度绩效目标", "一级指标", "二级指标",
                "三级指标", "实施周期指标值", "年度指标值");
        if (h.length < fixed.size()) {
            return false;
        }
        for (int c = 0; c < fixed.size(); c++) {
            String k = TextNormalizer.normalizeName(h[c]);
            if (c == 3 || c == 4 ? !k.endsWith(fixed.get(c)) : !k.equals(fixed.get(c))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ParsedDocument read(LayoutInput input) {
        Table table = input.extraction().tables().get(0);
        TabExportLayout reader = new TabExportLayout(input.name(), table.rows());
        ParsedDocument d = reader.read(input.hash(), input.extraction());
        if (table.delimiting() == Table.Delimiting.COMMA) {
            // the tab export's columns saved by a spreadsheet as CSV: the same layout, named as users know it
            d = new ParsedDocument(d.name(), d.contentHash(), DocumentFormat.CSV, d.title(), d.region(), d.year(),
                    d.lineCount(), d.projects(), d.diagnostics());
        }
        return d.with(d.kind(), d.fileKind(), reader.truncated, d.sourceLines(), d.diagnostics());
    }

    private ParsedDocument read(String hash, Extraction extraction) {
        int headerIndex = -1;
        String title = null;
        for (int r = 0; r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (isHeader(row)) {
                headerIndex = r;
                break;
            }
            if (title == null && !row.isBlank()) {
                title = row.joined().trim();
            }
        }
        int headerLine = rows.get(headerIndex).line();
        Columns columns = columns(rows.get(headerIndex));
        Integer year = TitleLine.year(title);

        Map<String, Builder> projects = new LinkedHashMap<>();
        Map<String, String> goalOwners = new HashMap<>();
        String region = null;
        boolean regionKnown = false;
        Builder current = null;
        int lastContent = lastNonBlankLine();

        for (int r = headerIndex + 1; r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (row.isBlank()) {
                continue;
            }
            int i = row.line();
            String[] cells = row.owns();
            boolean last = i == lastContent;
            if (isHeader(row)) {
                // a page break or a copied block brings the header again: it is no project (项目名称) and no target
                diagnostics.info(i, DiagnosticCode.HEADER_REPEATED, "line " + i + " repeats the header row of line "
                        + headerLine + "; skipped", String.valueOf(headerLine));
                continue;
            }
            if (last && cells.length < columns.required()) {
                cut(i, cells.length + " of the header's " + columns.width() + " cells");
                continue;
            }
            if (cells.length < columns.required()) {
                throw new ImportRejectedException(name, i, "line " + i + " has " + cells.length
                        + " cells but the header row (line " + headerLine + ") has " + columns.width() + " columns");
            }
            for (int c = columns.width(); c < cells.length; c++) {
                if (!cells[c].isBlank()) {
                    diagnostics.warn(i, DiagnosticCode.EXTRA_CELL, "cell " + (c + 1) + " ('" + cells[c].trim()
                            + "') lies beyond the " + columns.width() + " header columns; ignored");
                    break;
                }
            }
            String unitCell = cells[columns.unit()].trim();
            String projectCell = cells[columns.project()].trim();
            if (!unitCell.isEmpty() || !projectCell.isEmpty()) {
                if (unitCell.isEmpty() || projectCell.isEmpty()) {
                    throw new ImportRejectedException(name, i, "line " + i + " starts a project block but "
                            + (unitCell.isEmpty() ? "the 预算单位 cell" : "the 项目名称 cell") + " is empty");
                }
                if (!regionKnown) {
                    region = TitleLine.region(title, unitName(unitCell));
                    regionKnown = true;
                }
                current = block(i, cells, columns, region, year, projects, goalOwners);
            } else if (current == null) {
                throw new ImportRejectedException(name, i, "line " + i
                        + " continues a project block but no block header (预算单位, 项目名称) came before it");
            }
            target(i, cells, columns, current, year, last);
        }
        if (projects.isEmpty()) {
            if (cutLine > 0) {
                // the only row after the header was the cut one: name it, not the header
                throw new ImportRejectedException(name, cutLine, "line " + cutLine + " is the only row after the header"
                        + " row (line " + headerLine + ") and it stops early (" + cutWhat + "): the document looks cut off");
            }
            throw new ImportRejectedException(name, headerLine, "the header row (line " + headerLine
                    + ") is followed by no project rows");
        }
        List<ParsedProject> parsed = new ArrayList<>();
        for (Builder b : projects.values()) {
            parsed.add(new ParsedProject(b.unit, b.name, year, b.amount, b.totalAmount, b.nature, b.category,
                    b.department, b.startDate, b.endDate, b.line, b.blocks, List.copyOf(b.goals), List.copyOf(b.targets)));
        }
        return new ParsedDocument(name, hash, DocumentFormat.TAB_EXPORT, title, region, year,
                extraction.sourceLines().size(), List.copyOf(parsed), diagnostics.list());
    }

    private int cutLine;
    private String cutWhat;

    /** The last row stops early: the complete rows are kept, this one is not read. */
    private void cut(int line, String what) {
        truncated = true;
        cutLine = line;
        cutWhat = what;
        diagnostics.warn(line, DiagnosticCode.TRUNCATED, "line " + line + " is the last row and ends with " + what
                + "; the document looks cut off there and the row is not read", String.valueOf(line));
    }

    private int lastNonBlankLine() {
        for (int r = rows.size() - 1; r >= 0; r--) {
            if (!rows.get(r).isBlank()) {
                return rows.get(r).line();
            }
        }
        return 0;
    }

    private Columns columns(TableRow header) {
        int headerLine = header.line();
        String[] h = header.owns();
        int unit = -1, project = -1, amount = -1, overall = -1, annualGoal = -1, l1 = -1, l2 = -1, l3 = -1;
        int period = -1, annual = -1, actual = -1, weight = -1, score = -1;
        Map<String, Integer> trailing = new HashMap<>();
        for (int c = 0; c < h.length; c++) {
            String role = role(h[c]);
            if (role == null) {
                continue;
            }
            if (TRAILING.containsValue(role)) {
                trailing.putIfAbsent(role, c);
                continue;
            }
            switch (role) {
                case "actual" -> actual = c;
                case "weight" -> weight = c;
                case "score" -> score = c;
                case "unit" -> unit = c;
                case "project" -> project = c;
                case "amount" -> amount = c;
                case "l1" -> l1 = c;
                case "l2" -> l2 = c;
                case "l3" -> l3 = c;
                case "period" -> period = c;
                case "annual" -> annual = c;
                case "overall" -> overall = c;
                default -> annualGoal = c;
            }
        }
        List<String> missing = new ArrayList<>();
        if (amount < 0) {
            missing.add("金额");
        }
        if (l2 < 0) {
            missing.add("二级指标");
        }
        if (l3 < 0) {
            missing.add("三级指标");
        }
        if (period < 0 && annual < 0) {
            missing.add("年度指标值");
        }
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(name, headerLine, "the header row lacks the column(s) "
                    + String.join(", ", missing));
        }
        int width = h.length;
        while (width > 0 && h[width - 1].isBlank()) {
            width--;
        }
        int required = 1 + java.util.stream.IntStream.of(unit, project, amount, overall, annualGoal, l1, l2, l3, period, annual)
                .max().orElse(0);
        return new Columns(width, required, unit, project, amount, overall, annualGoal, l1, l2, l3, period, annual,
                actual, weight, score, Map.copyOf(trailing));
    }

    /** What a header cell of the tab export names, or null for a column the layout does not read. */
    private static String role(String cell) {
        String k = TextNormalizer.normalizeName(cell);
        String trailing = TRAILING.get(k);
        if (trailing != null) {
            return trailing;
        } else if (k.contains("实际完成") || k.equals("实际值")) {
            return "actual";
        } else if (k.equals("权重") || k.equals("分值")) {
            return "weight";
        } else if (k.equals("得分")) {
            return "score";
        } else if (k.contains("预算单位") || k.equals("单位名称")) {
            return "unit";
        } else if (k.contains("项目名称")) {
            return "project";
        } else if (k.contains("金额") || k.contains("资金")) {
            return "amount";
        } else if (k.contains("一级指标")) {
            return "l1";
        } else if (k.contains("二级指标")) {
            return "l2";
        } else if (k.contains("三级指标")) {
            return "l3";
        } else if (k.contains("实施周期")) {
            return "period";
        } else if (k.contains("指标值")) {
            return "annual";
        } else if (k.contains("目标") && k.contains("总体")) {
            return "overall";
        } else if (k.contains("目标")) {
            return "annualGoal";
        }
        return null;
    }

    private Builder block(int line, String[] cells, Columns columns, String region, Integer year,
                          Map<String, Builder> projects, Map<String, String> goalOwners) {
        String unitCell = cells[columns.unit()].trim();
        String projectName = cells[columns.project()].trim();
        String amountCell = cells[columns.amount()].trim();
        BigDecimal amount = Amounts.parse(amountCell);
        if (amount == null && !amountCell.isEmpty()) {
            diagnostics.warn(line, DiagnosticCode.AMOUNT_UNREADABLE, "金额 '" + Amounts.quoted(amountCell) + "' of project " + projectName
                    + " is not a number; the amount is left empty");
        }
        Matcher m = CODE_NAME.matcher(unitCell);
        ParsedUnit unit = m.matches() ? new ParsedUnit(m.group(1), m.group(2), region)
                : new ParsedUnit(null, unitCell, region);
        String key = unitCell + '\u0000' + projectName + '\u0000'
                + (amount == null ? amountCell : amount.stripTrailingZeros().toPlainString());
        Builder b = projects.get(key);
        if (b == null) {
            b = new Builder(unit, projectName, amount, line);
            projects.put(key, b);
        } else {
            diagnostics.info(line, DiagnosticCode.PROJECT_BLOCK_MERGED, "the header of project " + projectName + " (" + unitCell
                    + ", " + amountCell + ") repeats the one on line " + b.line + "; merged into one project as block "
                    + (b.blocks + 1));
        }
        b.blocks++;
        projectCells(line, cells, columns, b);
        goal(line, GoalKind.OVERALL, cells, columns.overallGoal(), b, goalOwners);
        goal(line, GoalKind.ANNUAL, cells, columns.annualGoal(), b, goalOwners);
        return b;
    }

    /** The project cells of the trailing columns; a later block of the same project fills only what is still empty. */
    private void projectCells(int line, String[] cells, Columns columns, Builder b) {
        if (b.nature == null) {
            b.nature = text(cells, columns.of("nature"));
        }
        if (b.category == null) {
            b.category = text(cells, columns.of("category"));
        }
        if (b.department == null) {
            b.department = text(cells, columns.of("department"));
        }
        if (b.startDate == null) {
            b.startDate = date(line, "计划开始日期", text(cells, columns.of("startDate")));
        }
        if (b.endDate == null) {
            b.endDate = date(line, "计划完成日期", text(cells, columns.of("endDate")));
        }
        String total = text(cells, columns.of("totalAmount"));
        if (b.totalAmount == null && total != null) {
            b.totalAmount = Amounts.parse(total);
            if (b.totalAmount == null) {
                diagnostics.warn(line, DiagnosticCode.AMOUNT_UNREADABLE, "项目资金总额 '" + total + "' of project " + b.name
                        + " is not a number; left empty");
            }
        }
    }

    /** An ISO date (2024-01-01, what the export writes); another text is left empty with a warning. */
    private java.time.LocalDate date(int line, String column, String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(cell);
        } catch (java.time.format.DateTimeParseException e) {
            diagnostics.warn(line, DiagnosticCode.VALUE_UNPARSED, column + " '" + cell + "' is not a date (2024-01-01); left empty");
            return null;
        }
    }

    /** The trimmed cell of an optional column, null where it is empty or missing. */
    private static String text(String[] cells, int column) {
        String s = optional(cells, column).trim();
        return s.isEmpty() ? null : s;
    }

    private void goal(int line, GoalKind kind, String[] cells, int column, Builder b, Map<String, String> owners) {
        if (column < 0 || cells[column].isBlank()) {
            return;
        }
        String raw = cells[column];
        String normalized = TextNormalizer.normalize(raw);
        b.goals.add(new GoalStatement(kind, raw, normalized, line));
        String owner = owners.putIfAbsent(kind + normalized, b.name);
        if (owner != null && !owner.equals(b.name)) {
            diagnostics.info(line, DiagnosticCode.GOAL_TEXT_OF_OTHER_PROJECT, "the " + (kind == GoalKind.OVERALL ? "overall" : "annual")
                    + " goal of project " + b.name + " is the same text as that of project " + owner + "; kept as written");
        }
    }

    private void target(int line, String[] cells, Columns columns, Builder project, Integer year, boolean last) {
        String l1Cell = columns.l1() < 0 ? "" : cells[columns.l1()].trim();
        String l2Cell = cells[columns.l2()].trim();
        String l3Cell = cells[columns.l3()].trim();
        String periodRaw = columns.periodValue() < 0 ? null : cells[columns.periodValue()];
        String annualRaw = columns.annualValue() < 0 ? null : cells[columns.annualValue()];
        boolean periodEmpty = periodRaw == null || periodRaw.isBlank();
        boolean annualEmpty = annualRaw == null || annualRaw.isBlank();
        String lastValue = columns.annualValue() >= 0 ? annualRaw : periodRaw;
        if (last && (l3Cell.isEmpty() || CutRow.looksCut(lastValue))) {
            cut(line, l3Cell.isEmpty() ? "no 三级指标" : lastValue == null || lastValue.isBlank() ? "no 年度指标值"
                    : "the value '" + lastValue.strip() + "'");
            return;
        }
        if (l3Cell.isEmpty()) {
            diagnostics.warn(line, DiagnosticCode.INDICATOR_MISSING, "line " + line + " has no 三级指标 cell; row skipped");
            return;
        }
        if (periodEmpty && annualEmpty) {
            diagnostics.warn(line, DiagnosticCode.VALUE_MISSING, "indicator '" + l3Cell + "' has no value in either value column");
        }
        CategoryRef l1 = category(line, l1Cell, 1, null);
        CategoryRef l2 = category(line, l2Cell, 2, l1 == null ? null : l1.canonical());
        if (l1 == null || l2 == null) {
            // an emptied category cell: carried from the project's row above (as a merged cell would be), or from
            // the vocabulary (an L2's own L1); with neither the row cannot be placed and the document is refused
            ParsedTarget above = project.targets.isEmpty() ? null : project.targets.get(project.targets.size() - 1);
            if (l2 == null && above != null && (l1 == null || l1.canonical().equals(above.level1().canonical()))) {
                l2 = new CategoryRef(null, null, above.level2().canonical(), 2, true);
            }
            if (l1 == null && l2 != null && CategoryVocabulary.parentOf(l2.canonical()) != null) {
                l1 = new CategoryRef(null, null, CategoryVocabulary.parentOf(l2.canonical()), 1, true);
            } else if (l1 == null && above != null) {
                l1 = new CategoryRef(null, null, above.level1().canonical(), 1, true);
            }
            if (l1 == null || l2 == null) {
                throw new ImportRejectedException(name, line, "line " + line + ": the "
                        + (l1 == null ? "一级指标" : "二级指标") + " cell of indicator '" + l3Cell
                        + "' is empty and no row above it in project " + project.name + " says what it is");
            }
            diagnostics.warn(line, DiagnosticCode.CATEGORY_INFERRED, "the empty category cell of indicator '" + l3Cell
                    + "' was read as " + l1.canonical() + " / " + l2.canonical() + " (carried from the row above or"
                    + " implied by the L2)", l3Cell, l1.canonical(), l2.canonical());
        }
        checkTree(line, l1, l2);

        Matcher m = CODE_NAME.matcher(l3Cell);
        String code = m.matches() ? m.group(1) : null;
        String indicatorName = m.matches() ? m.group(2) : l3Cell;
        IndicatorRef indicator = new IndicatorRef(code, indicatorName, TextNormalizer.normalizeName(indicatorName));
        checkCodes(line, l1, l2, code, indicatorName);

        TargetValue period = periodEmpty ? null : ValueNormalizer.parse(periodRaw, year);
        TargetValue annual = annualEmpty ? null : ValueNormalizer.parse(annualRaw, year);
        diagnostics.checkValue(line, "实施周期指标值", period);
        diagnostics.checkValue(line, "年度指标值", annual);

        String actualRaw = optional(cells, columns.actual());
        TargetValue actual = actualRaw.isBlank() ? null : ValueNormalizer.parse(actualRaw, year);
        diagnostics.checkValue(line, "实际完成值", actual);
        BigDecimal weight = points(line, "权重", optional(cells, columns.weight()));
        BigDecimal score = points(line, "得分", optional(cells, columns.score()));

        BigDecimal points = points(line, "一级指标分值", optional(cells, columns.of("points")));
        String direction = text(cells, columns.of("direction"));
        String notes = optional(cells, columns.of("notes"));
        ParsedTarget target = new ParsedTarget(line, null, project.targets.size(), indicator, l1, l2, period, annual,
                actual, weight, score, direction(line, direction), points, notes.isBlank() ? null : notes);
        ParsedTarget earlier = project.byIndicator.putIfAbsent(indicator.key(), target);
        if (earlier != null) {
            diagnostics.info(line, DiagnosticCode.DUPLICATE_INDICATOR, "indicator " + l3Cell + " appears again in project "
                    + project.name + " (first on line " + earlier.line() + " with value '"
                    + (earlier.annual() == null ? "" : earlier.annual().raw()) + "', here '"
                    + (annual == null ? "" : annual.raw()) + "'); both kept");
        }
        project.targets.add(target);
    }

    /** 指标方向性: 正向 or 反向 (what the export writes); another word is left empty with a warning. */
    private Direction direction(int line, String cell) {
        if (cell == null) {
            return null;
        }
        if (cell.equals("正向")) {
            return Direction.POSITIVE;
        }
        if (cell.equals("反向")) {
            return Direction.NEGATIVE;
        }
        diagnostics.warn(line, DiagnosticCode.VALUE_UNPARSED, "指标方向性 '" + cell + "' is neither 正向 nor 反向; left empty");
        return null;
    }

    /** The cell of an optional trailing column; empty where the header lacks it or the row ends before it. */
    private static String optional(String[] cells, int column) {
        return column < 0 || column >= cells.length ? "" : cells[column];
    }

    /** A weight or score (20, 12.5, 15%, 10分); an unreadable one is left empty with a warning. */
    private BigDecimal points(int line, String column, String cell) {
        String s = cell.replace("%", "").replace("分", "").trim();
        if (s.isEmpty()) {
            return null;
        }
        BigDecimal n = Amounts.parse(s);
        if (n == null) {
            diagnostics.warn(line, DiagnosticCode.VALUE_UNPARSED, column + " '" + Amounts.quoted(cell) + "' is not a number; left empty");
        }
        return n;
    }

    private CategoryRef category(int line, String cell, int level, String l1) {
        if (cell.isEmpty()) {
            diagnostics.warn(line, DiagnosticCode.CATEGORY_MISSING, "the " + (level == 1 ? "一级指标" : "二级指标")
                    + " cell is empty");
            return null;
        }
        Matcher m = CODE_NAME.matcher(cell);
        String code = m.matches() ? m.group(1) : null;
        String label = m.matches() ? m.group(2) : cell;
        var canonical = CategoryVocabulary.canonical(label);
        if (canonical.isPresent()) {
            return new CategoryRef(cell, code, canonical.get(), level, false);
        }
        var repaired = CategoryVocabulary.repair(label, level, l1, null);
        if (repaired.isPresent()) {
            diagnostics.warn(line, DiagnosticCode.CATEGORY_OCR_REPAIRED, "category '" + cell + "' is not in the vocabulary; read as "
                    + repaired.get() + " by similarity");
            return new CategoryRef(cell, code, repaired.get(), level, true);
        }
        diagnostics.warn(line, DiagnosticCode.CATEGORY_UNKNOWN, "category '" + cell + "' is not in the vocabulary; kept as written");
        return new CategoryRef(cell, code, TextNormalizer.normalizeName(label), level, false);
    }

    private void checkTree(int line, CategoryRef l1, CategoryRef l2) {
        if (l1 == null || l2 == null) {
            return;
        }
        String parent = CategoryVocabulary.parentOf(l2.canonical());
        if (parent != null && !parent.equals(l1.canonical())) {
            diagnostics.warn(line, DiagnosticCode.L2_FOREIGN_L1, "二级指标 " + l2.raw() + " belongs under " + parent
                    + " but the row files it under " + l1.raw() + "; both kept as written");
        }
    }

    /** The export's scheme: L1 one digit, L2 two digits starting with it, L3 nine digits = L1 + L2 + serial. */
    private void checkCodes(int line, CategoryRef l1, CategoryRef l2, String l3Code, String indicatorName) {
        if (l1 == null || l2 == null || l1.code() == null || l2.code() == null || l3Code == null
                || l1.code().length() != 1 || l2.code().length() != 2 || l3Code.length() != 9) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (l2.code().charAt(0) != l1.code().charAt(0)) {
            problems.add("L2 code " + l2.code() + " does not start with L1 code " + l1.code());
        }
        if (l3Code.charAt(0) != l1.code().charAt(0)) {
            problems.add("indicator code " + l3Code + " does not start with L1 code " + l1.code());
        }
        if (!l3Code.substring(1, 3).equals(l2.code())) {
            problems.add("indicator code " + l3Code + " does not carry L2 code " + l2.code() + " in digits 2-3");
        }
        if (!problems.isEmpty()) {
            diagnostics.warn(line, DiagnosticCode.CODE_PREFIX_MISMATCH, "codes of " + l1.raw() + " / " + l2.raw() + " / "
                    + l3Code + "-" + indicatorName + " disagree: " + String.join("; ", problems)
                    + "; kept as written");
        }
    }

    private static String unitName(String unitCell) {
        Matcher m = CODE_NAME.matcher(unitCell);
        return m.matches() ? m.group(2) : unitCell;
    }
}
