-- casekit schema version 4 for MariaDB: the case lifecycle (issue 14). ${prefix} is the table prefix
-- (default casekit_).
--   case.status: the case's status, a name of its type's status flow: VARCHAR(64), the bound of the
--     rules (64 UTF-8 bytes), so that it is indexed whole; case.state: what it means, the wire name
--     of io.casekit.core.CaseState (Processing, Pending, Completed, Cancelled). Both collation
--     utf8mb4_nopad_bin, so that equality is exact (as version 3's compared columns).
--     closed_at: when it was closed, while it is (DATETIME(3) in UTC, as created_at); closed_reason;
--     reopened.
--   case_history.kind: the wire name of io.casekit.core.ChangeKind (create, modify, status, close,
--     cancel, resume, reopen, transfer); remark: the operation's remark, if any.
--   case_type.status_flow: the type's status flow as JSON (see the README, "Schema version 4");
--     NULL for a type saved before version 4, read as the default flow (one status, Open).
-- Existing rows are upgraded in place: every case becomes Open, Processing, not closed, not reopened
-- (the default flow's new case); a history entry of version 1 becomes a create, any later one a
-- modify. The defaults that fill them are dropped again, so that a write must name every column.
--   Indexes: status and state filters in the default order (created_at, id), and the closing time
--   (statistics: cases closed in a window, and open cases, closed_at IS NULL).
-- MariaDB commits each DDL statement: back the tables up before an upgrade (see the README).

ALTER TABLE ${prefix}case
    ADD COLUMN IF NOT EXISTS status VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT 'Open',
    ADD COLUMN IF NOT EXISTS state VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT 'Processing',
    ADD COLUMN IF NOT EXISTS closed_at DATETIME(3) NULL,
    ADD COLUMN IF NOT EXISTS closed_reason TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN IF NOT EXISTS reopened BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ${prefix}case
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN state DROP DEFAULT,
    ALTER COLUMN reopened DROP DEFAULT,
    ADD INDEX IF NOT EXISTS ${prefix}case_state (tenant, state, created_at, id),
    ADD INDEX IF NOT EXISTS ${prefix}case_status (tenant, status, created_at, id),
    ADD INDEX IF NOT EXISTS ${prefix}case_closed (tenant, closed_at, created_at);

ALTER TABLE ${prefix}case_history
    ADD COLUMN IF NOT EXISTS kind VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT 'modify',
    ADD COLUMN IF NOT EXISTS remark TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
UPDATE ${prefix}case_history SET kind = 'create' WHERE version = 1 AND kind = 'modify';
ALTER TABLE ${prefix}case_history ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE ${prefix}case_type ADD COLUMN IF NOT EXISTS status_flow JSON NULL;

INSERT INTO ${prefix}schema_version (version, script) VALUES (4, 'V4__casekit.sql')
    ON DUPLICATE KEY UPDATE version = version;
