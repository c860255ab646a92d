/**
 * Comparisons across documents: the same unit year over year (paired projects and targets, what became stricter,
 * looser, reworded, added or removed), indicator families across names and codes, and each unit's numeric targets
 * against its peers' in the same family.
 */
package org.perfgraph.compare;
