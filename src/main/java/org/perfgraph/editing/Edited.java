package org.perfgraph.editing;

import java.util.Map;

/** A node after an edit, and the history entry (null where nothing differed and nothing was written). */
record Edited(Map<String, Object> node, Map<String, Object> change) {
}
