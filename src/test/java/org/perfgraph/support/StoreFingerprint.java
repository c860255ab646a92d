package org.perfgraph.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;

/**
 * What a store holds, opened as the service opens it (recovery included): node counts per label, relationship
 * counts per type, nodes that nothing links to, and a hash of every node and relationship with its properties (not
 * Neo4j's internal ids), so that two stores holding the same graph have the same fingerprint.
 *
 * @param labels   nodes per label (a node with two labels counts under both)
 * @param types    relationships per type
 * @param orphans  nodes of the document graph without any relationship (history entries and store bookkeeping,
 *                 which stand alone by design, are not counted)
 * @param hash     SHA-256 over the sorted nodes and relationships with their properties
 */
public record StoreFingerprint(Map<String, Long> labels, Map<String, Long> types, long orphans, String hash) {

    /**
     * Labels of nodes that stand alone by design: history entries, the write generation, the import lock, and the
     * family distributions kept at write time (keyed by family bucket and unit id, rebuilt from the graph), and the
     * documents' stamps (keyed by document id).
     */
    private static final List<String> STANDALONE = List.of("Change", "Generation", "ImportLock", "FamilyUnit",
            "FamilyValues", "FamilyRuleSet", "DocumentStamp");

    /** Starts the embedded DBMS on the store (recovering it if it was not shut down cleanly) and reads it. */
    public static StoreFingerprint open(Path store) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, 32);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            return of(driver);
        }
    }

    public static StoreFingerprint of(Driver driver) {
        try (var session = driver.session()) {
            Map<String, Long> labels = new TreeMap<>();
            session.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n").list()
                    .forEach(r -> labels.put(r.get("label").asString(), r.get("n").asLong()));
            Map<String, Long> types = new TreeMap<>();
            session.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").list()
                    .forEach(r -> types.put(r.get("type").asString(), r.get("n").asLong()));
            long orphans = session.run("MATCH (n) WHERE NOT (n)--() AND none(l IN labels(n) WHERE l IN $standalone)"
                    + " RETURN count(n) AS n", Map.of("standalone", STANDALONE)).single().get("n").asLong();
            List<String> lines = new ArrayList<>();
            session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").list()
                    .forEach(r -> lines.add("N" + sorted(r.get("labels").asList(Value::asString)) + canonical(r.get("props").asMap())));
            session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(a) AS a, properties(r) AS props,"
                    + " properties(b) AS b").list()
                    .forEach(r -> lines.add("R" + r.get("type").asString() + canonical(r.get("a").asMap())
                            + canonical(r.get("props").asMap()) + canonical(r.get("b").asMap())));
            lines.sort(null);
            return new StoreFingerprint(labels, types, orphans, Ids.sha256(String.join("\n", lines)));
        }
    }

    /** Nodes of a label, 0 when there are none. */
    public long count(String label) {
        return labels.getOrDefault(label, 0L);
    }

    private static String sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy.toString();
    }

    private static String canonical(Map<String, Object> properties) {
        Map<String, String> sorted = new TreeMap<>();
        properties.forEach((k, v) -> sorted.put(k, v instanceof List<?> list ? list.toString() : String.valueOf(v)));
        return sorted.toString();
    }
}
