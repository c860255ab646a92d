// Edit history: change ids unique, lookups by entity, by author and in time order. Idempotent.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX change_by IF NOT EXISTS FOR (n:Change) ON (n.by);
CREATE INDEX change_document IF NOT EXISTS FOR (n:Change) ON (n.documentId);
