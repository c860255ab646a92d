package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one target value cell exactly as the importer does. The raw text is always kept; the rest is the
 * reader's interpretation:
 * <ul>
 * <li>{@code 是}/{@code 否} → BOOLEAN, normalized {@code 是}/{@code 否};</li>
 * <li>a date ({@code 2024年10月底前完成}, {@code 及时，2024年12月底前完成}, {@code 12月底} with the year from the
 * document) → DEADLINE, end of month where only a month is given, normalized as ISO date {@code 2024-10-31};</li>
 * <li>{@code 每…}, {@code 全年}, {@code 当天} … → FREQUENCY, normalized as the folded text;</li>
 * <li>a short text without digits made only of the qualitative vocabulary ({@code 达标}, {@code 健全},
 * {@code 较上年提升}, {@code 机制健全、执行有效} …) → QUALITATIVE, normalized as the folded text;</li>
 * <li>one number with an optional comparator (symbol, LaTeX {@code \geq} or word: 大于等于/不低于/不少于/以上 → ≥,
 * 小于等于/不超过/不高于/以内 → ≤, 大于/超过 → &gt;, 小于/低于 → &lt;, 等于/= → =, none → =), an optional unit
 * ({@code (%)}, {@code %}, {@code (万元)}, or a known measure word after the number) and an optional qualifier
 * noun → NUMERIC;</li>
 * <li>anything else → TEXT, normalized as the folded text.</li>
 * </ul>
 * NUMERIC normalized form: comparator symbol, the number without trailing zeros, the unit; the qualifier is not
 * part of it ({@code $\geq 90.00\%$}, {@code ≥90.00 (%)}, {@code 大于等于90%} → {@code ≥90%};
 * {@code 1家事务所} → {@code =1家} with qualifier 事务所; {@code ≥40个街镇招商部门} → {@code ≥40个} with qualifier
 * 街镇招商部门; {@code 招商展板制作>20} → {@code >20} with qualifier 招商展板制作). After a number, the longest known
 * measure word is the unit and the rest the qualifier; 万 or 亿 before a measure word is part of the unit
 * ({@code ≥120万平方米} → {@code ≥120万平方米}, {@code 10万册} → {@code =10万册}); an unknown short suffix is kept
 * whole as the unit.
 */
public final class ValueNormalizer {

    private record Token(String text, Comparator comparator) {
    }

    /** Longest first, so that 大于等于 wins over 大于. */
    private static final List<Token> PREFIX_COMPARATORS = List.of(
            new Token("大于或等于", Comparator.GE), new Token("小于或等于", Comparator.LE),
            new Token("大于等于", Comparator.GE), new Token("小于等于", Comparator.LE),
            new Token("不低于", Comparator.GE), new Token("不少于", Comparator.GE), new Token("不小于", Comparator.GE),
            new Token("不超过", Comparator.LE), new Token("不高于", Comparator.LE), new Token("不大于", Comparator.LE),
            new Token("不多于", Comparator.LE),
            new Token("至少", Comparator.GE), new Token("最多", Comparator.LE),
            new Token("大于", Comparator.GT), new Token("超过", Comparator.GT), new Token("高于", Comparator.GT),
            new Token("多于", Comparator.GT),
            new Token("小于", Comparator.LT), new Token("低于", Comparator.LT), new Token("少于", Comparator.LT),
            new Token("等于", Comparator.EQ),
            new Token(">=", Comparator.GE), new Token("<=", Comparator.LE),
            new Token("≥", Comparator.GE), new Token("≧", Comparator.GE), new Token("≤", Comparator.LE),
            new Token("≦", Comparator.LE), new Token(">", Comparator.GT), new Token("<", Comparator.LT),
            new Token("=", Comparator.EQ));

    private static final List<Token> SUFFIX_COMPARATORS = List.of(
            new Token("及以上", Comparator.GE), new Token("以上", Comparator.GE),
            new Token("及以下", Comparator.LE), new Token("以下", Comparator.LE), new Token("以内", Comparator.LE));

