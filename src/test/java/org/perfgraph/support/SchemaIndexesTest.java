package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.perfgraph.GraphTest;

/**
 * The indexes and constraints the store holds after start-up are exactly the documented ones (README "Indexes and
 * what reads them" names each with the read it serves), so that none comes back or goes without notice; and the
 * reads that need one are planned with it.
 */
class SchemaIndexesTest extends GraphTest {

    private static final Pattern NAME = Pattern.compile("`([a-z0-9_]+)`");

    /** The first column of README's table "Indexes and what reads them": the documented set. */
    static Set<String> documented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Indexes and what reads them");
        assertThat(start).as("README has the index table").isPositive();
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, readme.indexOf("\n#", start + 4)).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = NAME.matcher(line.substring(0, line.indexOf('|', 1)));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void the_store_holds_exactly_the_documented_indexes() throws Exception {
        Set<String> present = new TreeSet<>();
        try (var session = driver.session()) {
            session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
                    .forEachRemaining(r -> present.add(r.get("name").asString()));
        }
        assertThat(present).isEqualTo(documented())
                .doesNotContain("target_project", "target_period_kind", "target_annual_kind", "target_annual_comparator",
                        "diagnostic_id", "diagnostic_code");
    }

    @Test
    void the_uncertain_diagnostics_find_their_targets_through_the_document_order_index() {
        Map<String, Object> params = new HashMap<>();
        for (String p : List.of("projectId", "documentName", "region", "unitId", "year", "documentKind", "after")) {
            params.put(p, null);
        }
        params.put("codes", List.of("CATEGORY_INFERRED"));
        params.put("limit", 100);
        assertThat(indexesUsed("EXPLAIN " + CypherScripts.load("analysis/finding-parse-uncertain"), params))
                .contains("target_document_order");
    }

    @Test
    void target_filters_with_an_index_are_planned_with_it() {
        assertThat(indexesUsed("EXPLAIN MATCH (n:Target) WHERE n.indicatorCode STARTS WITH $p RETURN n.id", Map.of("p", "111")))
                .contains("target_indicator_code");
        assertThat(indexesUsed("EXPLAIN MATCH (n:Target) WHERE n.level1 = $p RETURN n.id ORDER BY n.level1 LIMIT 5", Map.of("p", "产出指标")))
                .contains("target_level1");
        assertThat(indexesUsed("EXPLAIN MATCH (n:Target) WHERE n.annualNumber > $p RETURN n.id", Map.of("p", 90.0)))
                .contains("target_annual_number");
    }

    private List<String> indexesUsed(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            Plan plan = session.run(statement, params).consume().plan();
            List<String> out = new ArrayList<>();
            collect(plan, out);
            return out;
        }
    }

    private static void collect(Plan plan, List<String> out) {
        if (plan.operatorType().contains("Index")) {
            var details = plan.arguments().get("Details");
            String text = details == null ? "" : details.asString();
            // the plan names an index by label and properties: map those back to the index names
            Map.of(":Target(documentId, line, ordinal)", "target_document_order", ":Target(indicatorCode)", "target_indicator_code",
                    ":Target(level1)", "target_level1", ":Target(annualNumber)", "target_annual_number")
                    .forEach((shape, name) -> {
                        if (text.contains(shape)) {
                            out.add(name);
                        }
                    });
            out.add(plan.operatorType() + " " + text);
        }
        plan.children().forEach(c -> collect(c, out));
    }
}
