package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.GraphSchema;
import org.perfgraph.support.StoreSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the service answers: a store whose family groups were built with other rules (or never, as
 * every store written before them) gets every indicator's rule assigned and every unit's groups built, one unit per
 * transaction; a no-op when the stored fingerprint matches indicator-families.txt. So an old store or an edited rules
 * file needs no manual step.
 */
@Component
class FamilyGroupsMigration {

    private static final Logger log = LoggerFactory.getLogger(FamilyGroupsMigration.class);

    FamilyGroupsMigration(GraphSchema schema, StoreSessions sessions, FamilyGroups groups) {
        String fingerprint = groups.fingerprint();
        try (var session = sessions.writing()) {
            List<Record> stored = session.run(CypherScripts.load("compare/family-rule-set")).list();
            if (!stored.isEmpty() && fingerprint.equals(stored.get(0).get("fingerprint").asString(null))) {
                return;
            }
            long start = System.nanoTime();
            session.run(CypherScripts.load("compare/delete-family-groups")).consume();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record r : session.run(CypherScripts.load("compare/indicator-names")).list()) {
                String name = r.get("normalizedName").asString(null);
                rows.add(Map.of("id", r.get("id").asString(), "rule", groups.ruleOf(name), "of", name == null ? "" : name));
            }
            for (int from = 0; from < rows.size(); from += 10_000) {
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + 10_000));
                session.executeWriteWithoutResult(tx -> FamilyGroups.setRules(tx, batch));
            }
            List<String> units = session.run(CypherScripts.load("compare/unit-ids")).list(r -> r.get("id").asString());
            for (String unit : units) {
                session.executeWriteWithoutResult(tx -> groups.refreshWhole(tx, List.of(unit)));
            }
            session.run(CypherScripts.load("compare/set-family-rule-set"), Map.of("fingerprint", fingerprint)).consume();
            log.info("Family groups built for {} indicators and {} units in {} ms", rows.size(), units.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
