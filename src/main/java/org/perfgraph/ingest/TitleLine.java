package org.perfgraph.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the budget year and the region from a document's title line. */
final class TitleLine {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    /** Administrative divisions from the start of a title: 上海市闵行区, 广东省珠海市 … */
    private static final Pattern ADMIN = Pattern.compile(
            "^(?:[\\u4e00-\\u9fa5]{1,15}?(?:特别行政区|自治区|自治州|省|市|区|县|旗|州|盟))+");

    /** A year as a title writes it, with 度 and brackets: 2025年度, （2025年）. */
    private static final Pattern YEAR_TOKEN = Pattern.compile("[（(]?(?:19|20)\\d{2}年度?[）)]?");
    /**
     * Where the name of the table begins in a title (项目支出绩效目标表, 部门整体支出绩效目标表, 项目绩效目标申报表,
     * 绩效自评表): the words a table's name starts with, the first one that stands in the title.
     */
    private static final Pattern TABLE_NAME = Pattern.compile(
            "(?:部门|单位)?(?:项目支出|整体支出|支出项目|项目绩效|预算项目|财政支出|财政项目|专项资金|绩效)");

    private TitleLine() {
    }

    static Integer year(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = YEAR.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * Who files, named by the title: the text before the year (珠海高新技术产业开发区投资促进中心 in
     * 珠海高新技术产业开发区投资促进中心2024年…); where the title has no year or starts with it, the text before the
     * table's own name (某县文化馆 in 某县文化馆项目支出绩效目标表 and in 2025年度某县文化馆项目绩效目标表). Null where
     * nothing stands before the table's name (项目支出绩效目标表 names no one): such a title is no unit.
     */
    static String issuer(String title) {
        if (title == null) {
            return null;
        }
        String t = TextNormalizer.normalizeName(title);
        Matcher m = YEAR.matcher(t);
        if (m.find()) {
            String before = t.substring(0, m.start()).replaceAll("[(（]+$", "");
            if (before.length() >= 2) {
                return before;
            }
        }
        String rest = YEAR_TOKEN.matcher(t).replaceAll("");
        Matcher name = TABLE_NAME.matcher(rest);
        String issuer = name.find() ? rest.substring(0, name.start()) : rest;
        return issuer.length() >= 2 ? issuer : null;
    }

    /**
     * The region named by the title: the issuer with the unit name stripped from its end where the unit name is
     * known and shorter (珠海高新技术产业开发区 + 投资促进中心), else the leading administrative divisions
     * (上海市闵行区 from 上海市闵行区投资促进中心). Null where neither gives anything.
     */
    static String region(String title, String unitName) {
        String issuer = issuer(title);
        if (issuer == null || issuer.isEmpty()) {
            return null;
        }
        String unit = unitName == null ? null : TextNormalizer.normalizeName(unitName);
        if (unit != null && !unit.isEmpty() && issuer.endsWith(unit) && issuer.length() > unit.length()) {
            return issuer.substring(0, issuer.length() - unit.length());
        }
        Matcher m = ADMIN.matcher(issuer);
        return m.find() && m.end() > 0 ? m.group() : null;
    }
}
