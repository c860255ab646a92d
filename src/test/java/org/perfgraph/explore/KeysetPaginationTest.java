package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/** Walking lists page by page: the cursor carries the sort key, so every page continues exactly where the last ended. */
class KeysetPaginationTest extends GraphTest {

    /** All node names of a list walked with the given page size, asserting the last page says it is the last. */
    @SuppressWarnings("unchecked")
    private List<String> walk(String list, String args, String field, int pageSize) {
        String query = "query($after: String) { " + list + "(" + args + " first: " + pageSize + ", after: $after) {"
                + " totalCount edges { cursor node { id " + field + " } } pageInfo { hasNextPage endCursor } } }";
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> connection = graphQl.document(query).variable("after", after).execute()
                    .path(list).entity(Map.class).get();
            List<Map<String, Object>> edges = (List<Map<String, Object>>) connection.get("edges");
            assertThat(edges.size()).isLessThanOrEqualTo(pageSize);
            for (Map<String, Object> edge : edges) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                seen.add(node.get("id") + "|" + node.get(field));
            }
            Map<String, Object> pageInfo = (Map<String, Object>) connection.get("pageInfo");
            if (!(Boolean) pageInfo.get("hasNextPage")) {
                return seen;
            }
            after = (String) pageInfo.get("endCursor");
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void walking_all_pages_of_projects_five_at_a_time_returns_22_distinct_projects_and_ends_without_a_next_page() {
        List<String> projects = walk("projects", "", "name", 5);
        assertThat(projects).hasSize(22).doesNotHaveDuplicates();
        assertThat(projects.stream().map(p -> p.substring(p.indexOf('|') + 1)).toList()).isSorted();
    }

    @Test
    void indicators_by_project_count_walked_seven_at_a_time_match_one_big_page_despite_ties() {
        // 172 indicators and most have projectCount 1: the (count, id) key must break ties identically on every page.
        List<String> walked = walk("indicators", "orderBy: [{projectCount: DESC}],", "projectCount", 7);
        List<String> onePage = walk("indicators", "orderBy: [{projectCount: DESC}],", "projectCount", 100);
        assertThat(walked).hasSize(172).doesNotHaveDuplicates();
        assertThat(onePage).hasSize(172);
        assertThat(walked).isEqualTo(onePage);
        assertThat(walked.get(0)).endsWith("|10");
        assertThat(walked.get(1)).endsWith("|9");
    }

    @Test
    void projects_by_amount_walked_four_at_a_time_are_in_exact_descending_amount_order() {
        List<String> walked = walk("projects", "orderBy: [{amount: DESC}],", "amount", 4);
        assertThat(walked).hasSize(22).doesNotHaveDuplicates();
        List<java.math.BigDecimal> amounts = walked.stream()
                .map(p -> new java.math.BigDecimal(p.substring(p.indexOf('|') + 1))).toList();
        assertThat(amounts.subList(0, 3)).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("26641350.00"), new java.math.BigDecimal("19258132"),
                        new java.math.BigDecimal("11347200"));
        assertThat(amounts.get(21)).isEqualByComparingTo("10000.00");
        for (int i = 1; i < amounts.size(); i++) {
            assertThat(amounts.get(i)).isLessThanOrEqualTo(amounts.get(i - 1));
        }
    }

    @Test
    void a_sort_key_with_missing_values_pages_through_them_too() {
        // Only the 12 forms have a 计划完成日期: 10 projects sort last with no end date, and paging must not lose them.
        List<String> walked = walk("projects", "orderBy: [{endDate: ASC}],", "endDate", 3);
        assertThat(walked).hasSize(22).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(p -> p.endsWith("|null")).count()).isEqualTo(10);
        assertThat(walked.subList(12, 22)).allSatisfy(p -> assertThat(p).endsWith("|null"));
        assertThat(walked.subList(10, 12)).allSatisfy(p -> assertThat(p).endsWith("|2025-12-31"));
    }

    @Test
    void filtered_pages_count_the_filter_and_walk_only_its_matches() {
        List<String> walked = walk("indicators", "where: {coded: {eq: true}},", "code", 10);
        assertThat(walked).hasSize(47).doesNotHaveDuplicates();
        graphQl.document("{ indicators(where: {coded: {eq: true}}, first: 10) { totalCount } }").execute()
                .path("indicators.totalCount").entity(Integer.class).isEqualTo(47);
    }

    @Test
    void a_cursor_of_another_ordering_is_refused_as_bad_input() {
        String cursor = graphQl.document("{ projects(first: 1) { pageInfo { endCursor } } }").execute()
                .path("projects.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("query($after: String) { projects(orderBy: [{amount: DESC}], first: 1, after: $after) { totalCount } }")
                .variable("after", cursor).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("another list or ordering");
                    assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
                });
        graphQl.document("{ indicators(first: 1, after: \"not-a-cursor\") { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("'after' is not a cursor");
                });
    }

    @Test
    void first_above_the_cap_is_refused_with_the_setting_named() {
        graphQl.document("{ projects(first: 101) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("at most 100").contains("PERFGRAPH_MAX_PAGE_SIZE");
                    assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
                });
    }

    @Test
    void an_order_element_must_name_exactly_one_field() {
        graphQl.document("{ projects(orderBy: [{name: ASC, amount: DESC}]) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("exactly one field"));
    }
}
