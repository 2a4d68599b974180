-- casekit schema version 2 for H2 2.x: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: TIMESTAMP(3) WITH TIME ZONE (were epoch milliseconds);
--   due_date: TIMESTAMP(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSON text (were the store's tagged text), in the shapes of case-store-jdbc's
--   README, kept in VARCHAR: H2 has no function that reads into a JSON value, so its JSON type would
--   add a conversion to every write and no query.

ALTER TABLE ${prefix}case ADD COLUMN created_at_v2 TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE ${prefix}case ADD COLUMN updated_at_v2 TIMESTAMP(3) WITH TIME ZONE;
UPDATE ${prefix}case SET
    created_at_v2 = DATEADD(MILLISECOND, created_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'),
    updated_at_v2 = DATEADD(MILLISECOND, updated_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
ALTER TABLE ${prefix}case DROP COLUMN created_at;
ALTER TABLE ${prefix}case DROP COLUMN updated_at;
ALTER TABLE ${prefix}case ALTER COLUMN created_at_v2 RENAME TO created_at;
ALTER TABLE ${prefix}case ALTER COLUMN updated_at_v2 RENAME TO updated_at;
ALTER TABLE ${prefix}case ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE ${prefix}case ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE ${prefix}case ALTER COLUMN due_date SET DATA TYPE TIMESTAMP(0);

ALTER TABLE ${prefix}case_history ADD COLUMN changed_at_v2 TIMESTAMP(3) WITH TIME ZONE;
UPDATE ${prefix}case_history SET
    changed_at_v2 = DATEADD(MILLISECOND, changed_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
ALTER TABLE ${prefix}case_history DROP COLUMN changed_at;
ALTER TABLE ${prefix}case_history ALTER COLUMN changed_at_v2 RENAME TO changed_at;
ALTER TABLE ${prefix}case_history ALTER COLUMN changed_at SET NOT NULL;

MERGE INTO ${prefix}schema_version (version, script) KEY (version) VALUES (2, 'V2__casekit.sql');
