package org.perfgraph.editing;

import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

/**
 * Another feature's part of an edit's transaction (compare keeps its family groups): runs last, after the stored
 * counts are recounted, before the commit.
 */
public interface EditHook {

    /**
     * What an edit's recorded changes concern.
     *
     * @param documentIds  the documents whose content changed in any way (a project edit, a structural edit, a revert)
     * @param indicatorIds the indicators an indicator edit changed (a merge: both)
     * @param targets      targets whose fields were edited (value, category, indicator link) in documents not listed
     *                     in {@code documentIds}, each with the indicators its edit named before and after (a relink:
     *                     the old and the new one; otherwise none, its indicator is the one it measures)
     */
    record Touched(Set<String> documentIds, Set<String> indicatorIds, Map<String, Set<String>> targets) {
    }

    void beforeCommit(TransactionContext tx, Touched touched);
}
