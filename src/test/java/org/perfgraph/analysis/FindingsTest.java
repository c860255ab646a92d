package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Findings on the two seed documents, each with its evidence. Expected lines are read off the seed files:
 * 000_… line 41 files 211003386-活动次数 under 2-效益指标 / 11-数量指标; 111002855 stands on lines 58 and 60,
 * 113002878 on lines 50 and 65 of 高新区展厅运营管理经费; that project's blocks on lines 46-66 repeat the annual goal
 * 项目评估经费 states on line 14.
 */
class FindingsTest extends GraphTest {

    static final String ZHUHAI = "000_4081c7b18e37fcb4.txt";
    static final String MINHANG = "003_97f8f01bbb414fd2.txt";
    /** The kinds about one document's rows (the comparison and value kinds have their tests in compare). */
    static final List<String> DOCUMENT_KINDS = List.of("CODE_LABEL_MISMATCH", "DUPLICATE_INDICATOR", "TEXT_FROM_OTHER_PROJECT",
            "UNIT_NAME_MISMATCH", "CATEGORY_BY_NAME", "PERIOD_ANNUAL_DIFFER", "PARSE_UNCERTAIN");

    private static final String FINDINGS = """
            query($kinds: [FindingKind!], $where: FindingFilter, $first: Int, $after: String) {
              findings(kinds: $kinds, where: $where, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges { cursor node {
                  id kind severity message line
                  project { id name } relatedProject { name } document { name }
                  target { line indicator { code name } }
                } }
              }
            }""";

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings(List<String> kinds, Map<String, Object> where) {
        // the wording asserted here is the English one (Accept-Language: en; Chinese is the default)
        Map<String, Object> page = graphQl.mutate().header("Accept-Language", "en").build().document(FINDINGS).variable("kinds", kinds).variable("where", where)
                .variable("first", 100).execute().path("findings").entity(Map.class).get();
        assertThat(((Map<String, Object>) page.get("pageInfo")).get("hasNextPage")).isEqualTo(false);
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    static Object at(Object map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            current = current == null ? null : ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    @Test
    void code_label_mismatch_names_211003386_in_the_exhibition_hall_update_on_line_41() {
        List<Map<String, Object>> found = findings(List.of("CODE_LABEL_MISMATCH"), null);
        assertThat(found).hasSize(1);
        Map<String, Object> f = found.get(0);
        assertThat(at(f, "project.name")).isEqualTo("高新区展厅更新经费");
        assertThat(at(f, "target.indicator.code")).isEqualTo("211003386");
        assertThat(at(f, "target.indicator.name")).isEqualTo("活动次数");
        assertThat(at(f, "document.name")).isEqualTo(ZHUHAI);
        assertThat(f.get("line")).isEqualTo(41);
        assertThat(f.get("severity")).isEqualTo("WARNING");
        assertThat((String) f.get("message")).contains("L2 code 11 does not start with L1 code 2")
                .contains("数量指标 belongs under 产出指标 but is filed under 效益指标");
    }

    @Test
    void duplicate_indicator_names_111002855_and_113002878_in_the_exhibition_hall_operation() {
        List<Map<String, Object>> found = findings(List.of("DUPLICATE_INDICATOR"), null);
        assertThat(found).extracting(f -> at(f, "project.name")).containsOnly("高新区展厅运营管理经费");
        assertThat(found).extracting(f -> at(f, "target.indicator.code") + "@" + f.get("line"))
                .containsExactly("111002855@60", "113002878@65");
        assertThat((String) found.get(0).get("message")).contains("first on line 58 with '≥13', here '≥13人'");
    }

    @Test
    void the_exhibition_hall_operation_states_the_project_evaluation_goal_text_in_six_blocks() {
        List<Map<String, Object>> found = findings(List.of("TEXT_FROM_OTHER_PROJECT"), null);
        assertThat(found).extracting(f -> at(f, "project.name")).containsOnly("高新区展厅运营管理经费");
        assertThat(found).extracting(f -> at(f, "relatedProject.name")).containsOnly("项目评估经费");
        assertThat(found).extracting(f -> f.get("line")).containsExactly(46, 50, 54, 58, 62, 66);
        assertThat((String) found.get(0).get("message")).contains("line 14");
    }

    @Test
    void rates_in_wan_yuan_and_counts_in_percent_are_unit_name_mismatches() {
        List<Map<String, Object>> found = findings(List.of("UNIT_NAME_MISMATCH"), null);
        // 项目成本控制率 ≤…(万元) in the nine Minhang forms that have a cost indicator, and 在职党员活动展示数 =100.00(%).
        assertThat(found).extracting(f -> at(f, "target.indicator.name") + "@" + f.get("line")).containsExactly(
                "项目成本控制率@19", "项目成本控制率@67", "项目成本控制率@121", "项目成本控制率@148", "在职党员活动展示数@150",
                "项目成本控制率@175", "项目成本控制率@216", "项目成本控制率@249", "项目成本控制率@302", "项目成本控制率@330");
    }

    @Test
    void the_one_row_whose_two_value_columns_disagree_is_reported() {
        List<Map<String, Object>> found = findings(List.of("PERIOD_ANNUAL_DIFFER"), null);
        assertThat(found).hasSize(1);
        assertThat(at(found.get(0), "target.indicator.code")).isEqualTo("224000395");
        assertThat(found.get(0).get("line")).isEqualTo(22);
        assertThat(found.get(0).get("message")).isEqualTo("提高城市知名度: 实施周期 value '是' but 年度 value '进一步提高珠海高新区知名度, 美誉度'");
    }

    @Test
    void no_timeliness_or_satisfaction_indicator_of_the_seeds_is_filed_outside_its_category() {
        // Every 及时 indicator of the seeds sits under 时效指标 and every 满意度 one under 满意度指标 once read
        // (CategoryByNameTest shows the finding on a misfiled fixture).
        assertThat(findings(List.of("CATEGORY_BY_NAME"), null)).isEmpty();
    }

    @Test
    void parse_uncertain_reports_the_garbled_and_inferred_categories_on_their_lines() {
        List<Map<String, Object>> found = findings(List.of("PARSE_UNCERTAIN"), null);
        assertThat(found).allSatisfy(f -> assertThat((String) f.get("message"))
                .matches("(CATEGORY_INFERRED|CATEGORY_OCR_REPAIRED|L2_FOREIGN_L1|CODE_PREFIX_MISMATCH): .*"));
        // the foreign L2 of 000_… line 41, and the OCR-garbled labels 仁云双益指标 (line 27) and 双星指标 (line 312)
        assertThat(found).extracting(f -> at(f, "document.name") + "@" + f.get("line"))
                .contains(ZHUHAI + "@41", MINHANG + "@27", MINHANG + "@312");
        assertThat(found).filteredOn(f -> ((String) f.get("message")).startsWith("CATEGORY_OCR_REPAIRED"))
                .extracting(f -> at(f, "target.indicator.name")).containsExactly("企业服务效率提升性", "有责投诉发生数", "有责投诉发生数");
        // merged blocks and the diagnostics that have finding kinds of their own are not uncertainty
        assertThat(found).noneMatch(f -> ((String) f.get("message")).startsWith("PROJECT_BLOCK_MERGED"));
    }

    @Test
    void findings_page_after_page_add_up_to_the_whole_list_in_document_and_line_order() {
        List<Map<String, Object>> all = findings(DOCUMENT_KINDS, null);
        List<Object> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Map<?, ?> page = graphQl.document(FINDINGS).variable("kinds", DOCUMENT_KINDS).variable("first", 7).variable("after", after).execute()
                    .path("findings").entity(Map.class).get();
            List<?> edges = (List<?>) page.get("edges");
            edges.forEach(e -> paged.add(at(at(e, "node"), "id")));
            pages++;
            if (!Boolean.TRUE.equals(at(page, "pageInfo.hasNextPage"))) {
                break;
            }
            after = (String) at(page, "pageInfo.endCursor");
        }
        assertThat(paged).isEqualTo(all.stream().map(f -> f.get("id")).toList());
        assertThat(paged).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
        // one finding per duplicate, six copied blocks, one code mismatch, one period/annual, ten units, and the
        // diagnostics of the parse: ordered by document then line
        assertThat(all).extracting(f -> at(f, "document.name")).startsWith(ZHUHAI).endsWith(MINHANG);
    }

    @Test
    void findings_narrow_to_one_project() {
        List<Map<String, Object>> all = findings(DOCUMENT_KINDS, null);
        Object id = all.stream().filter(f -> "高新区展厅运营管理经费".equals(at(f, "project.name"))).findFirst()
                .map(f -> at(f, "project.id")).orElseThrow();
        List<Map<String, Object>> mine = findings(DOCUMENT_KINDS, Map.of("projectId", id));
        assertThat(mine).extracting(f -> f.get("kind") + "@" + f.get("line")).containsExactly(
                "TEXT_FROM_OTHER_PROJECT@46", "TEXT_FROM_OTHER_PROJECT@50", "TEXT_FROM_OTHER_PROJECT@54",
                "TEXT_FROM_OTHER_PROJECT@58", "DUPLICATE_INDICATOR@60", "TEXT_FROM_OTHER_PROJECT@62",
                "DUPLICATE_INDICATOR@65", "TEXT_FROM_OTHER_PROJECT@66");
    }

    @Test
    void a_cursor_of_another_list_is_refused_as_bad_input() {
        graphQl.document(FINDINGS).variable("after", "bm9wZQ").execute().errors()
                .expect(e -> "BAD_USER_INPUT".equals(e.getExtensions().get("classification"))
                        && e.getMessage().contains("'after' is not a cursor of findings"));
    }
}
