package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.perfgraph.GraphTest;

/**
 * The family groups kept at write time ((:FamilyUnit), (:FamilyValues)) equal what a full recomputation from the
 * targets gives (the rules applied in Java to each target's indicator, the unit through the target's project) after
 * an import, a value edit, a reclassification, a merge of indicators and the document's removal.
 */
class FamilyGroupsTest extends GraphTest {

    private static final String NAME = "family-groups-test.txt";
    private static final String HEADER = "\n\n家族测试区家族测试中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n";
    private static final String CONTENT = HEADER
            + "909001-家族测试中心\t家族测试项目甲\t1000\t目标甲。\t目标甲。\t3-满意度指标\t31-服务对象满意度\t331990001-家族测试对象满意度\t≥80%\t≥80%\n"
            + "\t\t\t\t\t1-产出指标\t11-数量指标\t111990002-家族测试甲乙丙数\t≥5个\t≥5个\n"
            + "\t\t\t\t\t1-产出指标\t14-成本指标\t114990004-家族测试成本控制率\t≤100%\t≤100%\n"
            + "909001-家族测试中心\t家族测试项目乙\t2000\t目标乙。\t目标乙。\t3-满意度指标\t31-服务对象满意度\t331990001-家族测试对象满意度\t≥90%\t≥90%\n"
            + "\t\t\t\t\t1-产出指标\t11-数量指标\t111990003-家族测试甲乙丙量\t≥7个\t≥7个\n"
            + "\t\t\t\t\t1-产出指标\t11-数量指标\t111990002-家族测试甲乙丙数\t≥6个\t≥6个\n";

    @AfterEach
    void remove() {
        removeImported(NAME);
    }

    @Test
    void stored_groups_equal_a_full_recomputation_after_import_edits_merge_and_removal() {
        editor().documentName("importDocument").variable("name", NAME).variable("content", CONTENT).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
        List<String> units = rows("MATCH (:Document {name: $name})<-[:DECLARED_IN]-(:Project)<-[:HAS_PROJECT]-(u:Unit) "
                + "RETURN DISTINCT u.id AS id", Map.of("name", NAME)).stream().map(r -> (String) r.get("id")).toList();
        assertThat(units).hasSize(1);
        Groups imported = stored(units);
        assertThat(imported).isEqualTo(recomputed(units));
        assertThat(imported.values()).containsEntry("satisfaction|" + units.get(0) + "|%|1", List.of(80.0, 90.0))
                .containsEntry("cost-control|" + units.get(0) + "|%|-1", List.of(100.0));

        // a value changed: its bucket recomputed, the unit's other buckets left as they were (the same nodes)
        Map<String, String> untouched = nodeIds(units, "cost-control");
        assertThat(untouched).isNotEmpty();
        Map<String, Object> satisfaction = target("家族测试对象满意度", "≥80%");
        editor().documentName("updateTargetValue").variable("input", Map.of("id", satisfaction.get("id"),
                "expectedVersion", satisfaction.get("version"), "annual", "≥70%")).execute().errors().verify();
        assertThat(stored(units)).isEqualTo(recomputed(units));
        assertThat(stored(units).values()).containsEntry("satisfaction|" + units.get(0) + "|%|1", List.of(70.0, 90.0));
        assertThat(nodeIds(units, "cost-control")).isEqualTo(untouched);

        // reclassified out of the satisfaction rule's L1
        Map<String, Object> other = target("家族测试对象满意度", "≥90%");
        editor().documentName("reclassifyTarget").variable("id", other.get("id")).variable("version", other.get("version"))
                .variable("level1", "产出指标").variable("level2", "质量指标").execute().errors().verify();
        assertThat(stored(units)).isEqualTo(recomputed(units));
        assertThat(stored(units).values()).containsEntry("satisfaction|" + units.get(0) + "|%|1", List.of(70.0));

        // relinked from a rule's indicator to an uncovered one: the target leaves the rule's bucket for the other's
        Map<String, Object> cost = target("家族测试成本控制率", "≤100%");
        Map<String, Object> count = indicator("家族测试甲乙丙数");
        editor().documentName("relinkTarget").variable("input", Map.of("id", cost.get("id"),
                "expectedVersion", cost.get("version"), "indicatorId", count.get("id"))).execute().errors().verify();
        Groups relinked = stored(units);
        assertThat(relinked).isEqualTo(recomputed(units));
        assertThat(relinked.values()).doesNotContainKey("cost-control|" + units.get(0) + "|%|-1")
                .containsEntry("i:" + count.get("id") + "|" + units.get(0) + "|%|-1", List.of(100.0));
        // and back (an indicator left without targets would outlive the document's removal: the shared store's counts)
        Map<String, Object> costIndicator = indicator("家族测试成本控制率");
        editor().documentName("relinkTarget").variable("input", Map.of("id", cost.get("id"),
                "expectedVersion", ((Number) cost.get("version")).intValue() + 1, "indicatorId", costIndicator.get("id")))
                .execute().errors().verify();
        assertThat(stored(units)).isEqualTo(recomputed(units));
        assertThat(stored(units).values()).containsEntry("cost-control|" + units.get(0) + "|%|-1", List.of(100.0));

        // two uncovered indicators merged: one bucket of its own left with both numbers
        Map<String, Object> from = indicator("家族测试甲乙丙量");
        Map<String, Object> into = indicator("家族测试甲乙丙数");
        editor().documentName("mergeIndicators").variable("input", Map.of("fromId", from.get("id"),
                "fromVersion", from.get("version"), "intoId", into.get("id"), "intoVersion", into.get("version")))
                .execute().errors().verify();
        Groups merged = stored(units);
        assertThat(merged).isEqualTo(recomputed(units));
        assertThat(merged.values()).containsEntry("i:" + into.get("id") + "|" + units.get(0) + "|个|1", List.of(5.0, 6.0, 7.0))
                .doesNotContainKey("i:" + from.get("id") + "|" + units.get(0) + "|个|1");

        editor().documentName("removeDocument").variable("name", NAME).execute().path("removeDocument.removed")
                .entity(Boolean.class).isEqualTo(true);
        assertThat(stored(units)).isEqualTo(recomputed(units));
        assertThat(stored(units).units()).isEmpty();
        assertThat(rows("MATCH (i:Indicator) WHERE i.name STARTS WITH '家族测试' RETURN i.name AS name", Map.of()))
                .as("nothing of the document outlives it in the shared store").isEmpty();
    }

