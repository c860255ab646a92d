package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a performance-target table uses for its columns and labels, in one table: every field the header-row
 * layout reads, with its synonyms and a rank among fields that may fill the same slot (单位名称 over 主管部门 for
 * the unit). A header cell is matched after {@link #key normalisation}: width folded, spaces and line breaks
 * removed (labels broken inside their cell), traditional characters mapped to simplified, a leading year
 * (2024年度总体目标) and a trailing money unit ((万元), （元）) dropped.
 */
final class HeaderVocabulary {

    /** A column or label the layout reads; {@link #key} is the {@link ImportOptions#COLUMN_KEYS} key. */
    enum Field {
        UNIT("unit"), PROJECT("project"), AMOUNT("amount"), GOAL("goal"), LEVEL1("level1"), LEVEL2("level2"),
        INDICATOR("indicator"), VALUE("value"), PERIOD_VALUE("periodValue"), COMPARATOR("comparator"),
        MEASURE_UNIT("measureUnit"), WEIGHT("weight"), DIRECTION("direction"), VALUE_TYPE("valueType"),
        ACTUAL("actual"), SCORE("score"), NOTE("note"),
        /** 项目资金总额: the project's total over its whole period. */
        TOTAL_AMOUNT(null),
        /** 项目性质, 项目类别, 计划开始日期 …: form metadata, kept where the model has a place for it. */
        NATURE(null), CATEGORY(null), DEPARTMENT(null),
        /** 合计 of a whole-unit budget block. */
        BUDGET_TOTAL(null),
        /** Header words that carry nothing the model stores (序号, 执行率, 全年执行数 …) but mark a header row. */
        OTHER(null);

        final String key;

        Field(String key) {
            this.key = key;
        }

        static Field ofKey(String key) {
            for (Field f : values()) {
                if (key.equals(f.key)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** One synonym: the normalised label, its field and its rank (lower wins where one field has two columns). */
    record Synonym(String label, Field field, int rank) {
    }

    private static final List<Synonym> TABLE = new ArrayList<>();

    private static void add(Field field, int rank, String... labels) {
        for (String l : labels) {
            TABLE.add(new Synonym(l, field, rank));
        }
    }

    static {
        add(Field.UNIT, 0, "单位名称", "预算单位", "填报单位", "实施单位", "预算单位名称");
        add(Field.UNIT, 1, "预算部门", "部门名称", "部门");
        add(Field.UNIT, 2, "主管部门", "主管部门及编码", "主管部门(及编码)");
        add(Field.PROJECT, 0, "项目名称", "项目支出名称", "项目");
        add(Field.AMOUNT, 0, "全年预算数", "年度资金申请总额", "本年预算", "预算数", "金额", "预算金额", "年度预算",
                "本年预算数", "资金金额", "项目金额", "年度资金总额", "项目资金");
        add(Field.AMOUNT, 1, "年初预算数");
        add(Field.TOTAL_AMOUNT, 0, "项目资金总额", "项目总金额", "资金总额");
        add(Field.GOAL, 0, "年度目标", "年度绩效目标", "总体目标", "总体绩效目标", "实施期目标", "中期目标", "长期目标",
                "绩效目标", "年度总体目标", "项目总目标", "整体绩效目标");
        add(Field.LEVEL1, 0, "一级指标");
        add(Field.LEVEL2, 0, "二级指标");
        add(Field.INDICATOR, 0, "三级指标", "指标名称", "指标内容", "绩效指标", "三级指标名称");
        add(Field.VALUE, 0, "指标值", "目标值", "年度指标值", "指标值及单位", "当年预期实现值", "年度目标值", "年度值",
                "预期目标值", "年度预期值", "绩效指标值");
        add(Field.PERIOD_VALUE, 0, "实施周期指标值", "中期指标值", "长期指标值", "实施期指标值", "中期目标值",
                "长期目标值", "实施期目标值", "实施周期目标值", "实施周期");
        add(Field.COMPARATOR, 0, "指标性质", "指标值性质", "比较符");
        add(Field.MEASURE_UNIT, 0, "度量单位", "计量单位", "计量单位名称");
        add(Field.WEIGHT, 0, "权重", "分值", "指标权重", "权重(%)");
        add(Field.DIRECTION, 0, "指标方向性", "指标方向");
        add(Field.VALUE_TYPE, 0, "指标值类型", "指标类型");
        add(Field.ACTUAL, 0, "实际完成值", "实际值", "全年实际值", "完成值");
        add(Field.SCORE, 0, "得分", "自评得分");
        add(Field.NOTE, 0, "指标解释", "评(扣)分标准", "评扣分标准", "评分标准", "备注", "绩效标准",
                "偏差原因分析", "偏差原因", "偏差原因分析及改进措施", "指标说明", "未完成原因分析");
        add(Field.NATURE, 0, "项目性质");
        add(Field.CATEGORY, 0, "项目类别", "项目类型");
        add(Field.BUDGET_TOTAL, 0, "合计", "预算合计", "部门预算合计", "收入合计", "支出合计", "资金合计");
        add(Field.OTHER, 0, "序号", "全年执行数", "执行率", "执行数", "计划开始日期", "计划完成日期", "项目期限",
                "项目负责人", "联系电话", "基本支出", "项目支出", "年度主要任务", "任务名称", "主要内容", "编码",
                "指标", "绩效指标值类型");
    }

    /** Label → its first synonym: every row of a large table is asked whether it is a header. */
    private static final java.util.Map<String, Synonym> BY_LABEL = new java.util.HashMap<>();

    static {
        for (Synonym s : TABLE) {
            BY_LABEL.putIfAbsent(s.label(), s);
        }
    }

    /** Sub-header words over or under a value column that make it a period or an annual value. */
    private static final List<String> PERIOD_WORDS = List.of("实施周期", "实施期", "中期", "长期", "周期");
    private static final List<String> ANNUAL_WORDS = List.of("年度", "本年", "当年");

    /** The few traditional characters of the table vocabulary, mapped for matching only (raw text is kept). */
    /** The traditional characters of the table vocabulary and their simplified forms, for matching only. */
    private static final String TRADITIONAL = "級標單長項稱預數額績實際權値質產滿時經濟會態環續響對務總門編碼計評準註備應參與資報復審體規範達齊證區縣鎮調協發開設檢驗內類別並創業據幣費圍萬";
    private static final String SIMPLIFIED = "级标单长项称预数额绩实际权值质产满时经济会态环续响对务总门编码计评准注备应参与资报复审体规范达齐证区县镇调协发开设检验内类别并创业据币费围万";

    private static final Pattern LEADING_YEAR = Pattern.compile("^(?:19|20)\\d{2}年度?");
    /** A money unit in brackets at the end of a label: 金额(万元), 年度预算（元）. */
    private static final Pattern MONEY_SUFFIX = Pattern.compile("\\((万元|元|千元|亿元)\\)$");
    /** 单位：万元 / 金额单位:元 as a row of its own. */
    private static final Pattern MONEY_UNIT_NOTE = Pattern.compile("(?:金额)?单位[:：]\\s*(万元|元|千元|亿元)");

    private HeaderVocabulary() {
    }

    /** The matching form of a label: folded, whitespace removed, traditional → simplified, year and money unit off. */
    static String key(String text) {
        String k = simplified(TextNormalizer.normalizeName(text == null ? "" : text));
        k = k.replace('（', '(').replace('）', ')');
        k = LEADING_YEAR.matcher(k).replaceFirst("");
        k = MONEY_SUFFIX.matcher(k).replaceFirst("");
        while (k.endsWith(":") || k.endsWith("：") || k.endsWith("*")) {
            k = k.substring(0, k.length() - 1);
        }
        while (k.startsWith("*")) {
            k = k.substring(1);
        }
        return k;
    }

    static String simplified(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int t = TRADITIONAL.indexOf(c);
            out.append(t >= 0 ? SIMPLIFIED.charAt(t) : c);
        }
        return out.toString();
    }

    /**
     * The synonym a header cell is: an exact match of its key, else of its key without a bracketed gloss (主管部门
     * (及编码), 权重(%)); null where the cell is not a header word.
     */
    static Synonym match(String cell) {
        String k = key(cell);
        if (k.isEmpty() || k.length() > 20) {
            return null;
        }
        Synonym s = exact(k);
        if (s == null) {
            String bare = k.replaceAll("\\([^)]*\\)", "");
            if (!bare.equals(k) && !bare.isEmpty()) {
                s = exact(bare);
            }
        }
        if (s == null) {
            s = qualifiedValue(k);
        }
        return s;
    }

    private static Synonym exact(String k) {
        return BY_LABEL.get(k);
    }

    /** 2024年指标值, 中期指标值(2024-2026年), 年度指标值及单位: a value column with a period or annual word. */
    private static Synonym qualifiedValue(String k) {
        if (!(k.contains("指标值") || k.contains("目标值"))) {
            return null;
        }
        return new Synonym(k, periodWord(k) ? Field.PERIOD_VALUE : Field.VALUE, 1);
    }

    /** A sub-header (中期, 年度, 长期, 实施期) that says which of two value columns it heads. */
    static boolean periodWord(String k) {
        return PERIOD_WORDS.stream().anyMatch(k::contains);
    }

    static boolean annualWord(String k) {
        return ANNUAL_WORDS.stream().anyMatch(k::contains);
    }

    /** A cell that is only a period/annual sub-header (中期, 年度, 2024年度, 实施期(2024-2026)). */
    static boolean isSubHeader(String cell) {
        if (cell.indexOf('：') >= 0 || cell.indexOf(':') >= 0) {
            return false; // 年度预算：150 is a label and its value, not a 年度 sub-header
        }
        String k = key(cell).replaceAll("\\([^)]*\\)", "").replaceAll("\\d", "");
        return !k.isEmpty() && k.length() <= 6 && (periodWord(k) || annualWord(k) || k.equals("年"))
                && !k.contains("指标") && !k.contains("目标");
    }

    /** The money unit of a 单位：万元 note, or null. */
    static String moneyUnitNote(String text) {
        Matcher m = MONEY_UNIT_NOTE.matcher(TextNormalizer.normalizeName(text));
        return m.find() ? m.group(1) : null;
    }

    /** The money unit written after a label (金额(万元) → 万元), or null. */
    static String moneyUnitOfLabel(String label) {
        String k = TextNormalizer.normalizeName(label).replace('（', '(').replace('）', ')');
        Matcher m = MONEY_SUFFIX.matcher(k);
        return m.find() ? m.group(1) : null;
    }

    /** Labels expected in a header row, for the refusal of a table whose header the vocabulary does not know. */
    static String expectedNames() {
        return "一级指标, 二级指标, 三级指标 (or 指标名称/指标内容/绩效指标) and a value column (指标值/目标值/"
                + "年度指标值/当年预期实现值), optionally 单位名称/预算单位, 项目名称, 预算数/金额, 指标性质, 度量单位, 权重/分值,"
                + " 实际完成值, 得分";
    }
}
