-- casekit schema version 2 for MariaDB: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: DATETIME(3) holding the UTC date-time (were epoch
--     milliseconds; TIMESTAMP would end in 2038);
--   due_date: DATETIME(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSON (were the store's tagged text), in the shapes of case-store-jdbc's README.
-- MariaDB commits each DDL statement: back the tables up before an upgrade (see the README).

ALTER TABLE ${prefix}case
    ADD COLUMN created_at_v2 DATETIME(3) NULL,
    ADD COLUMN updated_at_v2 DATETIME(3) NULL,
    ADD COLUMN due_date_v2 DATETIME(0) NULL;

UPDATE ${prefix}case SET
    created_at_v2 = TIMESTAMPADD(MICROSECOND, created_at * 1000, TIMESTAMP '1970-01-01 00:00:00'),
    updated_at_v2 = TIMESTAMPADD(MICROSECOND, updated_at * 1000, TIMESTAMP '1970-01-01 00:00:00'),
    due_date_v2 = STR_TO_DATE(due_date, '%Y-%m-%d %H:%i:%s');

ALTER TABLE ${prefix}case
    DROP COLUMN created_at,
    DROP COLUMN updated_at,
    DROP COLUMN due_date;

ALTER TABLE ${prefix}case
    CHANGE COLUMN created_at_v2 created_at DATETIME(3) NOT NULL,
    CHANGE COLUMN updated_at_v2 updated_at DATETIME(3) NOT NULL,
    CHANGE COLUMN due_date_v2 due_date DATETIME(0) NULL,
    MODIFY COLUMN extensions JSON NOT NULL;

ALTER TABLE ${prefix}case_history ADD COLUMN changed_at_v2 DATETIME(3) NULL;

UPDATE ${prefix}case_history SET
    changed_at_v2 = TIMESTAMPADD(MICROSECOND, changed_at * 1000, TIMESTAMP '1970-01-01 00:00:00');

ALTER TABLE ${prefix}case_history DROP COLUMN changed_at;

ALTER TABLE ${prefix}case_history
    CHANGE COLUMN changed_at_v2 changed_at DATETIME(3) NOT NULL,
    MODIFY COLUMN changes JSON NOT NULL;

INSERT INTO ${prefix}schema_version (version, script) VALUES (2, 'V2__casekit.sql')
    ON DUPLICATE KEY UPDATE version = version;
