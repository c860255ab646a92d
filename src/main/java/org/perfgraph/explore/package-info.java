/**
 * The read API: lists with filters, ordering and keyset pagination (a root list's whole selection read by one
 * statement), lookups, links between node kinds (batch loaded where not read ahead: a bounded number of queries per
 * request) and dashboard aggregates.
 */
package org.perfgraph.explore;
