-- casekit schema version 4 for PostgreSQL: the case lifecycle (issue 14). ${prefix} is the table
-- prefix (default casekit_).
--   case.status: the case's status, a name of its type's status flow (at most 64 characters, checked
--     by the store); case.state: what it means, the wire name of io.casekit.core.CaseState
--     (Processing, Pending, Completed, Cancelled); both COLLATE "C", compared byte for byte as the
--     keys are. closed_at: when it was closed, while it is (TIMESTAMP(3) WITH TIME ZONE, as
--     created_at); closed_reason; reopened.
--   case_history.kind: the wire name of io.casekit.core.ChangeKind (create, modify, status, close,
--     cancel, resume, reopen, transfer); remark: the operation's remark, if any.
--   case_type.status_flow: the type's status flow as JSONB (see the README, "Schema version 4");
--     NULL for a type saved before version 4, read as the default flow (one status, Open).
-- Existing rows are upgraded in place: every case becomes Open, Processing, not closed, not reopened
-- (the default flow's new case); a history entry of version 1 becomes a create, any later one a
-- modify. A column added with a constant default is not rewritten (PostgreSQL 11 and later); the
-- defaults are dropped again, so that a write must name every column.
--   Indexes: status and state filters in the default order (created_at, id), and the closing time
--   (statistics: cases closed in a window, and open cases, closed_at IS NULL).
-- Every statement of this script runs in one transaction when JdbcSchema.create applies it.

ALTER TABLE ${prefix}case
    ADD COLUMN IF NOT EXISTS status TEXT COLLATE "C" NOT NULL DEFAULT 'Open',
    ADD COLUMN IF NOT EXISTS state VARCHAR(16) COLLATE "C" NOT NULL DEFAULT 'Processing',
    ADD COLUMN IF NOT EXISTS closed_at TIMESTAMP(3) WITH TIME ZONE,
    ADD COLUMN IF NOT EXISTS closed_reason TEXT,
    ADD COLUMN IF NOT EXISTS reopened BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ${prefix}case
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN state DROP DEFAULT,
    ALTER COLUMN reopened DROP DEFAULT;

ALTER TABLE ${prefix}case_history
    ADD COLUMN IF NOT EXISTS kind VARCHAR(16) COLLATE "C" NOT NULL DEFAULT 'modify',
    ADD COLUMN IF NOT EXISTS remark TEXT;
UPDATE ${prefix}case_history SET kind = 'create' WHERE version = 1 AND kind = 'modify';
ALTER TABLE ${prefix}case_history ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE ${prefix}case_type ADD COLUMN IF NOT EXISTS status_flow JSONB;

CREATE INDEX IF NOT EXISTS ${prefix}case_state ON ${prefix}case (tenant, state, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_status ON ${prefix}case (tenant, status, created_at, id);
CREATE INDEX IF NOT EXISTS ${prefix}case_closed ON ${prefix}case (tenant, closed_at, created_at);

INSERT INTO ${prefix}schema_version (version, script) VALUES (4, 'V4__casekit.sql')
    ON CONFLICT (version) DO NOTHING;