    /** The element ids of a bucket's stored nodes in the units, by key: whether a refresh wrote them again. */
    private Map<String, String> nodeIds(List<String> unitIds, String bucket) {
        Map<String, String> ids = new TreeMap<>();
        for (Map<String, Object> r : rows("MATCH (g) WHERE (g:FamilyUnit OR g:FamilyValues) AND g.unitId IN $ids "
                + "AND g.bucket = $bucket RETURN g.key + '|' + labels(g)[0] AS key, elementId(g) AS id",
                Map.of("ids", unitIds, "bucket", bucket))) {
            ids.put((String) r.get("key"), (String) r.get("id"));
        }
        return ids;
    }

    /** Per bucket|unit the sorted project ids; per bucket|unit|measure|sense the sorted numbers. */
    record Groups(Map<String, List<String>> units, Map<String, List<Double>> values) {
    }

    private Groups stored(List<String> unitIds) {
        Map<String, List<String>> units = new TreeMap<>();
        for (Map<String, Object> r : rows("MATCH (g:FamilyUnit) WHERE g.unitId IN $ids RETURN g.key AS key, g.projectIds AS ids",
                Map.of("ids", unitIds))) {
            units.put((String) r.get("key"), sortedStrings(r.get("ids")));
        }
        Map<String, List<Double>> values = new TreeMap<>();
        for (Map<String, Object> r : rows("MATCH (g:FamilyValues) WHERE g.unitId IN $ids RETURN g.key AS key, g.numbers AS numbers",
                Map.of("ids", unitIds))) {
            List<Double> numbers = ((List<?>) r.get("numbers")).stream().map(n -> ((Number) n).doubleValue()).toList();
            assertThat(numbers).as("stored sorted").isSorted();
            values.put((String) r.get("key"), numbers);
        }
        return new Groups(units, values);
    }

    /** The groups from scratch: every target of the units, its indicator's rule found by the rules file itself. */
    private Groups recomputed(List<String> unitIds) {
        List<FamilyRules.Rule> rules = FamilyRules.load();
        Map<String, java.util.TreeSet<String>> units = new TreeMap<>();
        Map<String, List<Double>> values = new TreeMap<>();
        for (Map<String, Object> r : rows("MATCH (t:Target)-[:MEASURES]->(i:Indicator) MATCH (p:Project {id: t.projectId}) "
                + "WHERE p.unitId IN $ids RETURN i.id AS indicator, i.normalizedName AS name, t.level1 AS level1, "
                + "p.id AS project, p.unitId AS unit, t.direction AS direction, "
                + "CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator] "
                + "ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator] END AS v", Map.of("ids", unitIds))) {
            String name = (String) r.get("name");
            if (name == null) {
                continue;
            }
            FamilyRules.Rule rule = FamilyRules.match(rules, name);
            if (rule != null && rule.level1() != null && !rule.level1().equals(r.get("level1"))) {
                continue;
            }
            String bucket = rule == null ? "i:" + r.get("indicator") : rule.key();
            String group = bucket + "|" + r.get("unit");
            units.computeIfAbsent(group, k -> new java.util.TreeSet<>()).add((String) r.get("project"));
            List<?> v = (List<?>) r.get("v");
            if ("NUMERIC".equals(v.get(0)) && v.get(1) != null) {
                String measure = v.get(2) == null ? "" : (String) v.get(2);
                int sense = Pairing.sense((String) v.get(3), (String) r.get("direction"));
                values.computeIfAbsent(group + "|" + measure + "|" + sense, k -> new ArrayList<>())
                        .add(((Number) v.get(1)).doubleValue());
            }
        }
        Map<String, List<String>> unitLists = new TreeMap<>();
        units.forEach((k, ids) -> unitLists.put(k, List.copyOf(ids)));
        values.values().forEach(java.util.Collections::sort);
        return new Groups(unitLists, values);
    }

    private Map<String, Object> target(String indicator, String annual) {
        return rows("MATCH (t:Target {annualRaw: $annual})-[:MEASURES]->(i:Indicator {name: $name}) "
                + "WHERE t.documentId = $doc RETURN t.id AS id, t.version AS version",
                Map.of("annual", annual, "name", indicator, "doc", org.perfgraph.support.Ids.of('D', NAME))).get(0);
    }

    private Map<String, Object> indicator(String name) {
        return rows("MATCH (i:Indicator {name: $name}) RETURN i.id AS id, i.version AS version", Map.of("name", name)).get(0);
    }

    private List<Map<String, Object>> rows(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(statement, params).list(Record::asMap);
        }
    }

    private static List<String> sortedStrings(Object list) {
        return ((List<?>) list).stream().map(String.class::cast).sorted().toList();
    }
}
