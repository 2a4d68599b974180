-- casekit schema version 2 for H2 2.x: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: TIMESTAMP(3) WITH TIME ZONE (were epoch milliseconds);
--   due_date: TIMESTAMP(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSON text (were the store's tagged text), in the shapes of case-store-jdbc's
--   README, kept in VARCHAR: H2 has no function that reads into a JSON value, so its JSON type would
--   add a conversion to every write and no query.
--
-- Existing rows are converted as follows (see "Schema version 2 and upgrading" in the README):
-- 1. Functions of case-store-jdbc (io.casekit.store.jdbc.H2SchemaUpgrade), declared here and dropped
--    at the end, turn the tagged text of schema 1 into JSON with the store's own reader and writer,
--    so the JSON is the one the store writes, byte for byte. H2 has no procedural SQL; embedded, it
--    runs in the host's JVM, where the class is. An H2 server needs the casekit-store-jdbc jar on
--    its classpath for the upgrade, and CREATE ALIAS needs a user with admin rights.
-- 2. The same pass refuses the upgrade when a due date lies outside the years 1000 to 9999 or an
--    instant outside 1000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: the store of schema 2 keeps
--    no such value on any dialect (our decision: refuse rather than change a value; the host
--    corrects those rows and runs the upgrade again).
-- 3. Instants are added to the epoch as days and milliseconds: DATEADD counts a MILLISECOND
--    amount in nanoseconds, in a BIGINT, which overflows about 292 years from 1970.
-- 4. Both UPDATEs run before the first statement that changes a table (H2 commits each DDL
--    statement), so a failure leaves the data of schema 1 as it was.

CREATE ALIAS IF NOT EXISTS ${prefix}V1_TO_JSON FOR 'io.casekit.store.jdbc.H2SchemaUpgrade.toJson';
CREATE ALIAS IF NOT EXISTS ${prefix}V1_DUE_DATE FOR 'io.casekit.store.jdbc.H2SchemaUpgrade.dueDate';
CREATE ALIAS IF NOT EXISTS ${prefix}V1_INSTANT FOR 'io.casekit.store.jdbc.H2SchemaUpgrade.instant';

UPDATE ${prefix}case SET
    extensions = ${prefix}V1_TO_JSON(extensions, FALSE, 'case ' || tenant || '/' || id),
    due_date = ${prefix}V1_DUE_DATE(due_date, 'case ' || tenant || '/' || id),
    created_at = ${prefix}V1_INSTANT(created_at, 'case ' || tenant || '/' || id),
    updated_at = ${prefix}V1_INSTANT(updated_at, 'case ' || tenant || '/' || id);

UPDATE ${prefix}case_history SET
    changes = ${prefix}V1_TO_JSON(changes, TRUE, 'case ' || tenant || '/' || case_id || ' version ' || version),
    changed_at = ${prefix}V1_INSTANT(changed_at, 'case ' || tenant || '/' || case_id || ' version ' || version);

ALTER TABLE ${prefix}case ADD COLUMN created_at_v2 TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE ${prefix}case ADD COLUMN updated_at_v2 TIMESTAMP(3) WITH TIME ZONE;
UPDATE ${prefix}case SET
    created_at_v2 = DATEADD(MILLISECOND, MOD(created_at, 86400000),
        DATEADD(DAY, (created_at - MOD(created_at, 86400000)) / 86400000, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')),
    updated_at_v2 = DATEADD(MILLISECOND, MOD(updated_at, 86400000),
        DATEADD(DAY, (updated_at - MOD(updated_at, 86400000)) / 86400000, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'));
ALTER TABLE ${prefix}case DROP COLUMN created_at;
ALTER TABLE ${prefix}case DROP COLUMN updated_at;
ALTER TABLE ${prefix}case ALTER COLUMN created_at_v2 RENAME TO created_at;
ALTER TABLE ${prefix}case ALTER COLUMN updated_at_v2 RENAME TO updated_at;
ALTER TABLE ${prefix}case ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE ${prefix}case ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE ${prefix}case ALTER COLUMN due_date SET DATA TYPE TIMESTAMP(0);

ALTER TABLE ${prefix}case_history ADD COLUMN changed_at_v2 TIMESTAMP(3) WITH TIME ZONE;
UPDATE ${prefix}case_history SET
    changed_at_v2 = DATEADD(MILLISECOND, MOD(changed_at, 86400000),
        DATEADD(DAY, (changed_at - MOD(changed_at, 86400000)) / 86400000, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'));
ALTER TABLE ${prefix}case_history DROP COLUMN changed_at;
ALTER TABLE ${prefix}case_history ALTER COLUMN changed_at_v2 RENAME TO changed_at;
ALTER TABLE ${prefix}case_history ALTER COLUMN changed_at SET NOT NULL;

DROP ALIAS ${prefix}V1_TO_JSON;
DROP ALIAS ${prefix}V1_DUE_DATE;
DROP ALIAS ${prefix}V1_INSTANT;

MERGE INTO ${prefix}schema_version (version, script) KEY (version) VALUES (2, 'V2__casekit.sql');
