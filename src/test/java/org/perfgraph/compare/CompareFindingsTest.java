package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The finding kinds of comparisons and of the former lists, with messages in Chinese by default and in English on
 * Accept-Language: en.
 */
class CompareFindingsTest extends CompareFixtures {

    private static final String FINDINGS = """
            query($kinds: [FindingKind!], $where: FindingFilter) {
              findings(kinds: $kinds, where: $where, first: 100) {
                edges { node { kind message line project { name } relatedProject { name } target { indicatorName } } }
              }
            }""";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(String kind, String document, String language) {
        var tester = language == null ? graphQl : graphQl.mutate().header("Accept-Language", language).build();
        return tester.document(FINDINGS).variable("kinds", List.of(kind)).variable("where", Map.of("documentName", document))
                .execute().path("findings.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private static String indicator(Map<String, Object> finding) {
        return (String) ((Map<String, Object>) finding.get("target")).get("indicatorName");
    }

    @Test
    void a_satisfaction_target_far_below_its_family_is_looser_than_its_peers_in_chinese() {
        List<Map<String, Object>> found = findings("TARGET_LOOSER_THAN_PEERS", PEER, null);
        assertThat(found).extracting(CompareFindingsTest::indicator).contains("企业满意度");
        Map<String, Object> low = found.stream().filter(f -> "企业满意度".equals(indicator(f))).findFirst().orElseThrow();
        assertThat(low.get("line")).isEqualTo(8);
        assertThat((String) low.get("message")).startsWith("企业满意度的指标值“≥70%”宽于满意度族中");
    }

    @Test
    void the_same_finding_reads_in_english_on_accept_language_en() {
        List<Map<String, Object>> found = findings("TARGET_LOOSER_THAN_PEERS", PEER, "en-GB,en;q=0.9,zh;q=0.5");
        Map<String, Object> low = found.stream().filter(f -> "企业满意度".equals(indicator(f))).findFirst().orElseThrow();
        assertThat((String) low.get("message")).startsWith("企业满意度 asks “≥70%”: looser than");
    }

    @Test
    @SuppressWarnings("unchecked")
    void targets_carried_over_unchanged_from_2023_are_findings_on_the_2024_rows() {
        List<Map<String, Object>> found = findings("TARGET_UNCHANGED_ACROSS_YEARS", SEED, null);
        // 资金拨付及时率 100% of 招商引资政策扶持奖励资金 stands on line 7 in both years
        Map<String, Object> funds = found.stream().filter(f -> "资金拨付及时率".equals(indicator(f))).findFirst().orElseThrow();
        assertThat(funds.get("line")).isEqualTo(7);
        assertThat(((Map<String, Object>) funds.get("relatedProject")).get("name")).isEqualTo("招商引资政策扶持奖励资金");
        assertThat((String) funds.get("message")).contains("2023").contains(YEAR_2023).contains("第7行");
        // raised, lowered, reworded and renamed targets, and the renamed project's targets, are not carried over
        assertThat(found).extracting(CompareFindingsTest::indicator)
                .doesNotContain("扶持企业数量", "补贴对象满意度", "法律顾问解决问题数", "招商意向企业数", "评审项目按时完成率");
        assertThat(found).extracting(f -> ((Map<String, Object>) f.get("project")).get("name")).doesNotContain("评审经费");
        // nothing in the earliest year is carried over from before
        assertThat(findings("TARGET_UNCHANGED_ACROSS_YEARS", YEAR_2023, null)).isEmpty();
    }

    @Test
    void vague_and_boilerplate_targets_are_findings() {
        List<Map<String, Object>> vague = findings("VAGUE_TARGET", SEED, "en");
        // 进一步提高珠海高新区知名度, 美誉度 (line 22) is a text without a number; 是 is a yes/no value, not vague
        assertThat(vague).extracting(f -> f.get("line")).contains(22).doesNotContain(42);
        List<Map<String, Object>> boilerplate = findings("BOILERPLATE_TARGET", "003_97f8f01bbb414fd2.txt", null);
        assertThat(boilerplate).extracting(CompareFindingsTest::indicator).contains("长效管理机制健全性");
        assertThat(boilerplate).filteredOn(f -> "长效管理机制健全性".equals(indicator(f)))
                .allSatisfy(f -> assertThat((String) f.get("message")).contains("健全").contains("个项目"));
    }

    @Test
    void import_diagnostics_read_in_chinese_by_default_and_in_english_on_request() {
        String doc = CompareFixtures.read("compare/peer-unit-2024.txt").replace("\t\t\t\t\t1-产出指标\t13-时效指标\t113001901-资金到位及时率",
                "\t\t\t\t\t\t\t113001901-资金到位及时率");
        String query = """
                mutation($content: String!) { importDocument(input: {name: "compare-dry.txt", content: $content, dryRun: true}) {
                  diagnostics { code args message } } }""";
        List<Map<String, Object>> zh = diagnostics(editor().document(query).variable("content", doc).execute()
                .path("importDocument.diagnostics").entityList(Map.class).get());
        Map<String, Object> inferred = zh.stream().filter(d -> "CATEGORY_INFERRED".equals(d.get("code"))).findFirst().orElseThrow();
        assertThat((String) inferred.get("message")).startsWith("指标“113001901-资金到位及时率”的空类别单元格读作");
        List<Map<String, Object>> en = diagnostics(editor().mutate().header("Accept-Language", "en").build().document(query)
                .variable("content", doc).execute().path("importDocument.diagnostics").entityList(Map.class).get());
        assertThat(en.stream().filter(d -> "CATEGORY_INFERRED".equals(d.get("code"))).findFirst().orElseThrow().get("message"))
                .asString().startsWith("the empty category cell of indicator “113001901-资金到位及时率” was read as");
    }

    @Test
    void pages_read_document_by_document_equal_each_documents_own_findings_in_key_order() {
        List<String> documents = new java.util.ArrayList<>();
        try (var session = driver.session()) {
            session.run("MATCH (d:Document) RETURN d.name AS name").list(r -> r.get("name").asString()).forEach(documents::add);
        }
        documents.sort(java.util.Comparator.comparing(name -> name + "|"));
        for (String kind : List.of("TARGET_LOOSER_THAN_PEERS", "TARGET_UNCHANGED_ACROSS_YEARS")) {
            List<String> perDocument = new java.util.ArrayList<>();
            for (String document : documents) {
                perDocument.addAll(paged(kind, Map.of("documentName", document), 50));
            }
            assertThat(perDocument).as(kind).isNotEmpty();
            // pages of 3 and of 7 cross document boundaries; the first page of 2 reads the first documents only
            assertThat(paged(kind, null, 3)).as(kind).isEqualTo(perDocument);
            assertThat(paged(kind, null, 7)).as(kind).isEqualTo(perDocument);
        }
    }

    /** Every finding of a kind, a page of {@code first} at a time: its cursor, line, project and message. */
    @SuppressWarnings("unchecked")
    private List<String> paged(String kind, Map<String, Object> where, int first) {
        String query = """
                query($kinds: [FindingKind!], $where: FindingFilter, $first: Int, $after: String) {
                  findings(kinds: $kinds, where: $where, first: $first, after: $after) {
                    pageInfo { hasNextPage endCursor }
                    edges { cursor node { line message project { name } } }
                  }
                }""";
        List<String> out = new java.util.ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = graphQl.document(query).variable("kinds", List.of(kind)).variable("where", where)
                    .variable("first", first).variable("after", after).execute().path("findings").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                out.add(edge.get("cursor") + " " + node.get("line") + " " + ((Map<String, Object>) node.get("project")).get("name")
                        + " " + node.get("message"));
            }
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> diagnostics(List<Map> rows) {
        return rows.stream().map(m -> (Map<String, Object>) m).toList();
    }
}
