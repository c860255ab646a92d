/**
 * Who may call the API: bearer keys from PERFGRAPH_EDITOR_KEYS (writes) and PERFGRAPH_READ_KEYS (reads, when set),
 * checked once per GraphQL request before anything runs; the key's name is the "who" of the edit history.
 */
package org.perfgraph.support.security;
