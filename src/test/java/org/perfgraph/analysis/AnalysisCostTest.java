package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each analysis costs a fixed number of Cypher statements, whatever the size of the graph: no query per row.
 * (Only scalar fields are selected here, so explore's batch loaders of linked nodes add nothing.)
 */
class AnalysisCostTest extends GraphTest {

    @Autowired
    GraphReader reader;

    private long statements(String document) {
        long before = reader.statementCount();
        graphQl.document(document).execute().errors().verify();
        return reader.statementCount() - before;
    }

    @Test
    void a_page_of_findings_costs_one_statement_per_kind_and_a_few_for_the_kinds_read_by_document() {
        // TARGET_LOOSER_THAN_PEERS reads the indicator families, kept per write generation: one generation read
        // (the assignment itself, one statement, only after a write)
        statements("{ findings(kinds: [TARGET_LOOSER_THAN_PEERS], first: 1) { edges { node { kind } } } }");
        // the two kinds read document by document (FindingKind.byDocument) cost the document names and chunks of 1,
        // 2, 4... documents until the page is certain: at most 1 + log2(documents + 1) + 1 each, never one per row
        long documents;
        try (var session = driver.session()) {
            documents = session.run("MATCH (d:Document) RETURN count(d) AS n").single().get("n").asLong();
        }
        long chunks = 64 - Long.numberOfLeadingZeros(documents + 1);
        assertThat(statements("{ findings(first: 50) { edges { node { kind line message } } } }"))
                .isBetween(9 + 1 + 2 * 2L, 9 + 1 + 2 * (1 + chunks + 1));
        assertThat(statements("{ findings(kinds: [DUPLICATE_INDICATOR, CODE_LABEL_MISMATCH]) { edges { node { id } } } }"))
                .isEqualTo(2);
    }

    @Test
    void reuse_boilerplate_matches_and_shared_texts_cost_one_statement_each() {
        assertThat(statements("{ indicatorReuse(first: 100) { totalCount edges { node { projectCount } } } }")).isEqualTo(1);
        assertThat(statements("{ boilerplateTargets { value projectCount } }")).isEqualTo(1);
        assertThat(statements("{ indicatorMatches { score } }")).isEqualTo(1);
        // unpaged statements: the complexity estimate reads the store's list widths (kept per write generation,
        // then one generation read)
        String shared = "{ sharedTexts { projectCount statements { line } } }";
        statements(shared);
        assertThat(statements(shared)).isEqualTo(1 + 1);
        assertThat(statements("{ sharedTexts { projectCount statements(first: 5) { line } } }")).isEqualTo(1);
    }

    @Test
    void similar_texts_cost_the_candidate_statement_one_for_their_texts_and_one_for_the_evidence_shown() {
        cypher("RETURN 1", java.util.Map.of()); // a write as far as the result cache knows: the next call computes
        String query = "{ similarTexts(threshold: 0.7) { size pairs { score } texts { statements { line } } } }";
        // the estimate's read of the store's list widths (unpaged lists: its generation read and the widths), the
        // cache's generation read, then the three statements
        assertThat(statements(query)).isEqualTo(2 + 4);
        // nothing written since: the generation reads only
        assertThat(statements(query)).isEqualTo(1 + 1);
    }

    @Test
    void quality_rankings_cost_the_aggregate_and_one_statement_per_finding_kind() {
        statements("{ findings(kinds: [TARGET_LOOSER_THAN_PEERS], first: 1) { edges { node { kind } } } }");
        // the aggregate, eleven kinds, and the families' generation read
        assertThat(statements("{ qualityByUnit { findings } }")).isEqualTo(1 + 11 + 1);
        assertThat(statements("{ qualityByProject(orderBy: BOILERPLATE_SHARE_DESC) { findings boilerplateShare } }")).isEqualTo(1 + 11 + 1);
    }
}
