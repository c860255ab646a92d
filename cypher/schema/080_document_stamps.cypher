// Per document a (:DocumentStamp) whose value every write of the document's content renews (an import, a removal,
// an edit of its projects or targets, a merge of an indicator it files): the statistics kept per document in the
// service (explore/StatsCubes) are rebuilt for the documents whose stamp moved, not for the whole store. A node of
// its own, not a property of the Document: writers take it last, after every other lock, in document id order.
// Unique so that concurrent writers MERGE the same node. Idempotent; applied at start-up in name order.
CREATE CONSTRAINT document_stamp_document IF NOT EXISTS FOR (n:DocumentStamp) REQUIRE n.documentId IS UNIQUE;
