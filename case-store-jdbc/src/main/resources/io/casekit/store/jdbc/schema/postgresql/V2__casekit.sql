-- casekit schema version 2 for PostgreSQL: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: TIMESTAMP(3) WITH TIME ZONE (were epoch milliseconds);
--   due_date: TIMESTAMP(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSONB (were the store's tagged text), in the shapes of case-store-jdbc's README.
-- Every statement of this script runs in one transaction when JdbcSchema.create applies it.

ALTER TABLE ${prefix}case
    ALTER COLUMN created_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + created_at * INTERVAL '1 millisecond',
    ALTER COLUMN updated_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + updated_at * INTERVAL '1 millisecond',
    ALTER COLUMN due_date TYPE TIMESTAMP(0) USING CAST(due_date AS TIMESTAMP(0)),
    ALTER COLUMN extensions TYPE JSONB USING CAST(extensions AS JSONB);

ALTER TABLE ${prefix}case_history
    ALTER COLUMN changed_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + changed_at * INTERVAL '1 millisecond',
    ALTER COLUMN changes TYPE JSONB USING CAST(changes AS JSONB);

INSERT INTO ${prefix}schema_version (version, script) VALUES (2, 'V2__casekit.sql')
    ON CONFLICT (version) DO NOTHING;
