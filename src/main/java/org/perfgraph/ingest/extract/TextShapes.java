package org.perfgraph.ingest.extract;

import java.util.List;
import java.util.regex.Pattern;

import org.perfgraph.ingest.Table.Delimiting;

/**
 * How the cells of a text document are separated, told from its lines (never its name). The table part decides:
 * the header row (the first line naming two indicator columns, 一级指标 二级指标 …) if there is one, else a vote of
 * the lines from the first line that names a column. Title, label and page-furniture lines around the table may
 * have another shape; they do not decide. Looks at a bounded number of lines.
 */
final class TextShapes {

    /** Column names of the indicator part of a table: a header row names two or more of them. */
    private static final List<String> INDICATOR_COLUMNS = List.of("一级指标", "二级指标", "三级指标", "指标名称", "指标内容",
            "绩效指标", "指标值", "目标值", "指标性质", "度量单位", "计量单位", "权重", "分值");
    /** Column names of the project part, which a header row may hold beside the indicator columns. */
    private static final List<String> PROJECT_COLUMNS = List.of("单位名称", "预算单位", "预算部门", "部门名称", "填报单位",
            "主管部门", "实施单位", "项目名称", "项目支出名称", "预算数", "金额", "年度目标", "绩效目标");
    /** An L1 category as a value: a header row never holds one, a whole table run onto one line does. */
    private static final List<String> L1_VALUES = List.of("产出指标", "效益指标", "满意度指标", "成本指标");

    /** Lines of the table part that vote when the header row does not decide. */
    private static final int VOTING_LINES = 300;
    /** Characters a header cell holds at most (2024年度总体绩效目标 has 12). */
    private static final int MAX_HEADER_CELL = 24;
    private static final Pattern THOUSANDS = Pattern.compile("\\d,\\d{3}(?!\\d)");

    private TextShapes() {
    }

    /** The shape of one line, as far as it can be told alone. */
    enum LineShape { BLANK, TAB, PIPE, CELL, SPACE, PLAIN }

    static Delimiting delimiting(List<String> lines) {
        int header = headerLine(lines);
        if (header >= 0) {
            String line = lines.get(header);
            LineShape shape = shape(line);
            if (shape != LineShape.TAB && shape != LineShape.PIPE && containsAny(line, L1_VALUES)) {
                // the header and the rows on one line: no separator tells a row's end
                return Delimiting.NONE;
            }
            if (isCsvHeader(line)) {
                return Delimiting.COMMA;
            }
            switch (shape) {
                case TAB:
                    return Delimiting.TAB;
                case PIPE:
                    return Delimiting.PIPE;
                case SPACE:
                    return Delimiting.SPACE;
                case PLAIN:
                    return Delimiting.NONE;
                default:
                    break;
            }
        }
        if (quotedCsvHeader(lines)) {
            return Delimiting.COMMA;
        }
        return vote(lines, Math.max(0, firstNaming(lines)));
    }

    /**
     * A CSV header row whose quoted cells hold line breaks ({@code "一级\n指标","二级\n指标",…}): no single line
     * names the columns, the record read across its lines does.
     */
    private static boolean quotedCsvHeader(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).indexOf('"') < 0) {
                continue;
            }
            TextCells.CsvRecord record = TextCells.csvRow(lines, i);
            if (record.closed() && record.last() > i) {
                List<String> cells = record.cells().stream().map(ExtractionBuilder::cellText).toList();
                if (isCsvHeader(String.join(",", cells.stream().map(c -> c.replace(",", "")).toList()))) {
                    return true;
                }
                i = record.last();
            }
        }
        return false;
    }

    /** Index of the first line naming two indicator columns, else two columns of any kind, else -1. */
    private static int headerLine(List<String> lines) {
        int any = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indicator = count(line, INDICATOR_COLUMNS);
            if (indicator >= 2) {
                return i;
            }
            if (any < 0 && indicator + count(line, PROJECT_COLUMNS) >= 2) {
                any = i;
            }
        }
        return any;
    }

    private static int firstNaming(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (count(lines.get(i), INDICATOR_COLUMNS) + count(lines.get(i), PROJECT_COLUMNS) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The shape most lines of the table part have; it must hold at least two lines and three in ten of the part's
     * non-blank lines, else the cells are not separated at all. One cell per line needs a line closing a row.
     */
    private static Delimiting vote(List<String> lines, int from) {
        int[] votes = new int[LineShape.values().length];
        int nonBlank = 0;
        boolean closer = false;
        for (int i = from; i < lines.size() && nonBlank < VOTING_LINES; i++) {
            String line = lines.get(i);
            LineShape shape = shape(line);
            votes[shape.ordinal()]++;
            if (shape != LineShape.BLANK) {
                nonBlank++;
            }
            closer |= shape == LineShape.CELL && isPipeRun(TextCells.strip(line));
        }
        if (!closer) {
            votes[LineShape.CELL.ordinal()] = 0;
        }
        LineShape best = null;
        for (LineShape s : new LineShape[] {LineShape.TAB, LineShape.PIPE, LineShape.CELL, LineShape.SPACE}) {
            if (best == null || votes[s.ordinal()] > votes[best.ordinal()]) {
                best = s;
            }
        }
        int n = votes[best.ordinal()];
        if (n < 2 || n * 10 < nonBlank * 3) {
            return Delimiting.NONE;
        }
        return switch (best) {
            case TAB -> Delimiting.TAB;
            case PIPE -> Delimiting.PIPE;
            case CELL -> Delimiting.CELL_PER_LINE;
            default -> Delimiting.SPACE;
        };
    }

    static LineShape shape(String line) {
        String t = TextCells.strip(line);
        if (t.isEmpty()) {
            return LineShape.BLANK;
        }
        if (count(t, '\t') >= 2) {
            return LineShape.TAB;
        }
        if (t.charAt(t.length() - 1) == '|' && (t.charAt(0) != '|' || isPipeRun(t))) {
            return LineShape.CELL;
        }
        if (t.charAt(0) == '|' && count(t, '|') >= 3) {
            return LineShape.PIPE;
        }
        return TextCells.spaceCells(t).size() >= 3 ? LineShape.SPACE : LineShape.PLAIN;
    }

    /** A line of nothing but pipes: an empty cell ({@code |}) or a row's end ({@code ||||}) in one cell per line. */
    static boolean isPipeRun(String stripped) {
        if (stripped.isEmpty()) {
            return false;
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (stripped.charAt(i) != '|') {
                return false;
            }
        }
        return true;
    }

    /**
     * A comma-separated header row: three or more cells, two of them short cells naming columns (a column name is a
     * few words; a line with an amount like 1,280,000.00 holds values, not column names).
     */
    static boolean isCsvHeader(String line) {
        if (line.indexOf(',') < 0 || THOUSANDS.matcher(line).find()) {
            return false;
        }
        List<String> cells = TextCells.csvLine(line);
        if (cells.size() < 3) {
            return false;
        }
        int naming = 0;
        for (String cell : cells) {
            if (TextCells.strip(cell).length() <= MAX_HEADER_CELL
                    && (containsAny(cell, INDICATOR_COLUMNS) || containsAny(cell, PROJECT_COLUMNS))) {
                naming++;
            }
        }
        return naming >= 2;
    }

    private static int count(String line, List<String> words) {
        int n = 0;
        for (String w : words) {
            if (line.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private static boolean containsAny(String line, List<String> words) {
        return count(line, words) > 0;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
