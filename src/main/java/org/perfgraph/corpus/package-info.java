/**
 * Synthetic corpora for benchmarks: documents in the tab, form and CSV layouts with the structure of the seeds
 * (units, projects per unit, targets per project, L1/L2 mix, a Zipf-popular coded indicator library, templated goal
 * texts, values in every written form). Plain Java; deterministic for a seed.
 */
package org.perfgraph.corpus;
