package org.perfgraph.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the budget year and the region from a document's title line. */
final class TitleLine {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    /** Administrative divisions from the start of a title: 上海市闵行区, 广东省珠海市 … */
    private static final Pattern ADMIN = Pattern.compile(
            "^(?:[\\u4e00-\\u9fa5]{1,15}?(?:特别行政区|自治区|自治州|省|市|区|县|旗|州|盟))+");

    private TitleLine() {
    }

    static Integer year(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = YEAR.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The title's text before the year: who files, e.g. 珠海高新技术产业开发区投资促进中心. */
    static String issuer(String title) {
        if (title == null) {
            return null;
        }
        String t = TextNormalizer.normalizeName(title);
        Matcher m = YEAR.matcher(t);
        return m.find() ? t.substring(0, m.start()) : t;
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
