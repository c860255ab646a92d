// One node holds the store's write generation (cypher/support/generation.cypher); unique so that concurrent
// writers MERGE the same node. Idempotent; applied at start-up in name order.
CREATE CONSTRAINT generation_name IF NOT EXISTS FOR (n:Generation) REQUIRE n.name IS UNIQUE;
