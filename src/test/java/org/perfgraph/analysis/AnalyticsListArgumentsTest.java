package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgraph.analysis.FindingsTest.at;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Every list inside an analytics answer takes arguments as explore's child lists do: the projects, units,
 * documents and targets explore's where, orderBy and first and a connection; the statements, texts and pairs
 * first and a connection. Without arguments a list is what it was. On the seeds: 长效管理机制健全性 (= 健全) is the most
 * reused indicator and the most widespread boilerplate value, ten Minhang projects, its targets on lines 28 to 345;
 * the most widely stated goal text has seven statements; at 0.8 one cluster of two texts, stated once and six times.
 */
class AnalyticsListArgumentsTest extends GraphTest {

    private static final List<Integer> BOILERPLATE_LINES = List.of(28, 50, 76, 104, 131, 199, 232, 258, 313, 345);

    private Map<String, Object> run(String document, Map<String, Object> variables) {
        return cast(graphQl.documentName(document).variables(variables).execute().errors().verify().path("")
                .entity(Map.class).get());
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private List<Map<String, Object>> reuseProjects(Map<String, Object> where, List<Map<String, Object>> orderBy, Integer first) {
        Map<String, Object> data = run("reuseProjects", vars("where", where, "orderBy", orderBy, "first", first));
        Map<String, Object> node = cast(at(list(at(data, "indicatorReuse.edges")).get(0), "node"));
        assertThat(at(node, "indicator.name")).isEqualTo("长效管理机制健全性");
        return list(node.get("projects"));
    }

    @Test
    void a_reused_indicators_projects_take_explores_where_order_by_and_first() {
        List<Map<String, Object>> all = reuseProjects(null, null, null);
        // without arguments: every project, by document and line (the answer's own order)
        assertThat(all).hasSize(10).extracting(p -> p.get("name")).doesNotContain("党组工作经费", "法律顾问费");
        assertThat(all).extracting(p -> (Integer) p.get("line")).isSorted();
        int middle = (Integer) all.get(5).get("line");
        assertThat(reuseProjects(Map.of("line", Map.of("gte", middle)), null, null)).isEqualTo(all.subList(5, 10));
        assertThat(reuseProjects(Map.of("name", Map.of("eq", all.get(3).get("name"))), null, null)).containsExactly(all.get(3));
        List<Map<String, Object>> byLineDescending = new ArrayList<>(all);
        byLineDescending.sort(Comparator.comparing((Map<String, Object> p) -> (Integer) p.get("line")).reversed());
        assertThat(reuseProjects(null, List.of(Map.of("line", "DESC")), null)).isEqualTo(byLineDescending);
        assertThat(reuseProjects(null, null, 3)).isEqualTo(all.subList(0, 3));
        assertThat(reuseProjects(Map.of("line", Map.of("gte", middle)), List.of(Map.of("line", "DESC")), 2))
                .isEqualTo(byLineDescending.subList(0, 2));
    }

    @Test
    void a_reused_indicators_projects_connection_walks_every_project_once_in_order() {
        List<Object> whole = reuseProjects(null, List.of(Map.of("name", "ASC")), null).stream().map(p -> p.get("id")).toList();
        List<Object> walked = walk(after -> cast(at(list(at(run("reuseProjectsConnection", vars("where", null,
                "orderBy", List.of(Map.of("name", "ASC")), "first", 3, "after", after)), "indicatorReuse.edges")).get(0),
                "node.projectsConnection")), 10);
        assertThat(walked).extracting(n -> at(n, "id")).isEqualTo(whole).hasSize(10);
        // the filter narrows what is paged and counted
        Map<String, Object> narrowed = cast(at(list(at(run("reuseProjectsConnection", vars("where",
                Map.of("id", Map.of("in", whole.subList(0, 4))), "orderBy", null, "first", 20, "after", null)),
                "indicatorReuse.edges")).get(0), "node.projectsConnection"));
        assertThat(narrowed.get("totalCount")).isEqualTo(4);
        assertThat(at(narrowed, "pageInfo.hasNextPage")).isEqualTo(false);
    }

    @Test
    void a_boilerplate_values_targets_and_projects_take_explores_arguments() {
        Map<String, Object> whole = list(at(run("boilerplateTargetLists", vars()), "boilerplateTargets")).get(0);
        assertThat(at(whole, "indicator.name") + "=" + whole.get("value")).isEqualTo("长效管理机制健全性=健全");
        assertThat(list(whole.get("targets"))).extracting(t -> t.get("line")).isEqualTo(BOILERPLATE_LINES);
        // each project once, in the order it first files the value
        List<Object> projects = list(whole.get("projects")).stream().map(p -> p.get("id")).toList();
        assertThat(projects).hasSize(10)
                .isEqualTo(List.copyOf(new LinkedHashSet<>(list(whole.get("targets")).stream().map(t -> at(t, "project.id")).toList())));

        Map<String, Object> cut = list(at(run("boilerplateTargetLists", vars("where", Map.of("line", Map.of("gt", 200)),
                "orderBy", List.of(Map.of("line", "DESC")), "first", 3)), "boilerplateTargets")).get(0);
        assertThat(list(cut.get("targets"))).extracting(t -> t.get("line")).containsExactly(345, 313, 258);
        assertThat(list(cut.get("projects"))).extracting(p -> p.get("id")).isEqualTo(projects.subList(0, 3));
        // the figures of the answer are its own: the list's arguments narrow the list only
        assertThat(cut.get("projectCount")).isEqualTo(10);
    }

    @Test
    void a_boilerplate_values_targets_connection_walks_every_target_once_and_counts_under_its_filter() {
        List<Object> walked = walk(after -> cast(list(at(run("boilerplateTargetsConnection",
                vars("where", null, "first", 4, "after", after)), "boilerplateTargets")).get(0).get("targetsConnection")), 10);
        assertThat(walked).extracting(n -> at(n, "line")).isEqualTo(BOILERPLATE_LINES);
        Map<String, Object> page = list(at(run("boilerplateTargetsConnection",
                vars("where", Map.of("line", Map.of("gt", 200)), "first", 4, "after", null)), "boilerplateTargets")).get(0);
        Map<String, Object> late = cast(page.get("targetsConnection"));
        assertThat(late.get("totalCount")).isEqualTo(4);
        assertThat(list(late.get("edges"))).extracting(e -> at(e, "node.line")).containsExactly(232, 258, 313, 345);
        assertThat(at(late, "pageInfo.hasNextPage")).isEqualTo(false);
        // 党组工作经费 does not file it
        assertThat(at(page, "projectsConnection.totalCount")).isEqualTo(0);
    }

    @Test
    void units_and_documents_of_reuse_and_matches_take_explores_arguments() {
        Map<String, Object> data = run("analyticsLinkedLists", vars("zhuhai", "珠海高新技术产业开发区",
                "minhang", FindingsTest.MINHANG));
        List<Map<String, Object>> reuse = list(at(data, "indicatorReuse.edges")).stream().map(e -> cast(e.get("node"))).toList();
        assertThat(reuse).hasSize(19).allSatisfy(r -> {
            List<Map<String, Object>> units = list(r.get("units"));
            assertThat(list(r.get("zhuhaiUnits"))).isEqualTo(units.stream()
                    .filter(u -> "珠海高新技术产业开发区".equals(u.get("region"))).toList());
            Map<String, Object> byRegion = cast(r.get("unitsConnection"));
            assertThat(byRegion.get("totalCount")).isEqualTo(units.size());
            assertThat(list(byRegion.get("edges"))).extracting(e -> (String) at(e, "node.region"))
                    .isSortedAccordingTo(Comparator.<String>reverseOrder());
            Map<String, Object> lastDocument = cast(r.get("documentsConnection"));
            List<Map<String, Object>> documents = list(r.get("documents"));
            assertThat(lastDocument.get("totalCount")).isEqualTo(documents.size());
            assertThat(list(lastDocument.get("edges"))).extracting(e -> at(e, "node.name")).containsExactly(documents.stream()
                    .map(d -> (String) d.get("name")).max(Comparator.naturalOrder()).orElseThrow());
            assertThat(at(lastDocument, "pageInfo.hasNextPage")).isEqualTo(documents.size() > 1);
        });
        // the coded indicators are shared among Zhuhai's projects: their units are Zhuhai's
        assertThat(reuse).filteredOn(r -> at(r, "indicator.code") != null)
                .allSatisfy(r -> assertThat(list(r.get("zhuhaiUnits"))).isNotEmpty());

        List<Map<String, Object>> matches = list(data.get("indicatorMatches"));
        assertThat(matches).hasSize(2).allSatisfy(m -> {
            assertThat(list(m.get("documents"))).extracting(d -> d.get("name")).containsExactly(FindingsTest.MINHANG);
            assertThat(list(m.get("inMinhang"))).isEqualTo(list(m.get("documents")));
            assertThat(list(m.get("notInMinhang"))).isEmpty();
            assertThat(at(m, "matchDocumentsConnection.totalCount")).isEqualTo(0);
            assertThat(list(m.get("matchDocuments"))).extracting(d -> d.get("name")).containsExactly(FindingsTest.ZHUHAI);
        });
    }

    @Test
    void a_shared_texts_statements_take_first_and_page_as_a_connection() {
        Map<String, Object> whole = list(at(run("sharedTextStatements", vars("first", 2, "after", null)), "sharedTexts")).get(0);
        List<Map<String, Object>> all = list(whole.get("all"));
        assertThat(all).hasSize(7).hasSize((Integer) whole.get("blockCount"));
        assertThat(list(whole.get("statements"))).isEqualTo(all.subList(0, 2));
        List<Object> walked = walk(after -> cast(list(at(run("sharedTextStatements", vars("first", 3, "after", after)),
                "sharedTexts")).get(0).get("statementsConnection")), 7);
        assertThat(walked).isEqualTo(new ArrayList<>(all));
    }

    @Test
    void a_clusters_texts_statements_and_pairs_take_first_and_page_as_connections() {
        Map<String, Object> cluster = list(at(run("clusterLists", vars("first", 1, "after", null)), "similarTexts")).get(0);
        List<Map<String, Object>> texts = list(cluster.get("all"));
        assertThat(texts).hasSize(2).extracting(t -> list(t.get("statements")).size()).containsExactly(1, 6);
        assertThat(list(cluster.get("texts"))).extracting(t -> at(t, "text.id")).containsExactly(at(texts.get(0), "text.id"));
        assertThat(list(cluster.get("pairs"))).isEmpty();
        Map<String, Object> pairs = cast(cluster.get("pairsConnection"));
        assertThat(pairs.get("totalCount")).isEqualTo(cluster.get("pairCount")).isEqualTo(1);
        assertThat(list(pairs.get("edges"))).singleElement()
                .satisfies(e -> assertThat(list(at(e, "node.changes"))).containsExactly(Map.of("a", "", "b", "开展")));

        List<Object> walked = walk(after -> cast(list(at(run("clusterLists", vars("first", 1, "after", after)),
                "similarTexts")).get(0).get("textsConnection")), 2);
        assertThat(walked).extracting(t -> at(t, "text.id")).isEqualTo(texts.stream().map(t -> at(t, "text.id")).toList());
        // the text stated six times: two statements cut, four on the connection's first page of six
        Map<String, Object> sixfold = cast(walked.get(1));
        assertThat(list(sixfold.get("statements"))).isEqualTo(list(texts.get(1).get("statements")).subList(0, 2));
        Map<String, Object> page = cast(sixfold.get("statementsConnection"));
        assertThat(page.get("totalCount")).isEqualTo(6);
        assertThat(list(page.get("edges"))).extracting(e -> at(e, "node"))
                .isEqualTo(new ArrayList<>(list(texts.get(1).get("statements")).subList(0, 4)));
        assertThat(at(page, "pageInfo.hasNextPage")).isEqualTo(true);
    }

    @Test
    void a_cursor_of_another_list_is_refused() {
        Map<String, Object> page = cast(list(at(run("sharedTextStatements", vars("first", 1, "after", null)),
                "sharedTexts")).get(0).get("statementsConnection"));
        String cursor = (String) at(page, "pageInfo.endCursor");
        graphQl.documentName("clusterLists").variable("first", 1).variable("after", cursor).execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.getMessage()).contains("another list");
                    assertThat(e.getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
                }));
    }

    /**
     * The nodes of a connection walked page by page from the start, checking on every page that totalCount is the
     * whole list's, that each cursor is new, and that the last page says no page follows.
     */
    private static List<Object> walk(Function<String, Map<String, Object>> page, int total) {
        List<Object> nodes = new ArrayList<>();
        java.util.Set<Object> cursors = new java.util.HashSet<>();
        String after = null;
        for (int pages = 0; pages <= total; pages++) {
            Map<String, Object> connection = page.apply(after);
            assertThat(connection.get("totalCount")).isEqualTo(total);
            for (Map<String, Object> edge : list(connection.get("edges"))) {
                assertThat(cursors.add(edge.get("cursor"))).as("a new cursor").isTrue();
                nodes.add(edge.get("node"));
            }
            if (!Boolean.TRUE.equals(at(connection, "pageInfo.hasNextPage"))) {
                return nodes;
            }
            after = (String) at(connection, "pageInfo.endCursor");
        }
        throw new AssertionError("more pages than rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
