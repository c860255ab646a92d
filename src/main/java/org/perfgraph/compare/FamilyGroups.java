package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.perfgraph.editing.EditHook;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.support.CypherScripts;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored family groups ((:FamilyUnit), (:FamilyValues): cypher/schema/070_families.cypher) in step with
 * every write, inside its transaction: an import, a removal or an edit changes only the groups of the units it
 * touches (a document belongs to one unit), so those are recomputed from their targets, and the family rule of a
 * new or renamed indicator is assigned there too. An indicator whose bucket moves (renamed into another rule)
 * refreshes every unit using it.
 */
@Component
class FamilyGroups implements GraphWriter.Hook, EditHook {

    private final List<FamilyRules.Rule> rules = FamilyRules.load();
    /** The units of a document about to be replaced or removed, until the end of its transaction. */
    private final Map<TransactionContext, Set<String>> before = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void beforeReplace(TransactionContext tx, String documentId) {
        before.computeIfAbsent(tx, k -> Collections.synchronizedSet(new TreeSet<>())).addAll(documentUnits(tx, documentId));
    }

    @Override
    public void beforeRemove(TransactionContext tx, String documentId) {
        beforeReplace(tx, documentId);
    }

    @Override
    public List<Map<String, Object>> afterWrite(TransactionContext tx, GraphWriter.Written written) {
        return List.of();
    }

    @Override
    public void beforeCommit(TransactionContext tx, GraphWriter.Written written) {
        Set<String> units = new TreeSet<>(documentUnits(tx, written.id()));
        Set<String> old = before.remove(tx);
        if (old != null) {
            units.addAll(old);
        }
        refresh(tx, units, Set.of());
    }

    @Override
    public void afterRemove(TransactionContext tx, GraphWriter.Removed removed) {
        Set<String> old = before.remove(tx);
        refresh(tx, old == null ? Set.of() : old, Set.of());
    }

    @Override
    public void beforeCommit(TransactionContext tx, EditHook.Touched touched) {
        Set<String> units = new TreeSet<>();
        touched.documentIds().forEach(id -> units.addAll(documentUnits(tx, id)));
        if (!touched.indicatorIds().isEmpty()) {
            // an indicator edit (rename, merge, unmerge) moves targets between buckets in every unit using it
            units.addAll(indicatorUnits(tx, touched.indicatorIds()));
        }
        refresh(tx, units, touched.indicatorIds());
        if (!touched.targets().isEmpty()) {
            refreshTargets(tx, touched.targets(), units);
        }
    }

    /**
     * A target's field edit (value, category, relink) changes only the buckets of the indicators it measures and
     * measured, in its unit: those are recomputed, not the unit's other buckets. Units already refreshed whole are
     * skipped; an indicator whose stored rule had to change (its bucket moves everywhere) refreshes its units whole.
     */
    void refreshTargets(TransactionContext tx, Map<String, Set<String>> targets, Set<String> refreshed) {
        List<Map<String, Object>> edited = new ArrayList<>();
        targets.forEach((id, named) -> edited.add(Map.of("id", id, "indicatorIds", new ArrayList<>(named))));
        Map<String, List<String>> unitIndicators = new java.util.TreeMap<>();
        for (Record r : tx.run(CypherScripts.load("compare/target-indicators"), Map.of("targets", edited)).list()) {
            unitIndicators.put(r.get("unitId").asString(), r.get("indicatorIds").asList(Value::asString));
        }
        Set<String> indicatorIds = new TreeSet<>();
        unitIndicators.values().forEach(indicatorIds::addAll);
        Set<String> whole = new TreeSet<>();
        List<String> moved = assignRules(tx, Set.of(), indicatorIds);
        if (!moved.isEmpty()) {
            whole.addAll(indicatorUnits(tx, moved));
            whole.removeAll(refreshed);
            refreshWhole(tx, whole);
        }
        Map<String, String> bucketOf = new HashMap<>();
        for (Record r : tx.run(CypherScripts.load("compare/indicator-buckets"), Map.of("ids", new ArrayList<>(indicatorIds))).list()) {
            bucketOf.put(r.get("id").asString(), r.get("bucket").asString());
        }
        List<Map<String, Object>> scopes = new ArrayList<>();
        unitIndicators.forEach((unitId, ids) -> {
            Set<String> buckets = new TreeSet<>();
            ids.stream().map(bucketOf::get).filter(java.util.Objects::nonNull).forEach(buckets::add);
            if (!refreshed.contains(unitId) && !whole.contains(unitId) && !buckets.isEmpty()) {
                scopes.add(Map.of("unitId", unitId, "buckets", new ArrayList<>(buckets)));
            }
        });
        if (!scopes.isEmpty()) {
            tx.run(CypherScripts.load("compare/refresh-family-groups"),
                    Map.of("scopes", scopes, "rules", ruleParameters())).consume();
        }
    }

