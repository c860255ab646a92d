package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.ReadmeSections;

/** The README's example queries and GraphiQL's opening query run as written and give the figures the text quotes. */
class ExampleQueriesTest extends GraphTest {

    private static List<String> examples() throws IOException {
        return ReadmeSections.graphqlBlocks("Example queries");
    }

    @Test
    void there_are_eight_examples_and_each_runs_without_errors() throws IOException {
        List<String> queries = examples();
        assertThat(queries).hasSize(8);
        for (String query : queries) {
            graphQl.document(query).execute().errors().verify();
        }
    }

    @Test
    void the_examples_give_the_figures_their_descriptions_quote() throws IOException {
        List<String> q = examples();
        graphQl.document(q.get(0)).execute()
                .path("units.edges[0].node.projectCount").entity(Integer.class).isEqualTo(10);
        graphQl.document(q.get(1)).execute()
                .path("indicators.edges[*].node.projectCount").entityList(Integer.class).contains(10, 9, 4)
                .path("indicators.edges[0].node.name").entity(String.class).isEqualTo("长效管理机制健全性")
                .path("indicators.edges[2].node.code").entity(String.class).isEqualTo("112002635");
        graphQl.document(q.get(2)).execute()
                .path("vague.totalCount").entity(Integer.class).isEqualTo(0)
                .path("measurable.totalCount").entity(Integer.class).isEqualTo(8);
        graphQl.document(q.get(4)).execute()
                .path("projectStats[*].amountSum").entityList(String.class)
                .containsExactly("37144850.00", "36275332.00", "1437000.00");
        graphQl.document(q.get(5)).execute()
                .path("texts.totalCount").entity(Integer.class).isEqualTo(1)
                .path("texts.edges[0].node.projects[*].name").entityList(String.class)
                .containsExactly("项目评估经费", "高新区展厅运营管理经费");
    }

    @Test
    void graphiql_opens_with_a_query_that_runs() throws IOException {
        String script = Files.readString(Path.of("src/main/resources/static/graphiql/start.js"));
        StringBuilder query = new StringBuilder();
        Matcher m = Pattern.compile("^\\s+'(.*)',?$", Pattern.MULTILINE).matcher(script);
        while (m.find()) {
            query.append(m.group(1).replace("\\'", "'")).append('\n');
        }
        assertThat(query.toString()).contains("units(");
        graphQl.document(query.toString()).execute()
                .path("units.edges[0].node.projects[*].name").entityList(String.class).hasSize(10);
    }
}
