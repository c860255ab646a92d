/**
 * The read API: lists with filters, ordering and keyset pagination, lookups, links between node kinds (batch
 * loaded: a bounded number of queries per request) and dashboard aggregates.
 */
package org.perfgraph.explore;
