-- casekit schema version 3 for PostgreSQL: what queries need. ${prefix} is the table prefix (default casekit_).
--   title_folded: the title folded as queries compare it (CaseFilter.TitleContains.fold, Java's
--     Character.toLowerCase per code point), written by the store with every insert and update.
--     Rows that exist now are filled with LOWER(title), which folds as the database's LC_CTYPE does,
--     exact for ASCII only; JdbcSchema.create then rewrites the rows that differ in Java (hosts that
--     run this script themselves call JdbcSchema.foldTitles once; see case-store-jdbc's README, "Queries").
--   priority_rank: the priority's severity (Low 1, Medium 2, High 3, Critical 4), generated.
--   Indexes for the default sorts and the common filters, and a GIN index on extensions (jsonb_ops:
--   containment @> and key existence ?).
-- Every statement of this script runs in one transaction when JdbcSchema.create applies it.

ALTER TABLE ${prefix}case
    ADD COLUMN title_folded TEXT,
    ADD COLUMN priority_rank SMALLINT GENERATED ALWAYS AS (
        CASE priority WHEN 'Low' THEN 1 WHEN 'Medium' THEN 2 WHEN 'High' THEN 3 WHEN 'Critical' THEN 4 END) STORED;
UPDATE ${prefix}case SET title_folded = LOWER(title);
ALTER TABLE ${prefix}case ALTER COLUMN title_folded SET NOT NULL;

CREATE INDEX IF NOT EXISTS ${prefix}case_created ON ${prefix}case (tenant, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_updated ON ${prefix}case (tenant, updated_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_due ON ${prefix}case (tenant, due_date, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_owner_due ON ${prefix}case (tenant, owner_id, due_date, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_type_created ON ${prefix}case (tenant, type_id, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_priority ON ${prefix}case (tenant, priority_rank, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_contact ON ${prefix}case (tenant, contact_id, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_extensions ON ${prefix}case USING GIN (extensions);

INSERT INTO ${prefix}schema_version (version, script) VALUES (3, 'V3__casekit.sql')
    ON CONFLICT (version) DO NOTHING;
