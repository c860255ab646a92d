package org.perfgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A stored document as tab-export text (the layout of the tab seed, which the importer reads as TAB_EXPORT): the
 * title line, the header row, then one block per project: a header row with the unit, the project, the amount in
 * yuan, the goal texts and the first target, and a row per further target with the first five cells empty. A project
 * that states more than one distinct pair of goal texts (the same project declared over several blocks with other
 * goals) repeats its header row on its next target rows, one per further pair, which the reader merges back into the
 * one project, so every stored goal text comes back. Codes are written before names as the export writes them
 * ({@code 1-产出指标}, {@code 113001668-资金拨付及时率}); values as stored (the raw text, with any edit applied).
 * Trailing columns follow where any row of the document has a value for them, each named by a title the reader
 * knows: 实际完成值, 权重, 得分, 一级指标分值, 指标方向性 and 备注 on every target row, then 项目性质, 项目类别, 主管部门,
 * 计划开始日期, 计划完成日期 and 项目资金总额（元） on a block's header rows. A tab or line break
 * inside a cell (a wrapped spreadsheet cell) becomes a space: the layout has no quoting.
 */
final class DocumentTsv {

    private DocumentTsv() {
    }

    /** A trailing column: its title (what TabExportLayout reads it by) and the field of the query row it writes. */
    private record Trailing(String title, String field) {
    }

    /** Project cells, written on a block's header rows: what forms and header tables carry beyond the tab layout. */
    private static final List<Trailing> PROJECT_COLUMNS = List.of(new Trailing("项目性质", "nature"),
            new Trailing("项目类别", "category"), new Trailing("主管部门", "department"),
            new Trailing("计划开始日期", "startDate"), new Trailing("计划完成日期", "endDate"),
            new Trailing("项目资金总额（元）", "totalAmount"));
    /** Target cells, on every target row. */
    private static final List<Trailing> TARGET_COLUMNS = List.of(new Trailing("实际完成值", "actualRaw"),
            new Trailing("权重", "weightText"), new Trailing("得分", "scoreText"), new Trailing("一级指标分值", "pointsText"),
            new Trailing("指标方向性", "direction"), new Trailing("备注", "notes"));

    /** The text of the document row and projects of cypher/export/document.cypher. */
    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> document, List<Map<String, Object>> projects) {
        List<Trailing> projectColumns = PROJECT_COLUMNS.stream().filter(c -> projects.stream()
                .anyMatch(p -> p.get(c.field()) != null)).toList();
        List<Trailing> targetColumns = TARGET_COLUMNS.stream().filter(c -> any(projects, c.field())).toList();
        Object year = document.get("year");
        String y = year == null ? "" : year.toString();
        StringBuilder out = new StringBuilder();
        if (document.get("title") != null) {
            out.append(cell(document.get("title"))).append("\n\n");
        }
        List<String> header = new ArrayList<>(List.of("预算单位", "项目名称", "金额（元）", y + "年度总体绩效目标",
                y + "年度绩效目标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"));
        targetColumns.forEach(c -> header.add(c.title()));
        projectColumns.forEach(c -> header.add(c.title()));
        line(out, header);
        // a project without targets first: its header row reads as a block without an indicator, which the reader
        // accepts anywhere but on the last line
        List<Map<String, Object>> ordered = new ArrayList<>();
        projects.stream().filter(p -> ((List<?>) p.get("targets")).isEmpty()).forEach(ordered::add);
        projects.stream().filter(p -> !((List<?>) p.get("targets")).isEmpty()).forEach(ordered::add);
        for (Map<String, Object> p : ordered) {
            List<List<String>> goals = goalPairs((List<Map<String, Object>>) p.get("goals"));
            List<Map<String, Object>> targets = (List<Map<String, Object>>) p.get("targets");
            String unit = p.get("unitCode") == null ? cell(p.get("unit")) : p.get("unitCode") + "-" + cell(p.get("unit"));
            int rows = Math.max(1, targets.size());
            for (int r = 0; r < rows; r++) {
                List<String> cells = new ArrayList<>();
                boolean blockHeader = r == 0 || r < goals.size();
                if (blockHeader) {
                    List<String> pair = r < goals.size() ? goals.get(r) : List.of("", "");
                    cells.addAll(List.of(unit, cell(p.get("name")), cell(p.get("amount")), pair.get(0), pair.get(1)));
                } else {
                    cells.addAll(List.of("", "", "", "", ""));
                }
                Map<String, Object> t = r < targets.size() ? targets.get(r) : Map.of();
                cells.add(coded(t.get("level1Code"), t.get("level1")));
                cells.add(coded(t.get("level2Code"), t.get("level2")));
                cells.add(coded(t.get("indicatorCode"), t.get("indicator")));
                cells.add(cell(t.get("periodRaw")));
                cells.add(cell(t.get("annualRaw")));
                for (Trailing c : targetColumns) {
                    cells.add(c.field().equals("direction") ? direction(t.get("direction")) : cell(t.get(c.field())));
                }
                for (Trailing c : projectColumns) {
                    cells.add(blockHeader ? cell(p.get(c.field())) : "");
                }
                line(out, cells);
            }
        }
        return out.toString();
    }

    /** 指标方向性 as the documents write it. */
    private static String direction(Object stored) {
        return "POSITIVE".equals(stored) ? "正向" : "NEGATIVE".equals(stored) ? "反向" : cell(stored);
    }

    /** The distinct (overall, annual) goal texts of a project's blocks, in the order of their lines. */
    private static List<List<String>> goalPairs(List<Map<String, Object>> goals) {
        Map<Object, String[]> byLine = new java.util.LinkedHashMap<>();
        for (Map<String, Object> g : goals) {
            String[] pair = byLine.computeIfAbsent(g.get("line"), l -> new String[] {"", ""});
            pair["OVERALL".equals(g.get("kind")) ? 0 : 1] = cell(g.get("raw"));
        }
        Set<List<String>> pairs = new LinkedHashSet<>();
        byLine.values().forEach(p -> pairs.add(List.of(p[0], p[1])));
        return new ArrayList<>(pairs);
    }

    private static boolean any(List<Map<String, Object>> projects, String field) {
        for (Map<String, Object> p : projects) {
            for (Object t : (List<?>) p.get("targets")) {
                if (((Map<?, ?>) t).get(field) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String coded(Object code, Object name) {
        return name == null ? "" : code == null ? cell(name) : code + "-" + cell(name);
    }

    private static String cell(Object v) {
        return v == null ? "" : Objects.toString(v).replaceAll("[\\t\\r\\n]+", " ");
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join("\t", cells)).append('\n');
    }
}
