package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgraph.analysis.FindingsTest.at;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * The dashboard's filters reach every analysis: indicatorReuse, boilerplateTargets, similarTexts, sharedTexts,
 * findings and the quality rankings all take a document, region, unit, year and document kind, and narrow alike. On the seeds: the
 * Zhuhai document (10 projects, 62 targets, unit 104003 投资促进中心) and the Minhang one (12 projects, 152 targets),
 * both 2024 declarations.
 */
class AnalysisScopeTest extends GraphTest {

    private static final String ZHUHAI = "珠海高新技术产业开发区";
    private static final String MINHANG = "上海市闵行区";

    private String unitOf(String region) {
        return graphQl.document("{ units(where: {region: {eq: \"" + region + "\"}}) { edges { node { id } } } }")
                .execute().path("units.edges[0].node.id").entity(String.class).get();
    }

    private Map<String, Object> analyses(Map<String, Object> scope) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("scope", scope);
        vars.put("reuse", scope);
        vars.put("findings", scope);
        return graphQl.documentName("analysisScope").variables(vars).execute().path("").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> data, String path) {
        return (List<Map<String, Object>>) at(data, path);
    }

    private static List<String> reuseNames(Map<String, Object> data) {
        return list(data, "indicatorReuse.edges").stream().map(e -> at(e, "node.indicator.name") + "=" + at(e, "node.projectCount")).toList();
    }

    @Test
    void a_unit_narrows_every_analysis_to_its_projects() {
        String zhuhai = unitOf(ZHUHAI);
        String minhang = unitOf(MINHANG);
        Map<String, Object> z = analyses(Map.of("unitId", zhuhai));
        // the Minhang boilerplate leader is gone; the Zhuhai library indicator leads
        assertThat(reuseNames(z)).first().isEqualTo("项目验收通过率=4");
        assertThat(reuseNames(z)).noneMatch(n -> n.startsWith("长效管理机制健全性"));
        assertThat(list(z, "indicatorReuse.edges")).allSatisfy(e -> assertThat(list(e, "node.units"))
                .extracting(u -> u.get("id")).containsOnly(zhuhai));
        assertThat(list(z, "qualityByUnit")).singleElement().satisfies(u -> {
            assertThat(at(u, "unit.id")).isEqualTo(zhuhai);
            assertThat(u.get("projectCount")).isEqualTo(10);
            assertThat(u.get("targetCount")).isEqualTo(62);
            assertThat(u.get("findings")).isEqualTo(12 + 1 + 4 + 2); // the unit's own figure, as in QualityTest
        });
        assertThat(list(z, "qualityByProject")).hasSize(10).allSatisfy(p -> assertThat(at(p, "project.unit.id")).isEqualTo(zhuhai));
        assertThat(list(z, "findings.edges")).isNotEmpty()
                .allSatisfy(e -> assertThat(at(e, "node.project.unit.id")).isEqualTo(zhuhai));
        // the one near-duplicate pair of the seeds is two goal texts of Zhuhai projects
        assertThat(list(z, "similarTexts")).singleElement().satisfies(c -> assertThat(c.get("size")).isEqualTo(2));
        // both shared goal texts of the seeds are pasted between Zhuhai projects: counted and listed there alone
        assertThat(list(z, "sharedTexts")).extracting(t -> t.get("projectCount") + "/" + t.get("blockCount"))
                .containsExactly("2/7", "1/6");
        assertThat(list(z, "sharedTexts")).flatMap(t -> list(t, "statements"))
                .allSatisfy(st -> assertThat(at(st, "project.unit.id")).isEqualTo(zhuhai));

        Map<String, Object> m = analyses(Map.of("unitId", minhang));
        assertThat(reuseNames(m)).first().isEqualTo("长效管理机制健全性=10");
        assertThat(list(m, "boilerplateTargets")).extracting(b -> at(b, "indicator.name") + "=" + b.get("value"))
                .contains("长效管理机制健全性=健全");
        assertThat(list(m, "similarTexts")).isEmpty();
        assertThat(list(m, "sharedTexts")).isEmpty();
        assertThat(list(m, "qualityByUnit")).singleElement().satisfies(u -> assertThat(u.get("targetCount")).isEqualTo(152));
        assertThat(list(m, "findings.edges")).allSatisfy(e -> assertThat(at(e, "node.project.unit.id")).isEqualTo(minhang));
    }

    @Test
    void a_unit_narrows_like_its_region_and_filters_combine_with_and() {
        String zhuhai = unitOf(ZHUHAI);
        Map<String, Object> byUnit = analyses(Map.of("unitId", zhuhai));
        Map<String, Object> byRegion = analyses(Map.of("region", ZHUHAI));
        assertThat(reuseNames(byUnit)).isEqualTo(reuseNames(byRegion));
        assertThat(at(byUnit, "qualityByUnit")).isEqualTo(at(byRegion, "qualityByUnit"));
        // a unit outside the region: nothing
        Map<String, Object> none = analyses(Map.of("unitId", zhuhai, "region", MINHANG));
        assertNothing(none);
    }

    @Test
    void year_and_document_kind_narrow_by_the_projects_budget_year_and_the_documents_kind() {
        Map<String, Object> all = analyses(null);
        Map<String, Object> y2024 = analyses(Map.of("year", 2024));
        Map<String, Object> declarations = analyses(Map.of("documentKind", "DECLARATION", "year", 2024));
        assertThat(reuseNames(y2024)).isEqualTo(reuseNames(all)).first().isEqualTo("长效管理机制健全性=10");
        assertThat(at(y2024, "qualityByUnit")).isEqualTo(at(all, "qualityByUnit"));
        assertThat(at(declarations, "qualityByUnit")).isEqualTo(at(all, "qualityByUnit"));
        assertThat(list(declarations, "findings.edges")).hasSameSizeAs(list(all, "findings.edges"));
        assertThat(list(declarations, "similarTexts")).hasSameSizeAs(list(all, "similarTexts")).hasSize(1);
        assertThat(at(declarations, "sharedTexts")).isEqualTo(at(all, "sharedTexts"));
        assertThat(list(all, "sharedTexts")).hasSize(2);
        assertNothing(analyses(Map.of("year", 2023)));
        assertNothing(analyses(Map.of("documentKind", "SELF_ASSESSMENT")));
    }

    @Test
    void a_document_name_narrows_the_similar_and_shared_texts_arguments_too() {
        String zhuhaiDocument = "000_4081c7b18e37fcb4.txt";
        Map<String, Object> zhuhai = analyses(Map.of("documentName", zhuhaiDocument));
        assertThat(list(zhuhai, "similarTexts")).hasSize(1);
        assertThat(list(zhuhai, "sharedTexts")).hasSize(2).flatMap(t -> list(t, "statements"))
                .allSatisfy(st -> assertThat(at(st, "document.name")).isEqualTo(zhuhaiDocument));
        Map<String, Object> minhang = analyses(Map.of("documentName", "003_97f8f01bbb414fd2.txt"));
        assertThat(list(minhang, "similarTexts")).isEmpty();
        assertThat(list(minhang, "sharedTexts")).isEmpty();
    }

    private static void assertNothing(Map<String, Object> data) {
        assertThat(at(data, "indicatorReuse.totalCount")).isEqualTo(0);
        assertThat(list(data, "boilerplateTargets")).isEmpty();
        assertThat(list(data, "similarTexts")).isEmpty();
        assertThat(list(data, "sharedTexts")).isEmpty();
        assertThat(list(data, "findings.edges")).isEmpty();
        assertThat(list(data, "qualityByUnit")).isEmpty();
        assertThat(list(data, "qualityByProject")).isEmpty();
    }
}
