// Lookup and range indexes for filters, ordering and analytics. Idempotent.
CREATE INDEX indicator_code IF NOT EXISTS FOR (n:Indicator) ON (n.code);
CREATE INDEX indicator_name IF NOT EXISTS FOR (n:Indicator) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX project_year IF NOT EXISTS FOR (n:Project) ON (n.year);
CREATE INDEX project_amount IF NOT EXISTS FOR (n:Project) ON (n.amountCents);
CREATE INDEX target_annual_number IF NOT EXISTS FOR (n:Target) ON (n.annualNumber);
CREATE INDEX document_hash IF NOT EXISTS FOR (n:Document) ON (n.hash);
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name);
