/**
 * Editing: analysts' corrections of what documents got wrong, as compare-and-set writes on versioned nodes, each
 * recorded in a history that can be queried and reverted, and kept over a re-import of the document.
 */
package org.perfgraph.editing;
