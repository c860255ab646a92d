// Indexes behind the read API's filters and default orders (explore). Idempotent; applied at start-up in name order.
CREATE INDEX target_indicator_code IF NOT EXISTS FOR (n:Target) ON (n.indicatorCode);
CREATE INDEX target_level1 IF NOT EXISTS FOR (n:Target) ON (n.level1);
CREATE INDEX target_level2 IF NOT EXISTS FOR (n:Target) ON (n.level2);
CREATE INDEX target_document_order IF NOT EXISTS FOR (n:Target) ON (n.documentId, n.line, n.ordinal);
CREATE INDEX project_nature IF NOT EXISTS FOR (n:Project) ON (n.nature);
CREATE INDEX unit_region IF NOT EXISTS FOR (n:Unit) ON (n.region);
CREATE INDEX indicator_normalized_name IF NOT EXISTS FOR (n:Indicator) ON (n.normalizedName);
CREATE INDEX category_name IF NOT EXISTS FOR (n:Category) ON (n.name);
