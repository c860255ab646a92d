package org.perfgraph.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.perfgraph.support.Connection;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The lists of values inside analytics answers: a shared or clustered text's statements, a cluster's texts and pairs.
 * The answer holds each whole, in its fixed order; the list field cuts it at {@code first} (all without it), its
 * connection pages it through the one {@link Connection}, a cursor being the row's position in that order. (The
 * nodes of an answer, its projects, units, documents and targets, are explore's child lists.)
 */
@Controller
class AnswerLists {

    private final PerfgraphProperties properties;

    AnswerLists(PerfgraphProperties properties) {
        this.properties = properties;
    }

    @SchemaMapping(typeName = "SharedText", field = "statements")
    List<Map<String, Object>> sharedTextStatements(Map<String, Object> text, @Argument Integer first) {
        return first(rows(text, "statements"), first);
    }

    @SchemaMapping(typeName = "SharedText", field = "statementsConnection")
    Map<String, Object> sharedTextStatementsConnection(Map<String, Object> text, @Argument Integer first,
                                                       @Argument String after) {
        return connection(rows(text, "statements"), first, after, "SharedText.statements", UnaryOperator.identity());
    }

    @SchemaMapping(typeName = "ClusteredText", field = "statements")
    List<Map<String, Object>> clusteredTextStatements(Map<String, Object> text, @Argument Integer first) {
        return first(rows(text, "statements"), first);
    }

    @SchemaMapping(typeName = "ClusteredText", field = "statementsConnection")
    Map<String, Object> clusteredTextStatementsConnection(Map<String, Object> text, @Argument Integer first,
                                                          @Argument String after) {
        return connection(rows(text, "statements"), first, after, "ClusteredText.statements", UnaryOperator.identity());
    }

    @SchemaMapping(typeName = "TextCluster", field = "texts")
    List<Map<String, Object>> clusterTexts(Map<String, Object> cluster, @Argument Integer first) {
        return first(rows(cluster, "texts"), first);
    }

    @SchemaMapping(typeName = "TextCluster", field = "textsConnection")
    Map<String, Object> clusterTextsConnection(Map<String, Object> cluster, @Argument Integer first,
                                               @Argument String after) {
        return connection(rows(cluster, "texts"), first, after, "TextCluster.texts", UnaryOperator.identity());
    }

    /** Without 'first' the {@link AnalysisController#MAX_PAIRS_SHOWN} most similar, as before pairs were paged. */
    @SchemaMapping(typeName = "TextCluster", field = "pairs")
    List<Map<String, Object>> clusterPairs(Map<String, Object> cluster, @Argument Integer first) {
        List<Map<String, Object>> pairs = rows(cluster, "pairs");
        List<Map<String, Object>> shown = first == null
                ? pairs.subList(0, Math.min(AnalysisController.MAX_PAIRS_SHOWN, pairs.size())) : first(pairs, first);
        return shown.stream().map(AnswerLists::withDiff).toList();
    }

    @SchemaMapping(typeName = "TextCluster", field = "pairsConnection")
    Map<String, Object> clusterPairsConnection(Map<String, Object> cluster, @Argument Integer first,
                                               @Argument String after) {
        return connection(rows(cluster, "pairs"), first, after, "TextCluster.pairs", AnswerLists::withDiff);
    }

    /** The first {@code first} rows (at most the page-size cap), or all of them. */
    private List<Map<String, Object>> first(List<Map<String, Object>> rows, Integer first) {
        return first == null ? rows : rows.subList(0, Math.min(properties.pageSize(first), rows.size()));
    }

    /** The page after the cursor's position, with the list's size as totalCount. */
    private Map<String, Object> connection(List<Map<String, Object>> rows, Integer first, String after, String list,
                                           UnaryOperator<Map<String, Object>> node) {
        List<Integer> positions = IntStream.range(0, rows.size()).boxed().toList();
        return Connection.byPosition(positions, list, properties.pageSize(first), after, i -> node.apply(rows.get(i)));
    }

    /** A pair with the character diff of its normalised texts and the edits between the equal runs. */
    static Map<String, Object> withDiff(Map<String, Object> pair) {
        if (pair.containsKey("diff")) {
            return pair;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) pair.get("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) pair.get("b");
        List<TextDiff.Segment> diff = TextDiff.diff((String) a.get("normalized"), (String) b.get("normalized"));
        Map<String, Object> m = new LinkedHashMap<>(pair);
        m.put("diff", diff.stream().map(s -> Map.of("op", s.op().name(), "text", s.text())).toList());
        m.put("changes", TextDiff.changes(diff).stream()
                .map(ch -> Map.of("offset", ch.offset(), "a", ch.a(), "b", ch.b())).toList());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> answer, String list) {
        Object rows = answer.get(list);
        return rows == null ? List.of() : (List<Map<String, Object>>) rows;
    }
}
