-- casekit schema version 3 for MariaDB: what queries need. ${prefix} is the table prefix (default casekit_).
--   title, owner_id, contact_id, contact_phone, created_by: collation utf8mb4_nopad_bin, so that
--     equality and order are exact (utf8mb4_bin ignores trailing spaces: 'a' = 'a ');
--     owner_id, contact_id, contact_phone and created_by become VARCHAR(20), the bound of the rules
--     (20 bytes), so that they can be indexed whole.
--   title_folded: the title folded as queries compare it (CaseFilter.TitleContains.fold, Java's
--     Character.toLowerCase per code point), written by the store with every insert and update.
--     Rows that exist now are filled with LOWER(title), exact for ASCII only; JdbcSchema.create then
--     rewrites the rows that differ in Java (hosts that run this script themselves call
--     JdbcSchema.foldTitles once; see case-store-jdbc's README, "Queries").
--   priority_rank: the priority's severity (Low 1, Medium 2, High 3, Critical 4), generated.
--   Indexes for the default sorts and the common filters.
-- MariaDB commits each DDL statement: back the tables up before an upgrade (see the README).

ALTER TABLE ${prefix}case
    MODIFY COLUMN title TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    MODIFY COLUMN owner_id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    MODIFY COLUMN contact_id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    MODIFY COLUMN contact_phone VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    MODIFY COLUMN created_by VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    ADD COLUMN title_folded TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    ADD COLUMN priority_rank TINYINT AS (
        CASE priority WHEN 'Low' THEN 1 WHEN 'Medium' THEN 2 WHEN 'High' THEN 3 WHEN 'Critical' THEN 4 END) PERSISTENT;

UPDATE ${prefix}case SET title_folded = LOWER(title);

ALTER TABLE ${prefix}case
    MODIFY COLUMN title_folded TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    ADD INDEX ${prefix}case_created (tenant, created_at, id),
    ADD INDEX ${prefix}case_updated (tenant, updated_at, id),
    ADD INDEX ${prefix}case_due (tenant, due_date, id),
    ADD INDEX ${prefix}case_owner_due (tenant, owner_id, due_date, id),
    ADD INDEX ${prefix}case_type_created (tenant, type_id, created_at, id),
    ADD INDEX ${prefix}case_priority (tenant, priority_rank, id),
    ADD INDEX ${prefix}case_contact (tenant, contact_id, created_at, id);

INSERT INTO ${prefix}schema_version (version, script) VALUES (3, 'V3__casekit.sql')
    ON DUPLICATE KEY UPDATE version = version;
