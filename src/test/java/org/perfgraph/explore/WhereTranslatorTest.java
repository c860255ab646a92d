package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.ApiException;

/** The translator emits fixed fragments and parameters only; the page statement seeks after the cursor, never skips. */
class WhereTranslatorTest {

    @Test
    void every_client_value_travels_as_a_parameter_and_keys_come_from_the_whitelist() {
        WhereTranslator t = new WhereTranslator();
        String hostile = "x' }) DETACH DELETE n //";
        String cypher = t.predicate(Specs.PROJECT, "n", Map.of(
                "name", Map.of("contains", hostile),
                "targets", Map.of("some", Map.of("indicator", Map.of("code", Map.of("startsWith", "111"))))));
        assertThat(cypher).doesNotContain(hostile).doesNotContain("111").doesNotContain("DELETE");
        assertThat(t.params()).containsValues(hostile, "111");
        assertThat(cypher).contains("EXISTS { MATCH (n)-[:HAS_TARGET]->(m0:Target) WHERE EXISTS { MATCH (m0)-[:MEASURES]->(m1:Indicator)");
        assertThatThrownBy(() -> new WhereTranslator().predicate(Specs.PROJECT, "n", Map.of("n.name) OR (true", Map.of("eq", "x"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("is not a filter of Project");
    }

    @Test
    void comparisons_on_missing_properties_are_false_so_not_and_all_mean_what_they_say() {
        WhereTranslator t = new WhereTranslator();
        String cypher = t.predicate(Specs.PROJECT, "n", Map.of("NOT", Map.of("nature", Map.of("eq", "经常性项目"))));
        assertThat(cypher).isEqualTo("NOT ((n.nature IS NOT NULL AND n.nature = $p0))");
        String all = new WhereTranslator().predicate(Specs.PROJECT, "n",
                Map.of("targets", Map.of("all", Map.of("annual", Map.of("kind", Map.of("eq", "NUMERIC"))))));
        assertThat(all).isEqualTo("(NOT EXISTS { MATCH (n)-[:HAS_TARGET]->(m0:Target) WHERE NOT ((m0.annualKind IS NOT NULL AND m0.annualKind = $p0)) })");
    }

    @Test
    void money_is_compared_in_whole_fen() {
        WhereTranslator t = new WhereTranslator();
        t.predicate(Specs.PROJECT, "n", Map.of("amount", Map.of("gte", new BigDecimal("1094500.00"), "lt", new BigDecimal("12.345"))));
        assertThat(t.params().values()).containsExactlyInAnyOrder(109450000L, 1234.5);
    }

    @Test
    void an_empty_or_and_an_empty_filter_translate_to_constants() {
        assertThat(new WhereTranslator().predicate(Specs.UNIT, "n", Map.of())).isEqualTo("true");
        assertThat(new WhereTranslator().predicate(Specs.UNIT, "n", Map.of("OR", List.of()))).isEqualTo("false");
        assertThat(new WhereTranslator().predicate(Specs.UNIT, "n", Map.of("AND", List.of()))).isEqualTo("true");
    }

    @Test
    void a_deep_page_seeks_past_the_cursor_instead_of_skipping() {
        ListQuery q = new ListQuery(Specs.INDICATOR, null, List.of(Map.of("projectCount", "DESC")));
        assertThat(q.signature()).isEqualTo("Indicator,projectCount-,id+");
        String page = q.page(Arrays.asList(3L, "I123"), 20);
        assertThat(page).doesNotContain("SKIP");
        // projectCount is stored on the node, so the index on it seeks to the cursor before the keyset condition
        assertThat(page).contains("WHERE true AND n.projectCount <= $p0\n")
                .contains("WHERE (s0 < $p1 OR (s0 = $p1 AND s1 > $p2))").contains("ORDER BY s0 DESC, s1 ASC");
        assertThat(q.where.params()).containsEntry("p0", 3L).containsEntry("p1", 3L).containsEntry("p2", "I123")
                .containsEntry("p3", 21L);
    }

    @Test
    void a_first_page_on_a_stored_count_reads_it_in_index_order_and_a_traversed_count_is_computed_per_node() {
        String stored = new ListQuery(Specs.INDICATOR, null, List.of(Map.of("projectCount", "DESC"))).page(null, 20);
        assertThat(stored).startsWith("MATCH (n:Indicator)\nWHERE true AND n.projectCount IS NOT NULL\n");
        String degree = new ListQuery(Specs.UNIT, null, List.of(Map.of("projectCount", "DESC"))).page(null, 20);
        assertThat(degree).startsWith("MATCH (n:Unit)\nWHERE true\n").contains("COUNT { (n)-[:HAS_PROJECT]->() } AS s0");
    }

    @Test
    void a_page_after_a_cursor_on_a_plain_property_lets_an_index_seek_to_the_cursor() {
        ListQuery q = new ListQuery(Specs.PROJECT, Map.of("year", Map.of("eq", 2024)), List.of(Map.of("name", "ASC")));
        String page = q.page(Arrays.asList("招商经费", "P1"), 5);
        assertThat(page).startsWith("MATCH (n:Project)\nWHERE (n.year IS NOT NULL AND n.year = $p0) AND n.name >= $p1\n");
        assertThat(page).contains("WHERE (s0 > $p2 OR (s0 = $p2 AND s1 > $p3))");
    }

    @Test
    void a_cursor_on_a_missing_value_continues_among_the_missing_ones() {
        // Ascending, nulls sort last: after a null end date only later ids with a null end date remain.
        ListQuery q = new ListQuery(Specs.PROJECT, null, List.of(Map.of("endDate", "ASC")));
        assertThat(q.page(Arrays.asList(null, "P9"), 5)).contains("WHERE (false OR (s0 IS NULL AND s1 > $p0))");
        ListQuery d = new ListQuery(Specs.PROJECT, null, List.of(Map.of("endDate", "DESC")));
        assertThat(d.page(Arrays.asList(null, "P9"), 5)).contains("WHERE (s0 IS NOT NULL OR (s0 IS NULL AND s1 > $p0))");
    }

    @Test
    void cursors_round_trip_their_typed_values_and_refuse_another_ordering() {
        String c = PageCursor.encode("Project,endDate+,id+", Arrays.asList(java.time.LocalDate.of(2025, 12, 31), "P1"));
        assertThat(PageCursor.decode(c, "Project,endDate+,id+", 2)).containsExactly(java.time.LocalDate.of(2025, 12, 31), "P1");
        assertThatThrownBy(() -> PageCursor.decode(c, "Project,name+,id+", 2))
                .isInstanceOf(ApiException.class).hasMessageContaining("another list or ordering");
    }
}
