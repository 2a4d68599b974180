-- casekit schema version 1 for PostgreSQL. ${prefix} is the table prefix (default casekit_).
-- Strings are text, compared byte for byte (COLLATE "C" on keys). dueDate is its wire text
-- uuuu-MM-dd HH:mm:ss; instants are epoch milliseconds; extension values, history changes and
-- template fields are in the store's tagged text encoding. No column depends on a time zone.

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version INTEGER      NOT NULL PRIMARY KEY,
    script  VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS ${prefix}case (
    tenant        VARCHAR(64) COLLATE "C" NOT NULL,
    id            VARCHAR(20) COLLATE "C" NOT NULL,
    type_id       VARCHAR(20) COLLATE "C" NOT NULL,
    version       BIGINT NOT NULL,
    title         TEXT   NOT NULL,
    description   TEXT   NOT NULL,
    owner_id      TEXT,
    priority      VARCHAR(16),
    due_date      VARCHAR(32),
    contact_id    TEXT,
    contact_phone TEXT,
    attachment    TEXT,
    extensions    TEXT   NOT NULL,
    created_by    TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    CONSTRAINT ${prefix}case_pk PRIMARY KEY (tenant, id)
);

CREATE TABLE IF NOT EXISTS ${prefix}case_history (
    tenant     VARCHAR(64) COLLATE "C" NOT NULL,
    case_id    VARCHAR(20) COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    actor      TEXT   NOT NULL,
    changes    TEXT   NOT NULL,
    CONSTRAINT ${prefix}case_history_pk PRIMARY KEY (tenant, case_id, version)
);

CREATE TABLE IF NOT EXISTS ${prefix}case_type (
    tenant VARCHAR(64) COLLATE "C" NOT NULL,
    id     VARCHAR(20) COLLATE "C" NOT NULL,
    name   TEXT NOT NULL,
    fields TEXT NOT NULL,
    CONSTRAINT ${prefix}case_type_pk PRIMARY KEY (tenant, id)
);

INSERT INTO ${prefix}schema_version (version, script) VALUES (1, 'V1__casekit.sql')
    ON CONFLICT (version) DO NOTHING;
