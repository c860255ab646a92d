package org.perfgraph.editing;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.perfgraph.support.CypherScripts;

/** Runs editing scripts inside one write transaction and returns plain maps. */
final class Tx {

    private final TransactionContext tx;

    Tx(TransactionContext tx) {
        this.tx = tx;
    }

    List<Map<String, Object>> rows(String script, Map<String, Object> params) {
        return tx.run(CypherScripts.load(script), params).list(Record::asMap);
    }

    Map<String, Object> single(String script, Map<String, Object> params) {
        List<Map<String, Object>> rows = rows(script, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void run(String script, Map<String, Object> params) {
        tx.run(CypherScripts.load(script), params).consume();
    }
}
