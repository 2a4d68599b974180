-- casekit schema version 2 for PostgreSQL: the columns a host reads in SQL get SQL types, in place,
-- with their data. ${prefix} is the table prefix (default casekit_).
--   created_at, updated_at, changed_at: TIMESTAMP(3) WITH TIME ZONE (were epoch milliseconds);
--   due_date: TIMESTAMP(0), the local date-time without zone (was its text uuuu-MM-dd HH:mm:ss);
--   extensions, changes: JSONB (were the store's tagged text), in the shapes of case-store-jdbc's README.
-- Every statement of this script runs in one transaction when JdbcSchema.create applies it (and
-- under Flyway, which runs a PostgreSQL migration in one transaction): a failure changes nothing.
--
-- Existing rows are converted as follows (see "Schema version 2 and upgrading" in the README):
-- 1. The upgrade is refused when a due date lies outside the years 1000 to 9999 or an instant
--    outside 1000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: the store of schema 2 keeps no such
--    value on any dialect (MariaDB's DATETIME can not hold it), and the upgrade does not change a
--    value (our decision). The host corrects those rows and runs the upgrade again.
-- 2. A PL/pgSQL function, created here and dropped at the end, turns the tagged text of schema 1
--    into the JSON that case-store-jdbc's ValueColumns writes (jsonb then keeps it in its own
--    form). Strings become JSON through to_jsonb(text), which escapes what JSON requires.
--    Tagged-text lengths count UTF-16 units, PostgreSQL's string functions count characters: the
--    function first puts a mark (U+0001) after every character above U+FFFF, so that every UTF-16
--    unit is one character, cuts the strings by their lengths, and takes the marks out of each
--    string it cut (only a mark that follows such a character, so a U+0001 of the data stays).
--    The function's literals hold no backslash, so standard_conforming_strings does not matter.
-- Creating the function needs the CREATE privilege on the schema, which the tables' owner has.

DO $check$
BEGIN
    IF EXISTS (SELECT 1 FROM ${prefix}case WHERE due_date IS NOT NULL
            AND due_date !~ '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$') THEN
        RAISE EXCEPTION USING ERRCODE = '22008',
            MESSAGE = 'casekit upgrade refused: a case has a due date outside the years 1000 to 9999',
            HINT = 'See "Upgrading from schema 1" in the case-store-jdbc README.';
    END IF;
    IF EXISTS (SELECT 1 FROM ${prefix}case
            WHERE created_at NOT BETWEEN -30610224000000 AND 253402300799999
               OR updated_at NOT BETWEEN -30610224000000 AND 253402300799999)
       OR EXISTS (SELECT 1 FROM ${prefix}case_history
            WHERE changed_at NOT BETWEEN -30610224000000 AND 253402300799999) THEN
        RAISE EXCEPTION USING ERRCODE = '22008',
            MESSAGE = 'casekit upgrade refused: an instant lies outside the years 1000 to 9999',
            HINT = 'See "Upgrading from schema 1" in the case-store-jdbc README.';
    END IF;
END
$check$;

CREATE OR REPLACE FUNCTION ${prefix}v1_to_json(v1 TEXT, is_changes BOOLEAN, row_key TEXT) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE STRICT AS $body$
DECLARE
    mark CONSTANT TEXT := chr(1);
    astral CONSTANT TEXT := '([' || chr(65536) || '-' || chr(1114111) || '])';
    first_group CONSTANT TEXT := chr(92) || '1';
    t TEXT;
    s TEXT;
    json TEXT := '';
    val TEXT;
    old_val TEXT;
    list TEXT;
    name TEXT;
    digits TEXT;
    tag TEXT;
    string_kind TEXT;
    n INTEGER;
    pos INTEGER := 1;
    colon INTEGER;
    len INTEGER;
    items INTEGER := 0;
    fields INTEGER := 0;
    -- 0: a field name; 1: an extension value; 2: a change's old value; 3: a change's new value
    phase INTEGER := 0;
    in_list BOOLEAN := FALSE;
    have_value BOOLEAN;
    result JSONB;
BEGIN
    t := regexp_replace(v1, astral, first_group || mark, 'g');
    n := char_length(t);
    LOOP
        IF pos > n THEN
            EXIT WHEN phase = 0;
            RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = 'casekit upgrade: the '
                || CASE WHEN is_changes THEN 'changes' ELSE 'extensions' END || ' of ' || row_key
                || ' are no schema 1 tagged text (they end early)';
        END IF;
        have_value := FALSE;
        IF phase = 0 OR in_list OR string_kind IS NOT NULL THEN
            -- a string: its length in UTF-16 units, ':', its characters
            digits := substring(substr(t, pos, 10) FROM '^[0-9]{1,9}:');
            IF digits IS NULL THEN
                EXIT;
            END IF;
            len := CAST(left(digits, -1) AS INTEGER);
            colon := pos + char_length(digits) - 1;
            IF colon + len > n THEN
                EXIT;
            END IF;
            s := substr(t, colon + 1, len);
            IF strpos(s, mark) > 0 THEN
                s := regexp_replace(s, astral || mark, first_group, 'g');
            END IF;
            pos := colon + 1 + len;
            IF phase = 0 THEN
                name := s;
                phase := CASE WHEN is_changes THEN 2 ELSE 1 END;
            ELSIF in_list THEN
                list := list || CASE WHEN list = '[' THEN '' ELSE ',' END || to_jsonb(s)::text;
                items := items - 1;
                IF items = 0 THEN
                    val := list || ']';
                    in_list := FALSE;
                    have_value := TRUE;
                END IF;
            ELSE
                val := CASE string_kind
                    WHEN 's' THEN to_jsonb(s)::text
                    WHEN 'n' THEN '{"decimal":' || to_jsonb(s)::text || '}'
                    WHEN 'd' THEN '{"date":' || to_jsonb(s)::text || '}'
                    ELSE '{"dateTime":' || to_jsonb(s)::text || '}' END;
                string_kind := NULL;
                have_value := TRUE;
            END IF;
        ELSE
            -- a value's tag
            tag := substr(t, pos, 1);
            pos := pos + 1;
            IF tag = '-' AND phase <> 1 THEN
                val := 'null';
                have_value := TRUE;
            ELSIF tag = 'b' THEN
                tag := substr(t, pos, 1);
                pos := pos + 1;
                EXIT WHEN tag NOT IN ('0', '1');
                val := CASE WHEN tag = '1' THEN 'true' ELSE 'false' END;
                have_value := TRUE;
            ELSIF tag IN ('s', 'n', 'd', 't') THEN
                string_kind := tag;
            ELSIF tag = 'l' THEN
                digits := substring(substr(t, pos, 10) FROM '^[0-9]{1,9}:');
                EXIT WHEN digits IS NULL;
                items := CAST(left(digits, -1) AS INTEGER);
                pos := pos + char_length(digits);
                IF items = 0 THEN
                    val := '[]';
                    have_value := TRUE;
                ELSE
                    list := '[';
                    in_list := TRUE;
                END IF;
            ELSE
                EXIT;
            END IF;
        END IF;
        IF have_value THEN
            IF phase = 1 THEN
                json := json || CASE WHEN json = '' THEN '' ELSE ',' END || to_jsonb(name)::text || ':' || val;
                fields := fields + 1;
                phase := 0;
            ELSIF phase = 2 THEN
                old_val := val;
                phase := 3;
            ELSE
                json := json || CASE WHEN json = '' THEN '' ELSE ',' END || '{"field":' || to_jsonb(name)::text
                    || ',"old":' || old_val || ',"new":' || val || '}';
                phase := 0;
            END IF;
        END IF;
    END LOOP;
    IF pos <= n OR phase <> 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = 'casekit upgrade: the '
            || CASE WHEN is_changes THEN 'changes' ELSE 'extensions' END || ' of ' || row_key
            || ' are no schema 1 tagged text (at character ' || pos || ')';
    END IF;
    IF is_changes THEN
        RETURN CAST('[' || json || ']' AS JSONB);
    END IF;
    result := CAST('{' || json || '}' AS JSONB);
    IF (SELECT count(*) FROM jsonb_object_keys(result)) <> fields THEN
        RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = 'casekit upgrade: the extensions of ' || row_key
            || ' hold a field twice';
    END IF;
    RETURN result;
END
$body$;

ALTER TABLE ${prefix}case
    ALTER COLUMN created_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + created_at * INTERVAL '1 millisecond',
    ALTER COLUMN updated_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + updated_at * INTERVAL '1 millisecond',
    ALTER COLUMN due_date TYPE TIMESTAMP(0) USING CAST(due_date AS TIMESTAMP(0)),
    ALTER COLUMN extensions TYPE JSONB USING ${prefix}v1_to_json(extensions, FALSE, 'case ' || tenant || '/' || id);

ALTER TABLE ${prefix}case_history
    ALTER COLUMN changed_at TYPE TIMESTAMP(3) WITH TIME ZONE
        USING TIMESTAMPTZ 'epoch' + changed_at * INTERVAL '1 millisecond',
    ALTER COLUMN changes TYPE JSONB USING ${prefix}v1_to_json(changes, TRUE, 'case ' || tenant || '/' || case_id || ' version ' || version);

DROP FUNCTION ${prefix}v1_to_json(TEXT, BOOLEAN, TEXT);

INSERT INTO ${prefix}schema_version (version, script) VALUES (2, 'V2__casekit.sql')
    ON CONFLICT (version) DO NOTHING;
