/**
 * Data out: every root list as CSV or xlsx (the GraphQL filters, streamed in keyset pages), signed export links for
 * browsers, and any stored document written back in the tab-export layout.
 */
package org.perfgraph.export;
