-- casekit schema version 2 for MariaDB: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: DATETIME(3) holding the UTC date-time (were epoch
--     milliseconds; TIMESTAMP would end in 2038);
--   due_date: DATETIME(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSON (were the store's tagged text), in the shapes of case-store-jdbc's README.
-- MariaDB commits each DDL statement: back the tables up before an upgrade (see the README).
--
-- Existing rows are converted as follows (see "Schema version 2 and upgrading" in the README):
-- 1. The upgrade is refused, before anything changes, when a due date lies outside the years 1000
--    to 9999 or an instant outside 1000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: DATETIME can
--    not hold it, and the store of schema 2 keeps no such value (our decision: refuse rather than
--    change a value; the host corrects those rows and runs the upgrade again).
-- 2. A stored function, created here and dropped at the end, turns the tagged text of schema 1
--    into the JSON that case-store-jdbc's ValueColumns writes, byte for byte: no spaces, keys in
--    stored order, strings through JSON_QUOTE (which escapes exactly what Jackson escapes: '"',
--    '\' and control characters, as \t \n \r \b \f or \u00XX). Tagged-text lengths count
--    UTF-16 units, MariaDB's string functions count characters: the function first puts a mark
--    (U+0001) after every character above U+FFFF, so that every UTF-16 unit is one character,
--    cuts the strings by their lengths, and takes the marks out of each string it cut (only a mark
--    that follows such a character, so a U+0001 of the data stays). The script avoids backslashes
--    in literals, so that it reads the same under the sql_mode NO_BACKSLASH_ESCAPES.
-- 3. Both UPDATEs run before the first DDL statement, so they are committed together or not at
--    all; then the columns become JSON (MariaDB checks each value with JSON_VALID).
-- Creating the function needs the CREATE ROUTINE privilege (with binary logging on, also SUPER or
-- log_bin_trust_function_creators=1). The compound statements are written between the lines
-- DELIMITER // and DELIMITER ; which the mysql client, Flyway and JdbcSchema.create understand.

DELIMITER //
BEGIN NOT ATOMIC
    IF EXISTS (SELECT 1 FROM ${prefix}case WHERE due_date IS NOT NULL
            AND due_date NOT REGEXP '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$') THEN
        SIGNAL SQLSTATE '22008' SET MESSAGE_TEXT
            = 'casekit upgrade refused: a case has a due date outside the years 1000 to 9999 (see README)';
    END IF;
    IF EXISTS (SELECT 1 FROM ${prefix}case
            WHERE created_at NOT BETWEEN -30610224000000 AND 253402300799999
               OR updated_at NOT BETWEEN -30610224000000 AND 253402300799999)
       OR EXISTS (SELECT 1 FROM ${prefix}case_history
            WHERE changed_at NOT BETWEEN -30610224000000 AND 253402300799999) THEN
        SIGNAL SQLSTATE '22008' SET MESSAGE_TEXT
            = 'casekit upgrade refused: an instant lies outside the years 1000 to 9999 (see README)';
    END IF;
END
//

CREATE OR REPLACE FUNCTION ${prefix}v1_to_json(
        v1 LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
        is_changes BOOLEAN,
        row_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)
    RETURNS LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
    DETERMINISTIC NO SQL
BEGIN
    DECLARE mark VARCHAR(1) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT CONVERT(X'01' USING utf8mb4);
    DECLARE astral VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        DEFAULT CONCAT('([', CONVERT(X'F0908080' USING utf8mb4), '-', CONVERT(X'F48FBFBF' USING utf8mb4), '])');
    DECLARE first_group VARCHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        DEFAULT CONCAT(CONVERT(X'5C' USING utf8mb4), '1');
    DECLARE t, s, json, val, old_val, list LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DECLARE name LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DECLARE digits VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DECLARE tag, string_kind VARCHAR(1) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL;
    DECLARE n, pos, colon, len, items BIGINT DEFAULT 0;
    -- 0: a field name; 1: an extension value; 2: a change's old value; 3: a change's new value
    DECLARE phase INT DEFAULT 0;
    DECLARE in_list, have_value, malformed BOOLEAN DEFAULT FALSE;
    DECLARE message VARCHAR(128) CHARACTER SET utf8mb4;

    SET t = REGEXP_REPLACE(v1, astral, CONCAT(first_group, mark));
    SET n = CHAR_LENGTH(t), pos = 1, json = '';
    reading: LOOP
        IF pos > n THEN
            IF phase = 0 THEN
                LEAVE reading;
            END IF;
            SET malformed = TRUE;
            LEAVE reading;
        END IF;
        SET have_value = FALSE;
        IF phase = 0 OR in_list OR string_kind IS NOT NULL THEN
            -- a string: its length in UTF-16 units, ':', its characters
            SET colon = LOCATE(':', t, pos);
            SET digits = IF(colon = 0, '', SUBSTRING(t, pos, LEAST(colon - pos, 10)));
            IF colon = 0 OR colon - pos NOT BETWEEN 1 AND 9 OR digits NOT REGEXP '^[0-9]+$' THEN
                SET malformed = TRUE;
                LEAVE reading;
            END IF;
            SET len = CAST(digits AS UNSIGNED);
            IF colon + len > n THEN
                SET malformed = TRUE;
                LEAVE reading;
            END IF;
            SET s = SUBSTRING(t, colon + 1, len);
            IF LOCATE(mark, s) > 0 THEN
                SET s = REGEXP_REPLACE(s, CONCAT(astral, mark), first_group);
            END IF;
            SET pos = colon + 1 + len;
            IF phase = 0 THEN
                SET name = s, phase = IF(is_changes, 2, 1);
            ELSEIF in_list THEN
                SET list = CONCAT(list, IF(list = '[', '', ','), JSON_QUOTE(s)), items = items - 1;
                IF items = 0 THEN
                    SET val = CONCAT(list, ']'), in_list = FALSE, have_value = TRUE;
                END IF;
            ELSE
                SET val = CASE string_kind
                        WHEN 's' THEN JSON_QUOTE(s)
                        WHEN 'n' THEN CONCAT('{"decimal":', JSON_QUOTE(s), '}')
                        WHEN 'd' THEN CONCAT('{"date":', JSON_QUOTE(s), '}')
                        ELSE CONCAT('{"dateTime":', JSON_QUOTE(s), '}') END,
                    string_kind = NULL, have_value = TRUE;
            END IF;
        ELSE
            -- a value's tag
            SET tag = SUBSTRING(t, pos, 1), pos = pos + 1;
            IF tag = '-' AND phase <> 1 THEN
                SET val = 'null', have_value = TRUE;
            ELSEIF tag = 'b' THEN
                SET tag = SUBSTRING(t, pos, 1), pos = pos + 1;
                IF tag = '1' THEN
                    SET val = 'true', have_value = TRUE;
                ELSEIF tag = '0' THEN
                    SET val = 'false', have_value = TRUE;
                ELSE
                    SET malformed = TRUE;
                    LEAVE reading;
                END IF;
            ELSEIF tag IN ('s', 'n', 'd', 't') THEN
                SET string_kind = tag;
            ELSEIF tag = 'l' THEN
                SET colon = LOCATE(':', t, pos);
                SET digits = IF(colon = 0, '', SUBSTRING(t, pos, LEAST(colon - pos, 10)));
                IF colon = 0 OR colon - pos NOT BETWEEN 1 AND 9 OR digits NOT REGEXP '^[0-9]+$' THEN
                    SET malformed = TRUE;
                    LEAVE reading;
                END IF;
                SET items = CAST(digits AS UNSIGNED), pos = colon + 1;
                IF items = 0 THEN
                    SET val = '[]', have_value = TRUE;
                ELSE
                    SET list = '[', in_list = TRUE;
                END IF;
            ELSE
                SET malformed = TRUE;
                LEAVE reading;
            END IF;
        END IF;
        IF have_value THEN
            IF phase = 1 THEN
                SET json = CONCAT(json, IF(json = '', '', ','), JSON_QUOTE(name), ':', val), phase = 0;
            ELSEIF phase = 2 THEN
                SET old_val = val, phase = 3;
            ELSE
                SET json = CONCAT(json, IF(json = '', '', ','), '{"field":', JSON_QUOTE(name),
                        ',"old":', old_val, ',"new":', val, '}'), phase = 0;
            END IF;
        END IF;
    END LOOP reading;
    IF malformed THEN
        SET message = LEFT(CONCAT('casekit upgrade: the ', IF(is_changes, 'changes', 'extensions'), ' of ', row_key,
                ' are no schema 1 tagged text (at ', pos, ')'), 128);
        SIGNAL SQLSTATE '22000' SET MESSAGE_TEXT = message;
    END IF;
    RETURN IF(is_changes, CONCAT('[', json, ']'), CONCAT('{', json, '}'));
END
//
DELIMITER ;

UPDATE ${prefix}case SET extensions = ${prefix}v1_to_json(extensions, FALSE, CONCAT('case ', tenant, '/', id));

UPDATE ${prefix}case_history
    SET changes = ${prefix}v1_to_json(changes, TRUE, CONCAT('case ', tenant, '/', case_id, ' version ', version));


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

DROP FUNCTION ${prefix}v1_to_json;

INSERT INTO ${prefix}schema_version (version, script) VALUES (2, 'V2__casekit.sql')
    ON DUPLICATE KEY UPDATE version = version;
