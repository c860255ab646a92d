package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/** The two real documents as the graph holds them after the start-up import, read over GraphQL and Bolt. */
class SeedGraphTest extends GraphTest {

    private static final String PROJECTS = """
            query($after: String) {
              projects(first: 100, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node {
                  name amount blocks unit { code name region }
                  targets { indicator { code name } level1 { name } level2 { name }
                            annual { raw comparator number unit kind } period { raw }
                            source { document { name } line } }
                } }
              }
            }""";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allProjects() {
        Map<String, Object> page = graphQl.document(PROJECTS).execute().path("projects").entity(Map.class).get();
        assertThat(((Map<String, Object>) page.get("pageInfo")).get("hasNextPage")).isEqualTo(false);
        return ((List<Map<String, Object>>) page.get("edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> project(String name) {
        return allProjects().stream().filter(p -> p.get("name").equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> project) {
        return (List<Map<String, Object>>) project.get("targets");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            current = current == null ? null : ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    @Test
    void seeds_hold_22_projects_and_214_targets_in_two_units() {
        List<Map<String, Object>> projects = allProjects();
        assertThat(projects).hasSize(22);
        assertThat(projects.stream().mapToInt(p -> targets(p).size()).sum()).isEqualTo(214);
        Set<Object> units = projects.stream().map(p -> at(p, "unit.region") + "/" + at(p, "unit.name") + "/" + at(p, "unit.code"))
                .collect(Collectors.toSet());
        assertThat(units).containsExactlyInAnyOrder("珠海高新技术产业开发区/投资促进中心/104003", "上海市闵行区/投资促进中心/null");
    }

    @Test
    void repeated_project_header_is_one_project_with_every_block() {
        Map<String, Object> p = project("高新区展厅运营管理经费");
        assertThat(new BigDecimal(p.get("amount").toString())).isEqualByComparingTo("2200000");
        assertThat(p.get("blocks")).isEqualTo(7);
        assertThat(targets(p)).hasSize(26);
    }

    @Test
    void tab_export_keeps_codes_both_value_columns_and_line_provenance() {
        Map<String, Object> p = project("招商引资政策扶持奖励资金");
        assertThat(new BigDecimal(p.get("amount").toString())).isEqualByComparingTo("11347200");
        Map<String, Object> first = targets(p).get(0);
        assertThat(at(first, "indicator.code")).isEqualTo("111002681");
        assertThat(at(first, "indicator.name")).isEqualTo("扶持企业数量");
        assertThat(at(first, "level1.name")).isEqualTo("产出指标");
        assertThat(at(first, "level2.name")).isEqualTo("数量指标");
        assertThat(at(first, "annual.raw")).isEqualTo("≥6");
        assertThat(at(first, "annual.comparator")).isEqualTo("GE");
        assertThat(new BigDecimal(at(first, "annual.number").toString())).isEqualByComparingTo("6");
        assertThat(at(first, "period.raw")).isEqualTo("≥6");
        assertThat(at(first, "source.document.name")).isEqualTo("000_4081c7b18e37fcb4.txt");
        assertThat(at(first, "source.line")).isEqualTo(6);
    }

    @Test
    void forms_keep_exact_amounts_and_latex_values_verbatim() {
        Map<String, Object> system = project("闵行区招商服务管理系统（升级改造）");
        assertThat(new BigDecimal(system.get("amount").toString())).isEqualByComparingTo("1094500.00");
        Map<String, Object> funds = project("招商经费");
        assertThat(new BigDecimal(funds.get("amount").toString())).isEqualByComparingTo("26641350.00");
        Map<String, Object> publicity = project("招商宣传费");
        Map<String, Object> latex = targets(publicity).stream()
                .filter(t -> "宣传资料的使用投放率".equals(at(t, "indicator.name"))).findFirst().orElseThrow();
        assertThat(at(latex, "annual.raw")).isEqualTo("$\\geq 90.00\\%$");
        assertThat(at(latex, "annual.comparator")).isEqualTo("GE");
        assertThat(new BigDecimal(at(latex, "annual.number").toString())).isEqualByComparingTo("90");
        assertThat(at(latex, "annual.unit")).isEqualTo("%");
        assertThat(at(latex, "period")).isNull();
        assertThat(at(latex, "indicator.code")).isNull();
    }

    @Test
    void every_raw_value_of_the_tab_export_is_stored_exactly_as_written() throws Exception {
        // Column 9 (年度指标值) of every indicator row, straight from the file, against the graph.
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/seeds/000_4081c7b18e37fcb4.txt"));
        Map<Integer, String> expected = new java.util.HashMap<>();
        for (int i = 5; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length == 10 && !cells[7].isEmpty()) {
                expected.put(i + 1, cells[9]);
            }
        }
        assertThat(expected).hasSize(62);
        try (var session = driver.session()) {
            Map<Integer, String> stored = session.run("""
                    MATCH (t:Target)-[:SOURCE]->(:Document {name: '000_4081c7b18e37fcb4.txt'})
                    RETURN t.line AS line, t.annualRaw AS raw""")
                    .list(r -> Map.entry(r.get("line").asInt(), r.get("raw").asString()))
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(stored).isEqualTo(expected);
        }
    }

    @Test
    void the_same_unit_name_in_two_regions_is_two_units() {
        try (var session = driver.session()) {
            var regions = session.run("MATCH (u:Unit {name: '投资促进中心'}) RETURN u.region AS region ORDER BY region")
                    .list(r -> r.get("region").asString());
            assertThat(regions).containsExactly("上海市闵行区", "珠海高新技术产业开发区");
        }
    }

    @Test
    void goal_texts_are_shared_nodes_with_each_statement_on_its_line() {
        try (var session = driver.session()) {
            // 项目评估经费's annual goal is also stated word for word by six blocks of 高新区展厅运营管理经费.
            var rows = session.run("""
                    MATCH (p:Project)-[s:STATES {kind: 'ANNUAL'}]->(x:Text)<-[:STATES {kind: 'ANNUAL'}]-(:Project {name: '项目评估经费'})
                    RETURN p.name AS name, s.line AS line ORDER BY line""")
                    .list(r -> r.get("name").asString() + "@" + r.get("line").asInt());
            assertThat(rows).containsExactly("高新区展厅运营管理经费@46", "高新区展厅运营管理经费@50",
                    "高新区展厅运营管理经费@54", "高新区展厅运营管理经费@58", "高新区展厅运营管理经费@62", "高新区展厅运营管理经费@66");
        }
    }
}