    /** Measure words recognised after a number, longest first where one is a prefix of another. */
    private static final List<String> UNITS = List.of(
            "个工作日", "工作日", "个月", "万人次", "人次", "平方米", "平方公里", "立方米", "公里", "万元", "亿元", "元",
            "小时", "分钟", "场次", "批次", "户次", "%", "‰", "个", "次", "人", "家", "项", "场", "份", "户", "起", "天",
            "日", "年", "月", "周", "篇", "期", "套", "台", "件", "条", "所", "本", "册", "场", "名", "座", "栋", "间",
            "批", "类", "笔", "张", "部", "万", "米", "吨", "亩", "辆", "株", "棵", "幅", "块", "处", "门", "节", "课时");

    /** Measure words that carry their multiplier already: no second 万 before them. */
    private static final Set<String> MULTIPLIED = Set.of("万人次", "万元", "亿元", "万");

    private static final Set<String> FREQUENCY_WORDS = Set.of(
            "全年", "当天", "当日", "实时", "即时", "随时", "常年", "全年度", "定期", "长期", "日常", "每日", "每天");

    /** The qualitative vocabulary; a value qualifies when it is made only of these and connectors. */
    private static final List<String> QUALITATIVE_WORDS = List.of(
            "满足计划改造需求", "一次性验收通过", "符合政策规定", "达到预期目标", "符合相关规定", "符合要求", "符合标准",
            "满足需求", "验收通过", "有效保障", "安全稳定", "机制健全", "执行有效", "达到预期", "较上年", "进一步",
            "达标", "健全", "及时", "合规", "提升", "增强", "满意", "相关", "契合", "合格", "提高", "保障", "有效",
            "安全", "稳定", "完善", "良好", "优良", "优秀", "显著", "明显", "逐步", "持续", "不断", "有所", "较好",
            "基本", "全面", "规范", "准确", "完成", "按时", "按期", "正常", "可控", "改善", "加强", "促进", "符合",
            "通过", "到位", "充分", "稳步", "大幅", "较大", "一定", "有", "高", "好", "较", "很", "非常", "比较");

