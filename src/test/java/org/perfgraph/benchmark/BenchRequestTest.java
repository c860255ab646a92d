package org.perfgraph.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchRequestTest {

    @Test
    void a_graphql_header_gives_title_variables_and_walk_and_the_query_keeps_the_rest() {
        var call = BenchRequest.parseGraphQl("""
                # The 500th page
                # Walked first.
                # :variables {"first": 20, "prefix": "111"}
                # :walk 499 projects.pageInfo
                query DeepPage($first: Int, $after: String) {
                  # a comment inside the query stays
                  projects(first: $first, after: $after) { pageInfo { endCursor hasNextPage } }
                }
                """, "x.graphql");
        assertThat(call.title()).isEqualTo("The 500th page");
        assertThat(call.variables()).isEqualTo(Map.of("first", 20, "prefix", "111"));
        assertThat(call.walkPages()).isEqualTo(499);
        assertThat(call.cursorPath()).isEqualTo("projects.pageInfo");
        assertThat(call.notExpressible()).isNull();
        assertThat(call.query()).startsWith("query DeepPage(").contains("# a comment inside the query stays").endsWith("}");
    }

    @Test
    void an_offset_cursor_directive_gives_the_page_count_and_the_cursor_prefix_instead_of_a_walk() {
        var call = BenchRequest.parseGraphQl("# Deep page\n# :offset-cursor 499 arrayconnection:\nquery { a }\n",
                "x.peer.graphql");
        assertThat(call.walkPages()).isEqualTo(499);
        assertThat(call.offsetCursorPrefix()).isEqualTo("arrayconnection:");
        assertThat(call.cursorPath()).isNull();
        assertThatThrownBy(() -> BenchRequest.parseGraphQl("# t\n# :offset-cursor 499\nquery { a }", "y.graphql"))
                .hasMessageContaining("cursor prefix");
    }

    @Test
    void a_peer_file_may_say_why_the_request_cannot_be_expressed_instead_of_a_query() {
        var call = BenchRequest.parseGraphQl("""
                # Top indicators
                # :not-expressible sort by an aggregate
                """, "x.peer.graphql");
        assertThat(call.notExpressible()).isEqualTo("sort by an aggregate");
        assertThat(call.query()).isEmpty();
    }

    @Test
    void a_cypher_header_gives_typed_params_in_browser_syntax_and_prepare_statements_in_order() {
        var call = BenchRequest.parseCypher("""
                // Deep page
                // :param page => 500
                // :param prefix => "111"
                // :param threshold => 0.8
                // :param codes => ["1", "11"]
                // :param none => null
                // :prepare RETURN 1 AS skip
                // :prepare RETURN $skip AS afterId
                MATCH (p:Project)
                // a comment in the statement stays
                RETURN p
                """, "x.cypher");
        assertThat(call.title()).isEqualTo("Deep page");
        assertThat(call.params()).containsEntry("page", 500).containsEntry("prefix", "111")
                .containsEntry("threshold", 0.8).containsEntry("codes", List.of("1", "11")).containsEntry("none", null);
        assertThat(call.prepare()).containsExactly("RETURN 1 AS skip", "RETURN $skip AS afterId");
        assertThat(call.statement()).isEqualTo("MATCH (p:Project)\n// a comment in the statement stays\nRETURN p");
    }

    @Test
    void malformed_headers_are_refused_with_the_file_named() {
        assertThatThrownBy(() -> BenchRequest.parseGraphQl("# t\n# :variables [1]\nquery { a }", "a.graphql"))
                .hasMessageContaining("a.graphql").hasMessageContaining("JSON object");
        assertThatThrownBy(() -> BenchRequest.parseGraphQl("# t\n# :walk 10\nquery { a }", "b.graphql"))
                .hasMessageContaining("b.graphql").hasMessageContaining("pageInfo path");
        assertThatThrownBy(() -> BenchRequest.parseGraphQl("# only a title\n", "c.graphql"))
                .hasMessageContaining("no query");
        assertThatThrownBy(() -> BenchRequest.parseCypher("// t\n// :param x = 1\nRETURN 1", "d.cypher"))
                .hasMessageContaining("d.cypher").hasMessageContaining(":param name => value");
        assertThatThrownBy(() -> BenchRequest.parseCypher("// t\n// :param x => {nope\nRETURN 1", "e.cypher"))
                .hasMessageContaining("not a JSON value");
        assertThatThrownBy(() -> BenchRequest.parseCypher("// t\n// :explain\nRETURN 1", "f.cypher"))
                .hasMessageContaining("unknown directive :explain");
    }

    @Test
    void the_repository_request_set_is_the_requests_of_the_issues_each_with_cypher_and_a_peer_answer() throws Exception {
        List<BenchRequest> all = BenchRequest.loadAll(Path.of("bench/requests"));
        assertThat(all).extracting(BenchRequest::name).containsExactly("01-project-page", "02-indicators-top",
                "03-projects-by-code-prefix", "04-deep-page", "05-target-stats", "06-indicator-reuse", "07-similar-texts", "08-nested-paging");
        assertThat(all).allSatisfy(r -> {
            assertThat(r.cypher()).as(r.name() + " has raw Cypher").isNotNull();
            assertThat(r.peer()).as(r.name() + " has a peer file").isNotNull();
        });
        assertThat(all).filteredOn(r -> r.peer().notExpressible() != null).extracting(BenchRequest::name)
                .containsExactly("02-indicators-top", "06-indicator-reuse", "07-similar-texts");

        BenchRequest deep = all.get(3);
        assertThat(deep.ours().walkPages()).isEqualTo(499);
        assertThat(deep.peer().offsetCursorPrefix()).isEqualTo("arrayconnection:");
        assertThat(deep.peer().walkPages()).isEqualTo(499);
        assertThat(deep.cypher().prepare()).hasSize(2);

        BenchRequest prefix = all.get(2);
        assertThat(prefix.ours().variables()).containsEntry("prefix", "111").containsEntry("first", 20);
        assertThat(prefix.cypher().params()).containsEntry("prefix", "111").containsEntry("first", 20);
        assertThat(prefix.peer().query()).contains("indicator: {some: {code: {startsWith: $prefix}}}");
    }

    @Test
    void a_long_failure_becomes_one_table_cell_without_pipes() {
        String status = "failed: Invalid input '|'\n  expected\tsomething " + "x".repeat(200);
        String cell = BenchCommand.cell(status);
        assertThat(cell).doesNotContain("\n").doesNotContain("\t").contains("\\|").endsWith("… (see notes)");
        assertThat(BenchCommand.cell("not expressible: group-by")).isEqualTo("not expressible: group-by");
    }

    @Test
    void a_timeout_of_the_database_or_of_the_http_client_reads_as_one_short_message() {
        assertThat(LoadRun.message(new RuntimeException("The transaction has been terminated. Retry your operation in a new"
                + " transaction. The transaction has not completed within the timeout specified at its start by the client.")))
                .isEqualTo("timed out (--timeout)");
        assertThat(LoadRun.message(new java.net.http.HttpTimeoutException("request timed out"))).isEqualTo("timed out (--timeout)");
        assertThat(LoadRun.message(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
