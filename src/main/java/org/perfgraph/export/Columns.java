package org.perfgraph.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed columns of each exported list: the key a cell is read from (a property of the node or a link the
 * export's Cypher adds), its Chinese header (the default) and its English one ({@code ?headers=en}). The README's
 * "Export" section lists the same.
 */
final class Columns {

    /** One column; money cells hold fen and are written in yuan as exact decimals. */
    record Column(String key, String zh, String en, boolean money) {
        Object cell(Map<String, Object> row) {
            Object v = row.get(key);
            if (v == null) {
                return null;
            }
            if (money) {
                return BigDecimal.valueOf(((Number) v).longValue(), 2);
            }
            return v;
        }

        String header(boolean english) {
            return english ? en : zh;
        }
    }

    private final List<Column> columns = new ArrayList<>();

    private Columns add(String key, String zh, String en) {
        columns.add(new Column(key, zh, en, false));
        return this;
    }

    private Columns money(String key, String zh, String en) {
        columns.add(new Column(key, zh, en, true));
        return this;
    }

    static final Map<String, List<Column>> OF = Map.of(
            "units", new Columns().add("id", "编号", "id").add("code", "单位编码", "code").add("name", "单位名称", "name")
                    .add("region", "地区", "region").add("projectCount", "项目数", "projectCount").columns,
            "projects", new Columns().add("id", "编号", "id").add("name", "项目名称", "name")
                    .add("unitCode", "单位编码", "unitCode").add("unit", "预算单位", "unit").add("region", "地区", "region")
                    .add("year", "年度", "year").money("amountCents", "金额（元）", "amount")
                    .money("totalAmountCents", "总金额（元）", "totalAmount").add("nature", "项目性质", "nature")
                    .add("category", "项目类别", "category").add("department", "主管部门", "department")
                    .add("startDate", "开始日期", "startDate").add("endDate", "结束日期", "endDate")
                    .add("document", "文档", "document").add("line", "行", "line").add("blocks", "块数", "blocks")
                    .add("targetCount", "指标数", "targetCount").columns,
            "targets", new Columns().add("id", "编号", "id").add("project", "项目名称", "project")
                    .add("unitCode", "单位编码", "unitCode").add("unit", "预算单位", "unit").add("region", "地区", "region")
                    .add("indicatorCode", "指标编码", "indicatorCode").add("indicator", "三级指标", "indicator")
                    .add("level1", "一级指标", "level1").add("level2", "二级指标", "level2")
                    .add("annualRaw", "年度指标值", "annualRaw").add("annualNormalized", "年度指标值（规范化）", "annualNormalized")
                    .add("annualKind", "年度值类型", "annualKind").add("annualComparator", "年度比较符", "annualComparator")
                    .add("annualNumberText", "年度数值", "annualNumber").add("annualUnit", "年度计量单位", "annualUnit")
                    .add("periodRaw", "实施周期指标值", "periodRaw")
                    .add("periodNormalized", "实施周期指标值（规范化）", "periodNormalized")
                    .add("actualRaw", "实际完成值", "actualRaw").add("weightText", "权重", "weight")
                    .add("scoreText", "得分", "score").add("document", "文档", "document").add("line", "行", "line")
                    .add("place", "位置", "place").columns,
            "indicators", new Columns().add("id", "编号", "id").add("code", "指标编码", "code").add("name", "指标名称", "name")
                    .add("normalizedName", "规范化名称", "normalizedName").add("coded", "有编码", "coded")
                    .add("targetCount", "目标数", "targetCount").add("projectCount", "项目数", "projectCount")
                    .add("unitCount", "单位数", "unitCount").columns,
            "categories", new Columns().add("id", "编号", "id").add("level", "级别", "level").add("code", "编码", "code")
                    .add("name", "名称", "name").add("parent", "上级", "parent").add("targetCount", "目标数", "targetCount").columns,
            "texts", new Columns().add("id", "编号", "id").add("text", "文本", "text").add("normalized", "规范化文本", "normalized")
                    .add("length", "长度", "length").add("projectCount", "项目数", "projectCount").columns,
            "documents", new Columns().add("id", "编号", "id").add("name", "文档名称", "name").add("title", "标题", "title")
                    .add("format", "格式", "format").add("kind", "类型", "kind").add("fileKind", "文件类型", "fileKind")
                    .add("region", "地区", "region").add("year", "年度", "year").add("importedAt", "导入时间", "importedAt")
                    .add("lineCount", "行数", "lineCount").add("projectCount", "项目数", "projectCount")
                    .add("targetCount", "目标数", "targetCount").add("hash", "内容哈希", "hash").columns);

    /** Lists whose rows need links or computed counts read beside the node (cypher/export/&lt;list&gt;.cypher). */
    static final java.util.Set<String> LINKED = java.util.Set.of("units", "projects", "targets", "indicators", "categories");

    private Columns() {
    }
}