    private static final String CONNECTORS = "、,;/和且并与及";

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(?:底|末|份|前|以前|之前)");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");
    private static final Pattern YEAR_END = Pattern.compile("(?:(\\d{4})\\s*)?年\\s*(?:底|末)");

    private static final int DEADLINE_MAX_LENGTH = 40;
    private static final int QUALIFIER_MAX_LENGTH = 16;
    /** Longer digit runs are identifiers or garbage, not target values. */
    private static final int MAX_NUMBER_LENGTH = 30;

    private ValueNormalizer() {
    }

    /**
     * Normalises one value cell.
     *
     * @param raw          the cell verbatim; null gives null
     * @param documentYear the document's budget year, used where a deadline names no year; may be null
     */
    public static TargetValue parse(String raw, Integer documentYear) {
        if (raw == null) {
            return null;
        }
        String compact = compact(raw);
        String folded = TextNormalizer.normalize(raw);
        if (compact.isEmpty()) {
            return text(raw, "");
        }
        if (compact.equals("是") || compact.equals("否")) {
            return new TargetValue(raw, ValueKind.BOOLEAN, null, null, null, null, null, compact);
        }
        LocalDate deadline = deadline(compact, documentYear);
        if (deadline != null) {
            return new TargetValue(raw, ValueKind.DEADLINE, null, null, null, null, deadline, deadline.toString());
        }
        if (compact.indexOf('月') >= 0 && MONTH.matcher(compact).find()) {
            return text(raw, folded); // a month-end without a year to place it in
        }
        if (!hasDigit(compact) && (compact.startsWith("每") || FREQUENCY_WORDS.contains(compact))) {
            return new TargetValue(raw, ValueKind.FREQUENCY, null, null, null, null, null, compact);
        }
        if (!hasDigit(compact) && isQualitative(compact)) {
            return new TargetValue(raw, ValueKind.QUALITATIVE, null, null, null, null, null, compact);
        }
        TargetValue numeric = numeric(raw, compact);
        return numeric != null ? numeric : text(raw, folded);
    }

    /**
     * A value read from separate columns: what {@link #parse(String, String, String, Integer)} made of them and
     * what disagreed.
     *
     * @param value     the value; raw is the cells joined in comparator-value-unit order
     * @param conflicts what the columns said against the value cell (comparator or unit), empty where nothing
     * @param fraction  true where a number ≤ 1 under a % unit column was read as a fraction (0.9 → 90%)
     */
    record SplitValue(TargetValue value, List<String> conflicts, boolean fraction) {
    }

    /**
     * Reads a value split over columns: 指标性质 (the comparator), 指标值 and 度量单位. The comparator and unit
     * columns win over what the value cell implies, and every disagreement is reported; a number ≤ 1 in a column
     * whose unit is % and whose cell writes no unit is a fraction exported by a spreadsheet (0.9 → 90%).
     *
     * @param comparatorCell the 指标性质 cell (≥, ≤, =, 大于等于 …), or null
     * @param valueCell      the value cell; null or blank gives null
     * @param unitCell       the 度量单位 cell, or null
     * @param documentYear   the document's year for deadlines without one
     */
    static SplitValue parse(String comparatorCell, String valueCell, String unitCell, Integer documentYear) {
        if (valueCell == null || valueCell.isBlank()) {
            return null;
        }
        String comparatorText = comparatorCell == null ? "" : compact(comparatorCell);
        String unitText = unitCell == null ? "" : compact(unitCell);
        if (unitText.startsWith("(") && unitText.endsWith(")") && unitText.length() > 2) {
            unitText = unitText.substring(1, unitText.length() - 1);
        }
        String raw = (comparatorCell == null ? "" : comparatorCell.trim()) + valueCell.trim()
                + (unitCell == null ? "" : unitCell.trim());
        TargetValue cell = parse(valueCell, documentYear);
        if (cell.kind() != ValueKind.NUMERIC) {
            TargetValue joined = parse(raw, documentYear);
            return new SplitValue(joined.kind() == ValueKind.NUMERIC ? joined
                    : new TargetValue(raw, cell.kind(), cell.comparator(), cell.number(), cell.unit(), cell.qualifier(),
                    cell.deadline(), cell.normalized()), List.of(), false);
        }
        List<String> conflicts = new java.util.ArrayList<>();
        Comparator comparator = cell.comparator();
        Comparator column = comparatorOf(comparatorText);
        if (column != null) {
            if (writesComparator(compact(valueCell)) && column != cell.comparator()) {
                conflicts.add("指标性质 " + column.symbol() + " but the value says " + cell.comparator().symbol());
            }
            comparator = column;
        }
        String unit = cell.unit();
        if (!unitText.isEmpty()) {
            if (unit != null && !unit.equals(unitText)) {
                conflicts.add("度量单位 " + unitText + " but the value says " + unit);
            }
            unit = unitText;
        }
        BigDecimal number = cell.number();
        boolean fraction = false;
        if ("%".equals(unitText) && cell.unit() == null && number.signum() > 0 && number.compareTo(BigDecimal.ONE) <= 0) {
            number = number.movePointRight(2);
            fraction = true;
        }
        String normalized = comparator.symbol() + number.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
        return new SplitValue(new TargetValue(raw, ValueKind.NUMERIC, comparator, number, unit, cell.qualifier(), null,
                normalized), List.copyOf(conflicts), fraction);
    }

    /** The comparator a 指标性质 cell names (≥, 大于等于, 正向 is not one), or null. */
    static Comparator comparatorOf(String cell) {
        String c = cell == null ? "" : compact(cell);
        if (c.isEmpty()) {
            return null;
        }
        for (Token t : PREFIX_COMPARATORS) {
            if (c.equals(t.text())) {
                return t.comparator();
            }
        }
        for (Token t : SUFFIX_COMPARATORS) {
            if (c.equals(t.text())) {
                return t.comparator();
            }
        }
        return null;
    }

    /** Whether a value cell writes its comparator itself (≥90, 不低于90, 90以上) rather than implying =. */
    private static boolean writesComparator(String compact) {
        for (Token t : PREFIX_COMPARATORS) {
            if (compact.contains(t.text())) {
                return true;
            }
        }
        for (Token t : SUFFIX_COMPARATORS) {
            if (compact.endsWith(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell is a measure word on its own (个, 人次, %, 平方米). */
    static boolean isUnitWord(String cell) {
        String c = cell == null ? "" : compact(cell);
        if (c.startsWith("(") && c.endsWith(")") && c.length() > 2) {
            c = c.substring(1, c.length() - 1);
        }
        String measure = measureAt(c);
        return measure != null && measure.length() == c.length();
    }

    /**
     * The measure word the text starts with, or null: a known one (longest first), or 万/亿 and the measure after
     * it, so 万平方米, 万册 and 万人 keep their measure instead of reading as 万 with a qualifier 平方米; 万 or 亿
     * alone is the unit when no measure follows. The number stays as written (120 in ≥120万平方米, as 109.45 in
     * 109.45万元): the unit says its scale.
     */
    private static String measureAt(String text) {
        if (text.startsWith("万") || text.startsWith("亿")) {
            String rest = text.substring(1);
            for (String u : UNITS) {
                if (rest.startsWith(u) && !MULTIPLIED.contains(u)) {
                    return text.charAt(0) + u;
                }
            }
        }
        for (String u : UNITS) {
            if (text.startsWith(u)) {
                return u;
            }
        }
        return null;
    }

    private static TargetValue text(String raw, String normalized) {
        return new TargetValue(raw, ValueKind.TEXT, null, null, null, null, null, normalized);
    }

    /** Width folded, LaTeX math unwrapped, every whitespace removed. */
    static String compact(String raw) {
        String s = TextNormalizer.foldWidth(raw);
        if (s.indexOf('\\') >= 0 || s.indexOf('$') >= 0) {
            s = s.replace("$", "")
                    .replace("\\geqslant", "≥").replace("\\leqslant", "≤")
                    .replace("\\geq", "≥").replace("\\leq", "≤").replace("\\ge", "≥").replace("\\le", "≤")
                    .replace("\\gt", ">").replace("\\lt", "<").replace("\\%", "%").replace("\\,", "");
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static LocalDate deadline(String s, Integer documentYear) {
        if (s.length() > DEADLINE_MAX_LENGTH || !mayHoldDate(s)) {
            return null;
        }
        Matcher m = FULL_DATE.matcher(s);
        if (m.find()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = MONTH.matcher(s);
        if (m.find()) {
            Integer year = m.group(1) != null ? Integer.valueOf(m.group(1)) : documentYear;
            return year == null ? null : endOfMonth(year, Integer.parseInt(m.group(2)));
        }
        m = YEAR_MONTH.matcher(s);
        if (m.find()) {
            return endOfMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR_END.matcher(s);
        if (m.find()) {
            Integer year = m.group(1) != null ? Integer.valueOf(m.group(1)) : documentYear;
            return year == null ? null : LocalDate.of(year, 12, 31);
        }
        return null;
    }

    /** A cheap test before the date patterns run: every one of them needs one of these characters. */
    private static boolean mayHoldDate(String s) {
        return s.indexOf('月') >= 0 || s.indexOf('年') >= 0 || s.indexOf('-') >= 0 || s.indexOf('/') >= 0
                || s.indexOf('.') >= 0;
    }

    private static LocalDate endOfMonth(int year, int month) {
        return month >= 1 && month <= 12 ? YearMonth.of(year, month).atEndOfMonth() : null;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean isQualitative(String s) {
        if (s.length() > 20) {
            return false;
        }
        int i = 0;
        boolean word = false;
        outer:
        while (i < s.length()) {
            for (String w : QUALITATIVE_WORDS) {
                if (s.startsWith(w, i)) {
                    i += w.length();
                    word = true;
                    continue outer;
                }
            }
            if (CONNECTORS.indexOf(s.charAt(i)) >= 0) {
                i++;
                continue;
            }
            return false;
        }
        return word;
    }

    private static TargetValue numeric(String raw, String s) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (start >= 0) {
                    return null; // a second number: a range or a sentence, not one target
                }
                start = i;
                int j = i;
                while (j < s.length() && (isDigit(s.charAt(j))
                        || (s.charAt(j) == ',' && isGroup(s, j))
                        || (s.charAt(j) == '.' && j + 1 < s.length() && isDigit(s.charAt(j + 1))))) {
                    j++;
                }
                end = j;
                i = j - 1;
            }
        }
        if (start < 0 || end - start > MAX_NUMBER_LENGTH) {
            return null;
        }
        BigDecimal number = new BigDecimal(s.substring(start, end).replace(",", ""));
        String prefix = s.substring(0, start);
        String suffix = s.substring(end);

        Comparator comparator = null;
        for (Token t : PREFIX_COMPARATORS) {
            if (prefix.endsWith(t.text())) {
                comparator = t.comparator();
                prefix = prefix.substring(0, prefix.length() - t.text().length());
                break;
            }
        }
        for (Token t : SUFFIX_COMPARATORS) {
            if (suffix.endsWith(t.text())) {
                if (comparator == null) {
                    comparator = t.comparator();
                }
                suffix = suffix.substring(0, suffix.length() - t.text().length());
                break;
            }
        }
        String unit = null;
        String qualifier = null;
        if (suffix.startsWith("(") && suffix.indexOf(')') > 0) {
            int close = suffix.indexOf(')');
            unit = suffix.substring(1, close);
            qualifier = suffix.substring(close + 1);
        } else if (!suffix.isEmpty()) {
            unit = measureAt(suffix);
            if (unit == null) {
                unit = suffix;
            } else {
                qualifier = suffix.substring(unit.length());
            }
        }
        if (unit != null && (unit.isEmpty() || !plausibleWord(unit))) {
            if (unit.isEmpty()) {
                unit = null;
            } else {
                return null;
            }
        }
        if (qualifier != null && qualifier.isEmpty()) {
            qualifier = null;
        }
        if (!prefix.isEmpty()) {
            if (qualifier != null) {
                return null; // nouns on both sides of the number: a sentence, not a value
            }
            qualifier = prefix;
        }
        if (qualifier != null && !plausibleWord(qualifier)) {
            return null;
        }
        if (comparator == null) {
            comparator = Comparator.EQ;
        }
        String normalized = comparator.symbol() + number.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
        return new TargetValue(raw, ValueKind.NUMERIC, comparator, number, unit, qualifier, null, normalized);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A thousands separator: a comma followed by exactly three digits. */
    private static boolean isGroup(String s, int comma) {
        for (int k = 1; k <= 3; k++) {
            if (comma + k >= s.length() || !isDigit(s.charAt(comma + k))) {
                return false;
            }
        }
        return comma + 4 >= s.length() || !isDigit(s.charAt(comma + 4));
    }

    /** A short noun: no punctuation that would make it a clause. */
    private static boolean plausibleWord(String w) {
        if (w.length() > QUALIFIER_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (",.;:!?。;，、()".indexOf(w.charAt(i)) >= 0 && !w.equals("%")) {
                return false;
            }
        }
        return true;
    }
}
