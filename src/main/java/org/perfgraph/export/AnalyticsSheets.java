package org.perfgraph.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed columns of each exported analytics list. A column names a path of GraphQL fields below the list's row
 * ({@code indicator.code}); the export selects exactly these paths, so a column is the field the API answers. Where a
 * row holds the evidence as a list ({@code statements} of a shared text, {@code pairs} of a cluster, {@code targets}
 * of a boilerplate value), the sheet has one line per element of that list, the row's own fields repeated; a path
 * through any other list joins its values with "; ". {@link #ORDINAL} is the row's 1-based position in the list (the
 * cluster a pair belongs to). The README's "Export" section lists the same headers.
 */
final class AnalyticsSheets {

    /** A list's columns and the path of the list each sheet line stands for (null: one line per row). */
    record Sheet(String explode, List<Columns.Column> columns) {
    }

    static final String ORDINAL = "#";

    private final List<Columns.Column> columns = new ArrayList<>();

    private AnalyticsSheets add(String path, String zh, String en) {
        columns.add(new Columns.Column(path, zh, en, false));
        return this;
    }

    private Sheet sheet(String explode) {
        return new Sheet(explode, List.copyOf(columns));
    }

    /** The quality figures both rankings share, after their subject's columns. */
    private AnalyticsSheets quality() {
        return add("targetCount", "目标数", "targetCount").add("numeric", "数值型", "numeric")
                .add("qualitative", "定性型", "qualitative").add("boolean", "是否型", "boolean").add("text", "文本型", "text")
                .add("deadline", "时限型", "deadline").add("frequency", "频次型", "frequency")
                .add("numericShare", "数值型占比", "numericShare").add("qualitativeShare", "非量化占比", "qualitativeShare")
                .add("deadlineShare", "时限频次占比", "deadlineShare").add("boilerplate", "套用目标数", "boilerplate")
                .add("boilerplateShare", "套用目标占比", "boilerplateShare").add("findings", "问题数", "findings")
                .add("findingsPerTarget", "每目标问题数", "findingsPerTarget");
    }

    static final Map<String, Sheet> OF = Map.of(
            "indicatorReuse", new AnalyticsSheets().add("indicator.id", "指标编号", "indicatorId")
                    .add("indicator.code", "指标编码", "indicatorCode").add("indicator.name", "指标名称", "indicator")
                    .add("projectCount", "项目数", "projectCount").add("unitCount", "单位数", "unitCount")
                    .add("documentCount", "文档数", "documentCount").add("targetCount", "目标数", "targetCount").sheet(null),
            "sharedTexts", new AnalyticsSheets().add("text.id", "文本编号", "textId").add("text.text", "目标文本", "text")
                    .add("projectCount", "项目数", "projectCount").add("blockCount", "块数", "blockCount")
                    .add("statements.project.name", "项目名称", "project").add("statements.kind", "目标类型", "kind")
                    .add("statements.document.name", "文档", "document").add("statements.line", "行", "line")
                    .add("statements.raw", "原文", "raw").sheet("statements"),
            "similarTexts", new AnalyticsSheets().add(ORDINAL, "簇", "cluster").add("size", "簇内文本数", "size")
                    .add("bestScore", "簇内最高相似度", "bestScore").add("pairCount", "相似对数", "pairCount")
                    .add("pairs.score", "相似度", "score").add("pairs.estimate", "估计相似度", "estimate")
                    .add("pairs.a.id", "文本A编号", "textAId").add("pairs.a.text", "文本A", "textA")
                    .add("pairs.b.id", "文本B编号", "textBId").add("pairs.b.text", "文本B", "textB")
                    .add("pairs.changes.a", "A中不同处", "changesA").add("pairs.changes.b", "B中不同处", "changesB")
                    .sheet("pairs"),
            "boilerplateTargets", new AnalyticsSheets().add("indicator.code", "指标编码", "indicatorCode")
                    .add("indicator.name", "指标名称", "indicator").add("value", "指标值", "value")
                    .add("projectCount", "项目数", "projectCount").add("unitCount", "单位数", "unitCount")
                    .add("documentCount", "文档数", "documentCount").add("targets.id", "目标编号", "targetId")
                    .add("targets.project.name", "项目名称", "project").add("targets.project.unit.name", "预算单位", "unit")
                    .add("targets.annual.raw", "年度指标值", "annualRaw").add("targets.source.document.name", "文档", "document")
                    .add("targets.source.line", "行", "line").sheet("targets"),
            "indicatorMatches", new AnalyticsSheets().add("indicator.id", "指标编号", "indicatorId")
                    .add("indicator.name", "指标名称", "indicator").add("targetCount", "目标数", "targetCount")
                    .add("match.code", "建议指标编码", "matchCode").add("match.name", "建议指标名称", "match")
                    .add("score", "相似度", "score").add("sameName", "同名", "sameName")
                    .add("documents.name", "文档", "documents").add("matchDocuments.name", "建议指标所在文档", "matchDocuments")
                    .sheet(null),
            "findings", new AnalyticsSheets().add("id", "编号", "id").add("kind", "问题类型", "kind")
                    .add("severity", "严重程度", "severity").add("message", "说明", "message")
                    .add("project.name", "项目名称", "project").add("target.indicatorName", "三级指标", "indicator")
                    .add("relatedProject.name", "相关项目", "relatedProject").add("document.name", "文档", "document")
                    .add("line", "行", "line").add("place", "位置", "place").sheet(null),
            "targetStats", new AnalyticsSheets().add("label", "分组", "label").add("key.level1", "一级指标", "level1")
                    .add("key.level2", "二级指标", "level2").add("key.valueKind", "值类型", "valueKind")
                    .add("key.comparator", "比较符", "comparator").add("key.unit.code", "单位编码", "unitCode")
                    .add("key.unit.name", "预算单位", "unit").add("key.unit.region", "地区", "region")
                    .add("key.document.name", "文档", "document").add("key.indicator.code", "指标编码", "indicatorCode")
                    .add("key.indicator.name", "三级指标", "indicator").add("count", "目标数", "count")
                    .add("distinctProjects", "项目数", "distinctProjects")
                    .add("distinctIndicators", "指标数", "distinctIndicators").sheet(null),
            "projectStats", new AnalyticsSheets().add("label", "分组", "label").add("key.unit.code", "单位编码", "unitCode")
                    .add("key.unit.name", "预算单位", "unit").add("key.unit.region", "地区", "region")
                    .add("key.year", "年度", "year").add("key.document.name", "文档", "document")
                    .add("key.nature", "项目性质", "nature").add("count", "项目数", "count")
                    .add("targetCount", "目标数", "targetCount").add("amountSum", "金额合计（元）", "amountSum")
                    .add("amountMin", "最小金额（元）", "amountMin").add("amountMax", "最大金额（元）", "amountMax")
                    .add("amountAvg", "平均金额（元）", "amountAvg").sheet(null),
            "qualityByUnit", new AnalyticsSheets().add("unit.id", "单位编号", "unitId").add("unit.code", "单位编码", "unitCode")
                    .add("unit.name", "单位名称", "unit").add("unit.region", "地区", "region")
                    .add("projectCount", "项目数", "projectCount").quality().sheet(null),
            "qualityByProject", new AnalyticsSheets().add("project.id", "项目编号", "projectId")
                    .add("project.name", "项目名称", "project").add("unit.name", "预算单位", "unit")
                    .add("unit.region", "地区", "region").add("document.name", "文档", "document").quality().sheet(null));

    private AnalyticsSheets() {
    }
}
