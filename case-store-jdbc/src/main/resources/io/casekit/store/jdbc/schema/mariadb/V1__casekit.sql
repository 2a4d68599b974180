-- casekit schema version 1 for MariaDB. ${prefix} is the table prefix (default casekit_).
-- Every table is utf8mb4 with the binary collation utf8mb4_bin: strings are stored and compared
-- byte for byte (4-byte characters included). dueDate is its wire text uuuu-MM-dd HH:mm:ss;
-- instants are epoch milliseconds; extension values, history changes and template fields are in
-- the store's tagged text encoding (LONGTEXT: a TEXTAREA value alone may hold 1 MiB). No column
-- depends on a time zone.

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version INTEGER      NOT NULL PRIMARY KEY,
    script  VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}case (
    tenant        VARCHAR(64) NOT NULL,
    id            VARCHAR(20) NOT NULL,
    type_id       VARCHAR(20) NOT NULL,
    version       BIGINT   NOT NULL,
    title         TEXT     NOT NULL,
    description   TEXT     NOT NULL,
    owner_id      TEXT,
    priority      VARCHAR(16),
    due_date      VARCHAR(32),
    contact_id    TEXT,
    contact_phone TEXT,
    attachment    TEXT,
    extensions    LONGTEXT NOT NULL,
    created_by    TEXT     NOT NULL,
    created_at    BIGINT   NOT NULL,
    updated_at    BIGINT   NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}case_history (
    tenant     VARCHAR(64) NOT NULL,
    case_id    VARCHAR(20) NOT NULL,
    version    BIGINT   NOT NULL,
    changed_at BIGINT   NOT NULL,
    actor      TEXT     NOT NULL,
    changes    LONGTEXT NOT NULL,
    PRIMARY KEY (tenant, case_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}case_type (
    tenant VARCHAR(64) NOT NULL,
    id     VARCHAR(20) NOT NULL,
    name   TEXT     NOT NULL,
    fields LONGTEXT NOT NULL,
    PRIMARY KEY (tenant, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO ${prefix}schema_version (version, script) VALUES (1, 'V1__casekit.sql')
    ON DUPLICATE KEY UPDATE version = version;
