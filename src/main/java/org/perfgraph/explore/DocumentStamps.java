package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.perfgraph.editing.EditHook;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.support.CypherScripts;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Renews, inside every write's transaction, the stamps of the documents it changed
 * (cypher/schema/080_document_stamps.cypher), so that {@link StatsCubes} reads again only those documents. Runs after
 * the other hooks: the stamps are the last locks a writer takes, in document id order.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DocumentStamps implements GraphWriter.Hook, EditHook {

    @Override
    public List<Map<String, Object>> afterWrite(TransactionContext tx, GraphWriter.Written written) {
        return List.of();
    }

    @Override
    public void beforeCommit(TransactionContext tx, GraphWriter.Written written) {
        stamp(tx, Set.of(written.id()), Set.of(), Set.of());
    }

    @Override
    public void afterRemove(TransactionContext tx, GraphWriter.Removed removed) {
        tx.run(CypherScripts.load("explore/unstamp-document"), Map.of("documentId", removed.id())).consume();
    }

    @Override
    public void beforeCommit(TransactionContext tx, EditHook.Touched touched) {
        stamp(tx, touched.documentIds(), touched.targets().keySet(), touched.indicatorIds());
    }

    private static void stamp(TransactionContext tx, Set<String> documentIds, Set<String> targetIds, Set<String> indicatorIds) {
        if (documentIds.isEmpty() && targetIds.isEmpty() && indicatorIds.isEmpty()) {
            return;
        }
        tx.run(CypherScripts.load("explore/stamp-documents"), Map.of("documentIds", new ArrayList<>(documentIds),
                "targetIds", new ArrayList<>(targetIds), "indicatorIds", new ArrayList<>(indicatorIds))).consume();
    }
}
