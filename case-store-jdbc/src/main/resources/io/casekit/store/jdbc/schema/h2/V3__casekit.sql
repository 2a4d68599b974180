-- casekit schema version 3 for H2 2.x: what queries need. ${prefix} is the table prefix (default casekit_).
--   title_folded: the title folded as queries compare it (CaseFilter.TitleContains.fold, Java's
--     Character.toLowerCase per code point), written by the store with every insert and update;
--     filled here, exactly, through the Java function below.
--   priority_rank: the priority's severity (Low 1, Medium 2, High 3, Critical 4), generated.
--   Java functions that read the JSON extensions (H2 has no JSON path functions): they live in
--     case-store-jdbc's class io.casekit.store.jdbc.H2Functions, so an H2 server (not embedded) needs
--     the case-store-jdbc jar (and Jackson's core) on its classpath.
--   Indexes for the default sorts and the common filters. H2 sorts NULL first in an index unless told
--     otherwise; queries order empty due dates and priorities last, so those columns are NULLS LAST.
--     H2 walks an index in order only when the ORDER BY repeats its leading columns (tenant, owner_id,
--     type_id), which the store's statements do (CaseQuerySql.h2IndexPrefix).

CREATE ALIAS IF NOT EXISTS ${prefix}fold_title DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.foldTitle';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_text DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.text';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_bool DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.bool';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_has_any DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.hasAny';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_decimal DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.decimal';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_date DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.date';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_date_time DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.dateTime';
CREATE ALIAS IF NOT EXISTS ${prefix}ext_present DETERMINISTIC FOR 'io.casekit.store.jdbc.H2Functions.present';

ALTER TABLE ${prefix}case ADD COLUMN title_folded VARCHAR;
UPDATE ${prefix}case SET title_folded = ${prefix}fold_title(title);
ALTER TABLE ${prefix}case ALTER COLUMN title_folded SET NOT NULL;
ALTER TABLE ${prefix}case ADD COLUMN priority_rank SMALLINT GENERATED ALWAYS AS (
    CASE priority WHEN 'Low' THEN 1 WHEN 'Medium' THEN 2 WHEN 'High' THEN 3 WHEN 'Critical' THEN 4 END);

CREATE INDEX IF NOT EXISTS ${prefix}case_created ON ${prefix}case (tenant, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_updated ON ${prefix}case (tenant, updated_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_due ON ${prefix}case (tenant, due_date NULLS LAST, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_owner_due ON ${prefix}case (tenant, owner_id, due_date NULLS LAST, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_type_created ON ${prefix}case (tenant, type_id, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_priority ON ${prefix}case (tenant, priority_rank NULLS LAST, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_contact ON ${prefix}case (tenant, contact_id, created_at, id);

MERGE INTO ${prefix}schema_version (version, script) KEY (version) VALUES (3, 'V3__casekit.sql');
