package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.ReadmeSections;

/** The README's analytics queries run as written and show what its text says they show. */
class ReadmeAnalyticsQueriesTest extends GraphTest {

    private static List<String> queries() throws IOException {
        return ReadmeSections.graphqlBlocks("Reuse and quality analytics");
    }

    @Test
    void every_analytics_example_runs_and_shows_the_quoted_evidence() throws IOException {
        List<String> q = queries();
        assertThat(q).hasSize(5);
        graphQl.document(q.get(0)).execute().errors().verify()
                .path("findings.edges[*].node.kind").entityList(String.class)
                .contains("CODE_LABEL_MISMATCH", "DUPLICATE_INDICATOR", "TEXT_FROM_OTHER_PROJECT");
        graphQl.document(q.get(1)).execute().errors().verify()
                .path("boilerplateTargets[?(@.indicator.name == '长效管理机制健全性' && @.value == '健全')].projectCount")
                .entityList(Integer.class).containsExactly(10);
        graphQl.document(q.get(2)).execute().errors().verify()
                .path("indicatorMatches[?(@.indicator.name == '企业满意度')].match.code").entityList(String.class)
                .contains("331002391");
        graphQl.document(q.get(3)).execute().errors().verify()
                .path("qualityByUnit[*].unit.region").entityList(String.class).hasSize(2);
        var lists = graphQl.document(q.get(4)).execute().errors().verify();
        lists.path("boilerplateTargets[0].targets[*].line").entityList(Integer.class).containsExactly(345, 313, 258);
        lists.path("boilerplateTargets[0].targetsConnection.totalCount").entity(Integer.class).isEqualTo(10);
        lists.path("sharedTexts[0].statementsConnection.totalCount").entity(Integer.class).isEqualTo(7);
        lists.path("sharedTexts[0].statementsConnection.edges").entityList(Object.class).hasSize(3);
    }
}
