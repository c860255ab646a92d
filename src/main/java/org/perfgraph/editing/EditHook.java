package org.perfgraph.editing;

import java.util.Set;

import org.neo4j.driver.TransactionContext;

/**
 * Another feature's part of an edit's transaction (compare keeps its family groups): runs last, after the stored
 * counts are recounted, before the commit.
 */
public interface EditHook {

    /**
     * @param documentIds  the documents the edit's recorded changes concern
     * @param indicatorIds the indicators an indicator edit changed (a merge: both)
     */
    void beforeCommit(TransactionContext tx, Set<String> documentIds, Set<String> indicatorIds);
}
