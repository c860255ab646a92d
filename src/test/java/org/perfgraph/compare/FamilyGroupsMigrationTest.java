package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphSchema;
import org.perfgraph.support.StoreSessions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up build of the family groups runs only when the stored groups were built with other rules (or never):
 * a start on a store whose fingerprint matches the rules file leaves the groups alone, and a stale fingerprint
 * rebuilds them to what the writes had kept.
 */
class FamilyGroupsMigrationTest extends GraphTest {

    private static final String SENTINEL = "migration-test-sentinel";

    @Autowired
    GraphSchema schema;

    @Autowired
    StoreSessions sessions;

    @Autowired
    FamilyGroups groups;

    @AfterEach
    void removeSentinel() {
        rows("MATCH (g:FamilyUnit {bucket: $b}) DELETE g", Map.of("b", SENTINEL));
    }

    @Test
    void a_start_with_the_same_rules_does_not_rebuild_and_a_stale_fingerprint_rebuilds_the_same_groups() {
        List<Map<String, Object>> kept = stored();
        rows("CREATE (:FamilyUnit {key: $b, bucket: $b, unitId: $b, projectIds: []})", Map.of("b", SENTINEL));

        new FamilyGroupsMigration(schema, sessions, groups);
        assertThat(sentinels()).as("no rebuild: the stored fingerprint matches").isEqualTo(1);

        rows("MATCH (s:FamilyRuleSet {id: 'indicator-families'}) SET s.fingerprint = 'stale'", Map.of());
        new FamilyGroupsMigration(schema, sessions, groups);
        assertThat(sentinels()).as("rebuilt: every group deleted first").isZero();
        assertThat(rows("MATCH (s:FamilyRuleSet) RETURN s.fingerprint AS f", Map.of()))
                .extracting(r -> r.get("f")).containsExactly(groups.fingerprint());
        assertThat(stored()).isEqualTo(kept);
    }

    private long sentinels() {
        return (Long) rows("MATCH (g:FamilyUnit {bucket: $b}) RETURN count(g) AS n", Map.of("b", SENTINEL)).get(0).get("n");
    }

    private List<Map<String, Object>> stored() {
        return rows("MATCH (g) WHERE g:FamilyUnit OR g:FamilyValues RETURN g.key AS key, labels(g) AS labels, "
                + "g.projectIds AS projectIds, g.numbers AS numbers ORDER BY key, labels[0]", Map.of());
    }

    private List<Map<String, Object>> rows(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(statement, params).list(Record::asMap);
        }
    }
}
