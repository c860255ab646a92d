package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A query text is parsed and validated once; its answers still follow the variables, and the limits still apply. */
class DocumentCacheTest extends GraphTest {

    @Autowired
    DocumentCache cache;

    @Test
    void the_same_text_with_other_variables_reuses_the_document_and_answers_for_those_variables() {
        String query = "query($first: Int) { projects(first: $first) { edges { node { id } } } } # document-cache-test";
        int before = cache.size();
        graphQl.document(query).variable("first", 2).execute().path("projects.edges").entityList(Object.class).hasSize(2);
        int after = cache.size();
        assertThat(after).isEqualTo(before + 1);
        graphQl.document(query).variable("first", 5).execute().path("projects.edges").entityList(Object.class).hasSize(5);
        assertThat(cache.size()).isEqualTo(after);
    }

    @Test
    void a_cached_document_is_still_held_to_the_depth_limit_every_time() {
        String deep = "{ categories { edges { node { " + "children { parent { ".repeat(7) + "name" + " } }".repeat(7)
                + " } } } } # document-cache-depth";
        for (int i = 0; i < 2; i++) {
            graphQl.document(deep).execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getMessage()).contains("PERFGRAPH_MAX_QUERY_DEPTH");
            });
        }
    }
}
