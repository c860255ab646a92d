package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgraph.analysis.FindingsTest.at;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.graph.DocumentImporter;
import org.perfgraph.graph.GraphWriter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Findings the seeds do not contain, on a small tab export imported for the test and removed after it: a 及时
 * indicator under 数量指标, a 满意度 indicator under 效益指标, a 数 indicator in % whose two value columns disagree,
 * and 项目评估经费's annual goal pasted into another document.
 */
class MisfiledFixtureTest extends GraphTest {

    static final String NAME = "analysis-misfiled-fixture.txt";

    static final String CONTENT = "\n\n测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
            + "900001-测试中心\t夹具项目甲\t1000\t夹具项目甲的总体目标。\t预计聘请专业机构或行业专家开展项目评估, 尽职调查预计1个项目, "
            + "8万元/个, 更好地完成2024年珠海高新区招商引资工作目标。\t1-产出指标\t11-数量指标\t111009001-资料发放及时率\t100%\t100%\n"
            + "\t\t\t\t\t2-效益指标\t22-社会效益\t222009002-群众满意度\t≥90%\t≥90%\n"
            + "\t\t\t\t\t1-产出指标\t11-数量指标\t111009003-培训人数\t≥90%\t≥80%\n";

    private static final String FINDINGS = """
            query($where: FindingFilter) { findings(where: $where, first: 100) {
              edges { node { kind line message project { name } relatedProject { name } target { indicator { name } } } } } }""";

    @Autowired
    DocumentImporter importer;

    @Autowired
    GraphWriter writer;

    @BeforeEach
    void importFixture() {
        importer.importDocument(NAME, CONTENT.getBytes(StandardCharsets.UTF_8), false);
    }

    @AfterEach
    void removeFixture() {
        writer.delete(NAME);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> fixtureFindings() {
        // the wording asserted here is the English one (Accept-Language: en; Chinese is the default)
        Map<String, Object> page = graphQl.mutate().header("Accept-Language", "en").build().document(FINDINGS).variable("where", Map.of("documentName", NAME)).execute()
                .path("findings").entity(Map.class).get();
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @Test
    void the_fixtures_misfiled_rows_are_found_with_their_lines() {
        assertThat(fixtureFindings()).extracting(f -> f.get("kind") + "@" + f.get("line") + " " + at(f, "target.indicator.name"))
                .containsExactly(
                        "CATEGORY_BY_NAME@6 资料发放及时率",
                        "TEXT_FROM_OTHER_PROJECT@6 null",
                        "CATEGORY_BY_NAME@7 群众满意度",
                        "PERIOD_ANNUAL_DIFFER@8 培训人数",
                        "UNIT_NAME_MISMATCH@8 培训人数");
    }

    @Test
    void a_goal_text_pasted_into_another_document_belongs_to_the_project_that_stated_it_first() {
        Map<String, Object> copied = fixtureFindings().stream().filter(f -> "TEXT_FROM_OTHER_PROJECT".equals(f.get("kind")))
                .findFirst().orElseThrow();
        assertThat(at(copied, "project.name")).isEqualTo("夹具项目甲");
        assertThat(at(copied, "relatedProject.name")).isEqualTo("项目评估经费");
        assertThat((String) copied.get("message")).contains("000_4081c7b18e37fcb4.txt, line 14");
    }

    @Test
    void the_category_messages_name_where_the_indicator_belongs() {
        assertThat(fixtureFindings()).filteredOn(f -> "CATEGORY_BY_NAME".equals(f.get("kind"))).extracting(f -> f.get("message"))
                .containsExactly("资料发放及时率 names 及时, which belongs under 时效指标, but is filed under 产出指标 / 数量指标",
                        "群众满意度 names 满意度, which belongs under 满意度指标, but is filed under 效益指标 / 社会效益指标");
    }
}
