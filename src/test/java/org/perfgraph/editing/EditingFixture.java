package org.perfgraph.editing;

import java.util.Map;

import org.neo4j.driver.Driver;
import org.perfgraph.support.Ids;

/**
 * A small tab-export document of its own (two projects, three targets) that editing tests import, edit and remove,
 * so the seed documents' exact counts hold for every other test.
 */
final class EditingFixture {

    static final String NAME = "editing-test-fixture.txt";
    static final String DOCUMENT_ID = Ids.of('D', NAME);

    static final String HEADER = "\n\n编辑测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n";

    static final String VERSION_1 = HEADER
            + "900002-编辑测试中心\t编辑项目甲\t1000.50\t总体目标甲。\t年度目标甲。\t1-产出指标\t11-数量指标\t111900001-编辑测试数量\t≥6\t≥6\n"
            + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331900001-编辑测试满意度\t90%\t90%\n"
            + "900002-编辑测试中心\t编辑项目乙\t2000\t总体目标乙。\t年度目标乙。\t2-效益指标\t22-社会效益\t222900001-编辑测试效益\t提升\t提升\n";

    /** The same document with a changed value for the quantity target: ≥8 instead of ≥6. */
    static final String VERSION_2 = VERSION_1.replace("≥6\t≥6", "≥8\t≥8");

    static final String IMPORT = """
            mutation($name: String!, $content: String!, $overwrite: Boolean) {
              importDocument(input: {name: $name, content: $content, overwriteEdits: $overwrite}) {
                status
                corrections { entityId entityKind field corrected imported kept changeId by }
              }
            }""";

    private EditingFixture() {
    }

    /** Id of the fixture's target measuring the indicator with this code. */
    static String target(Driver driver, String indicatorCode) {
        return single(driver, "MATCH (t:Target {documentId: $doc, indicatorCode: $code}) RETURN t.id AS v",
                Map.of("doc", DOCUMENT_ID, "code", indicatorCode)).toString();
    }

    static String project(Driver driver, String name) {
        return single(driver, "MATCH (p:Project {documentId: $doc, name: $name}) RETURN p.id AS v",
                Map.of("doc", DOCUMENT_ID, "name", name)).toString();
    }

    static int version(Driver driver, String id) {
        return ((Number) single(driver, "MATCH (n {id: $id}) RETURN n.version AS v", Map.of("id", id))).intValue();
    }

    static Object property(Driver driver, String id, String property) {
        return single(driver, "MATCH (n {id: $id}) RETURN n[$p] AS v", Map.of("id", id, "p", property));
    }

    static Object single(Driver driver, String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            var rows = session.run(cypher, params).list();
            return rows.isEmpty() ? null : rows.get(0).get("v").asObject();
        }
    }
}
