package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 财政项目支出绩效目标申报表 forms extracted from PDF. Cells are not in fixed columns (merged cells became
 * empty or shifted cells), so an indicator row is read from the right: the last non-empty cell is the value, the
 * one before it the indicator name, and the cells before that are category labels, classified by the vocabulary.
 * Labels missing on a row are carried down from the rows above (merged cells); the category resolution itself is
 * {@link FormCategories}.
 */
final class FormLayout implements Layout {

    static final Set<String> FRAGMENTS = Set.of("绩效", "指标", "绩效指标", "项目绩效目标", "绩效目标", "项目绩效");

    private static final Set<String> META_LABELS = Set.of("项目名称", "项目性质", "项目类别", "主管部门", "实施单位",
            "计划开始日期", "计划完成日期", "项目资金总额", "年度资金申请总额");
    private static final Pattern FORM_YEAR = Pattern.compile("^\\(?((?:19|20)\\d{2})年度?\\)?$");
    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})[年\\-/.](\\d{1,2})[月\\-/.](\\d{1,2})日?");

    /** One indicator row as read: line, label cells, indicator name, value cell. */
    record Row(int line, List<String> labels, String name, String value) {
    }

    /** A form being read. */
    private static final class Form {
        final int line;
        Integer year;
        final java.util.LinkedHashMap<String, String> meta = new java.util.LinkedHashMap<>();
        final List<GoalStatement> goals = new ArrayList<>();
        List<int[]> goalColumns; // {column, kind ordinal}
        boolean indicators;
        int headerLine;
        final List<Row> rows = new ArrayList<>();

        Form(int line) {
            this.line = line;
        }
    }

    private final String name;
    private final List<TableRow> rows;
    private final Diagnostics diagnostics = new Diagnostics();
    /** The document stops inside its last indicator row (the row is not read). */
    private boolean truncated;

    /** The layout itself, stateless: {@link #read} makes a reader per document. */
    FormLayout() {
        this(null, List.of());
    }

    private FormLayout(String name, List<TableRow> rows) {
        this.name = name;
        this.rows = rows;
    }

    static boolean isFormTitle(TableRow row) {
        String k = TextNormalizer.normalizeName(row.joined());
        return k.contains("绩效目标申报表");
    }

    static boolean isMetaRow(TableRow row) {
        String k = TextNormalizer.normalizeName(row.joined());
        return k.startsWith("项目名称") && (k.contains("项目性质") || k.contains("主管部门") || k.contains("实施单位"));
    }

    @Override
    public DocumentFormat format() {
        return DocumentFormat.FORM;
    }

    /** Tab-separated text (a PDF's text as the seed shows it) whose first identifying row is a form's title or meta row. */
    @Override
    public int recognise(Extraction extraction, ImportOptions options) {
        if (extraction.tables().size() != 1 || !options.columns().isEmpty()
                || extraction.tables().get(0).delimiting() != Table.Delimiting.TAB) {
            return 0;
        }
        for (TableRow row : extraction.tables().get(0).rows()) {
            if (TabExportLayout.isHeader(row)) {
                return 0;
            }
            if (isFormTitle(row) || isMetaRow(row)) {
                return 80;
            }
        }
        return 0;
    }

    @Override
    public ParsedDocument read(LayoutInput input) {
        return new FormLayout(input.name(), input.extraction().tables().get(0).rows())
                .read(input.hash(), input.extraction());
    }

    private ParsedDocument read(String hash, Extraction extraction) {
        String title = null;
        List<Form> forms = new ArrayList<>();
        Form form = null;
        int lastContent = 0;
        for (int r = rows.size() - 1; r >= 0 && lastContent == 0; r--) {
            if (!rows.get(r).isBlank()) {
                lastContent = rows.get(r).line();
            }
        }
        for (TableRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int i = row.line();
            String line = row.joined();
            String[] cells = trimmed(row.owns());
            String joined = TextNormalizer.normalizeName(line);
            if (isFormTitle(row)) {
                form = new Form(i);
                forms.add(form);
                continue;
            }
            if (form == null && !isMetaRow(row)) {
                if (title == null) {
                    title = line.trim();
                }
                continue;
            }
            if (form == null || (isMetaRow(row) && form.meta.containsKey("项目名称"))) {
                form = new Form(i);
                forms.add(form);
            }
            Matcher year = FORM_YEAR.matcher(joined);
            if (year.matches()) {
                form.year = Integer.valueOf(year.group(1));
                continue;
            }
            if (!form.indicators) {
                readHead(i, cells, form);
            } else {
                readIndicatorRow(i, cells, form, i == lastContent);
            }
        }
        Integer docYear = TitleLine.year(title);
        String region = null;
        for (Form f : forms) {
            if (f.meta.get("实施单位") != null) {
                region = TitleLine.region(title, f.meta.get("实施单位"));
                break;
            }
        }
        if (region == null) {
            region = TitleLine.region(title, null);
        }
        List<ParsedProject> projects = new ArrayList<>();
        for (Form f : forms) {
            projects.add(project(f, region, docYear));
        }
        if (projects.isEmpty()) {
            throw new ImportRejectedException(name, 1, "no 财政项目支出绩效目标申报表 form found");
        }
        return new ParsedDocument(name, hash, DocumentFormat.FORM, title, region, docYear,
                extraction.sourceLines().size(), List.copyOf(projects), diagnostics.list(), DocumentKind.DECLARATION,
                extraction.fileKind(), truncated, extraction.sourceLines());
    }

    private static String[] trimmed(String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            cells[c] = cells[c].trim();
        }
        return cells;
    }

    /** Metadata, goal labels and goal texts, up to the indicator header row. */
    private void readHead(int line, String[] cells, Form form) {
        boolean goalHeader = false;
        List<int[]> goalColumns = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            String k = TextNormalizer.normalizeName(cells[c]);
            if (k.equals("一级指标")) {
                form.indicators = true;
                form.headerLine = line;
                return;
            }
            if (k.startsWith("项目总目标") || k.equals("总体目标")) {
                goalColumns.add(new int[] {c, GoalKind.OVERALL.ordinal()});
                goalHeader = true;
            } else if (k.startsWith("年度总体目标") || k.startsWith("年度目标") || k.startsWith("年度绩效目标")) {
                goalColumns.add(new int[] {c, GoalKind.ANNUAL.ordinal()});
                goalHeader = true;
            }
        }
        if (goalHeader) {
            form.goalColumns = goalColumns;
            return;
        }
        boolean meta = false;
        for (int c = 0; c < cells.length; c++) {
            String k = TextNormalizer.normalizeName(cells[c]);
            if (META_LABELS.contains(k)) {
                meta = true;
                String value = null;
                for (int d = c + 1; d < cells.length; d++) {
                    if (!cells[d].isEmpty()) {
                        if (!META_LABELS.contains(TextNormalizer.normalizeName(cells[d]))) {
                            value = cells[d];
                        }
                        break;
                    }
                }
                form.meta.putIfAbsent(k, value);
                form.meta.putIfAbsent("@" + k, String.valueOf(line));
            }
        }
        if (meta || form.goalColumns == null) {
            return;
        }
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isEmpty() || FRAGMENTS.contains(TextNormalizer.normalizeName(cells[c]))) {
                continue;
            }
            GoalKind kind = GoalKind.values()[form.goalColumns.get(0)[1]];
            for (int[] gc : form.goalColumns) {
                if (gc[0] <= c) {
                    kind = GoalKind.values()[gc[1]];
                }
            }
            form.goals.add(new GoalStatement(kind, cells[c], TextNormalizer.normalize(cells[c]), line));
        }
    }

    private void readIndicatorRow(int line, String[] cells, Form form, boolean last) {
        List<String> nonEmpty = new ArrayList<>();
        boolean header = false;
        for (String cell : cells) {
            String k = TextNormalizer.normalizeName(cell);
            if (k.isEmpty() || FRAGMENTS.contains(k)) {
                continue;
            }
            if (k.equals("一级指标") || k.equals("二级指标") || k.equals("三级指标") || k.startsWith("年度(/项目)指标值")
                    || k.equals("指标值")) {
                header = true;
            }
            nonEmpty.add(cell);
        }
        if (header || nonEmpty.isEmpty()) {
            return;
        }
        if (nonEmpty.size() == 1) {
            if (last) {
                cut(line, "only '" + nonEmpty.get(0) + "'");
                return;
            }
            diagnostics.warn(line, DiagnosticCode.ROW_UNREADABLE, "indicator row holds only '" + nonEmpty.get(0)
                    + "' (no indicator and value pair); skipped");
            return;
        }
        String value = nonEmpty.get(nonEmpty.size() - 1);
        String indicator = nonEmpty.get(nonEmpty.size() - 2);
        if (CategoryVocabulary.canonical(indicator).isPresent() || CategoryVocabulary.looksLikeGarbledLabel(indicator)) {
            if (last) {
                cut(line, "'" + value + "' after the category '" + indicator + "' and no value");
                return;
            }
            diagnostics.warn(line, DiagnosticCode.VALUE_MISSING, "row reads category '" + indicator + "' then '" + value
                    + "' and no value; skipped");
            return;
        }
        if (last && CutRow.looksCut(value)) {
            cut(line, "the value '" + value + "'");
            return;
        }
        form.rows.add(new Row(line, List.copyOf(nonEmpty.subList(0, nonEmpty.size() - 2)), indicator, value));
    }

    /** The last row stops early (a copy cut off): the complete rows are kept, this one is not read. */
    private void cut(int line, String what) {
        truncated = true;
        diagnostics.warn(line, DiagnosticCode.TRUNCATED, "line " + line + " is the last row and ends with " + what
                + "; the document looks cut off there and the row is not read", String.valueOf(line));
    }

    private ParsedProject project(Form f, String region, Integer docYear) {
        String projectName = f.meta.get("项目名称");
        if (projectName == null || projectName.isEmpty()) {
            throw new ImportRejectedException(name, f.line, "the form starting on line " + f.line
                    + " has no 项目名称 (project name)");
        }
        if (f.rows.isEmpty()) {
            int at = f.headerLine > 0 ? f.headerLine : f.line;
            throw new ImportRejectedException(name, at, "the form of project " + projectName + " (line " + f.line
                    + ") has no indicator rows" + (f.headerLine > 0 ? " after its header on line " + f.headerLine
                    : " (no 一级指标/二级指标/三级指标 header)"));
        }
        Integer year = f.year != null ? f.year : docYear;
        String unitName = f.meta.get("实施单位");
        if (unitName != null && region != null) {
            String n = TextNormalizer.normalizeName(unitName);
            if (n.startsWith(region) && n.length() > region.length()) {
                unitName = n.substring(region.length());
            }
        }
        ParsedUnit unit = new ParsedUnit(null, unitName, region);
        List<ParsedTarget> targets = FormCategories.resolve(f.rows, year, diagnostics);
        BigDecimal amount = amount(f, "年度资金申请总额");
        BigDecimal total = amount(f, "项目资金总额");
        return new ParsedProject(unit, projectName, year, amount, total, f.meta.get("项目性质"), f.meta.get("项目类别"),
                f.meta.get("主管部门"), date(f, "计划开始日期"), date(f, "计划完成日期"), f.line, 1,
                List.copyOf(f.goals), targets);
    }

    private BigDecimal amount(Form f, String label) {
        String cell = f.meta.get(label);
        BigDecimal amount = Amounts.parse(cell);
        if (amount == null && cell != null && !cell.isEmpty()) {
            diagnostics.warn(line(f, label), DiagnosticCode.AMOUNT_UNREADABLE, label + " '" + Amounts.quoted(cell) + "' is not a number; left empty");
        }
        return amount;
    }

    private LocalDate date(Form f, String label) {
        String cell = f.meta.get(label);
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        Matcher m = CN_DATE.matcher(TextNormalizer.normalizeName(cell));
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                // reported below
            }
        }
        diagnostics.warn(line(f, label), DiagnosticCode.DATE_UNREADABLE, label + " '" + cell + "' is not a date; left empty");
        return null;
    }

    private static int line(Form f, String label) {
        String at = f.meta.get("@" + label);
        return at == null ? f.line : Integer.parseInt(at);
    }
}
