-- casekit schema version 1 for H2 2.x. ${prefix} is the table prefix (default casekit_).
-- dueDate is its wire text uuuu-MM-dd HH:mm:ss; instants are epoch milliseconds; extension
-- values, history changes and template fields are in the store's tagged text encoding, in
-- VARCHAR: H2 2.x holds up to 1,000,000,000 characters there (a TEXTAREA value alone may hold
-- 1 MiB), inline, which a modify reads and writes faster than a CLOB. No column depends on a
-- time zone.

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version INTEGER      NOT NULL PRIMARY KEY,
    script  VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS ${prefix}case (
    tenant        VARCHAR(64) NOT NULL,
    id            VARCHAR(20) NOT NULL,
    type_id       VARCHAR(20) NOT NULL,
    version       BIGINT  NOT NULL,
    title         VARCHAR NOT NULL,
    description   VARCHAR NOT NULL,
    owner_id      VARCHAR,
    priority      VARCHAR(16),
    due_date      VARCHAR(32),
    contact_id    VARCHAR,
    contact_phone VARCHAR,
    attachment    VARCHAR,
    extensions    VARCHAR NOT NULL,
    created_by    VARCHAR NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    CONSTRAINT ${prefix}case_pk PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS ${prefix}case_history (
    tenant     VARCHAR(64) NOT NULL,
    case_id    VARCHAR(20) NOT NULL,
    version    BIGINT  NOT NULL,
    changed_at BIGINT  NOT NULL,
    actor      VARCHAR NOT NULL,
    changes    VARCHAR NOT NULL,
    CONSTRAINT ${prefix}case_history_pk PRIMARY KEY (tenant, case_id, version)
);

CREATE TABLE IF NOT EXISTS ${prefix}case_type (
    tenant VARCHAR(64) NOT NULL,
    id     VARCHAR(20) NOT NULL,
    name   VARCHAR NOT NULL,
    fields VARCHAR NOT NULL,
    CONSTRAINT ${prefix}case_type_pk PRIMARY KEY (tenant, id)
);

MERGE INTO ${prefix}schema_version (version, script) KEY (version) VALUES (1, 'V1__casekit.sql');
