package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A comparison, a year-over-year view, a page of families and a benchmark each cost a fixed number of statements,
 * whatever the size of the documents: no statement per project, pair or family. (Scalar fields only, so explore's
 * batch loaders add nothing; each adds one statement per level when asked for.)
 */
class CompareCostTest extends CompareFixtures {

    @Autowired
    GraphReader reader;

    private long statements(String document) {
        long before = reader.statementCount();
        graphQl.document(document).execute().errors().verify();
        return reader.statementCount() - before;
    }

    @Test
    void a_comparison_costs_one_statement_per_document_once_per_write() {
        cypher("RETURN 1", java.util.Map.of()); // a write as far as the result cache knows: the next call computes
        String query = "{ documentComparison(a: \"" + YEAR_2023 + "\", b: \"" + SEED + "\") { totals { kind count } "
                + "projects(first: 20) { totalCount edges { node { score goalSimilarity goalDiff { op } "
                + "targets(first: 30) { edges { node { kind score } } } } } } } }";
        // the cache's generation read, then one statement per document
        assertThat(statements(query)).isEqualTo(3);
        // nothing written since: the generation read only
        assertThat(statements(query)).isEqualTo(1);
    }

    @Test
    void year_over_year_costs_one_statement_for_a_page_of_units() {
        assertThat(statements("{ units(first: 50) { edges { node { yearOverYear { year targetCount unchanged unchangedShare } } } } }"))
                .isEqualTo(2);
    }

    @Test
    void a_page_of_families_costs_the_assignment_and_one_statement_for_its_stored_groups_once_per_write() {
        cypher("RETURN 1", java.util.Map.of());
        String query = "{ indicatorFamilies(first: 20) { totalCount edges { node { id memberCount projectCount "
                + "distribution { min median max count } } } } }";
        // the page's and the assignment's generation reads + the indicators, then the page's stored groups (never
        // its targets)
        assertThat(statements(query)).isEqualTo(4);
        // nothing written since: the page is kept, the generation read only
        assertThat(statements(query)).isEqualTo(1);
        assertThat(statements("{ valueBenchmarks(family: \"satisfaction\") { median units { median targets { looserThan } } } }"))
                .isEqualTo(3);
        // without its targets: the stored groups alone
        assertThat(statements("{ valueBenchmarks(family: \"satisfaction\") { median count units { median } } }")).isEqualTo(2);
    }
}