    /**
     * Assigns the rules of the units' (and the given) indicators where missing or assigned from another name, adds the
     * units of the indicators whose bucket moved, and recomputes the groups of all of them, in unit id order.
     */
    void refresh(TransactionContext tx, Set<String> unitIds, Set<String> indicatorIds) {
        if (unitIds.isEmpty() && indicatorIds.isEmpty()) {
            return;
        }
        Set<String> units = new TreeSet<>(unitIds);
        List<String> moved = assignRules(tx, units, indicatorIds);
        if (!moved.isEmpty()) {
            units.addAll(indicatorUnits(tx, moved));
        }
        refreshWhole(tx, units);
    }

    /** Recomputes every bucket of the units, in the order given (id order: parallel writers lock in one order). */
    void refreshWhole(TransactionContext tx, java.util.Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return;
        }
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (String unitId : unitIds) {
            Map<String, Object> scope = new HashMap<>();
            scope.put("unitId", unitId);
            scope.put("buckets", null);
            scopes.add(scope);
        }
        tx.run(CypherScripts.load("compare/refresh-family-groups"), Map.of("scopes", scopes, "rules", ruleParameters()))
                .consume();
    }

    /** Stores the rule of every indicator that needs one; returns the ids of those that had another before. */
    List<String> assignRules(TransactionContext tx, Set<String> unitIds, Set<String> indicatorIds) {
        List<Record> candidates = tx.run(CypherScripts.load("compare/family-rule-candidates"),
                Map.of("unitIds", new ArrayList<>(unitIds), "indicatorIds", new ArrayList<>(indicatorIds))).list();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (Record r : candidates) {
            String name = r.get("normalizedName").asString(null);
            String rule = ruleOf(name);
            String was = r.get("was").asString(null);
            if (was != null && !was.equals(rule)) {
                moved.add(r.get("id").asString());
            }
            rows.add(Map.of("id", r.get("id").asString(), "rule", rule, "of", name == null ? "" : name));
        }
        setRules(tx, rows);
        return moved;
    }

    static void setRules(TransactionContext tx, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += 10_000) {
            tx.run(CypherScripts.load("compare/set-family-rules"),
                    Map.of("rows", rows.subList(from, Math.min(rows.size(), from + 10_000)))).consume();
        }
    }

    /** An indicator's stored rule: its rule's key, '' (no rule: a similarity bucket), '-' (no name: no family). */
    String ruleOf(String normalizedName) {
        if (normalizedName == null) {
            return "-";
        }
        FamilyRules.Rule rule = FamilyRules.match(rules, normalizedName);
        return rule == null ? "" : rule.key();
    }

    /** The rules as refresh-family-groups reads them: [{key, level1}]. */
    List<Map<String, Object>> ruleParameters() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FamilyRules.Rule r : rules) {
            Map<String, Object> m = new HashMap<>();
            m.put("key", r.key());
            m.put("level1", r.level1());
            out.add(m);
        }
        return out;
    }

    /** A fingerprint of the rules as the stored assignment depends on them (keys, L1s and stems, in file order). */
    String fingerprint() {
        StringBuilder s = new StringBuilder();
        for (FamilyRules.Rule r : rules) {
            s.append(r.key()).append('|').append(r.level1()).append('|').append(String.join("、", r.stems())).append('\n');
        }
        return org.perfgraph.support.Ids.of('F', s.toString());
    }

    private static List<String> documentUnits(TransactionContext tx, String documentId) {
        return tx.run(CypherScripts.load("compare/document-units"), Map.of("id", documentId)).single()
                .get("unitIds").asList(Value::asString);
    }

    private static List<String> indicatorUnits(TransactionContext tx, java.util.Collection<String> ids) {
        return tx.run(CypherScripts.load("compare/indicator-units"), Map.of("ids", new ArrayList<>(ids))).single()
                .get("unitIds").asList(Value::asString);
    }
}
