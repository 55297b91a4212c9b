-- What both loads (load.sql from jsonl, load-csv.sql from csv) and the scenarios' queries share:
-- run first. Text is trimmed and lower-cased once (matching ignores case and surrounding spaces),
-- an empty string is NULL (unknown), numbers are read from numbers or from strings that are plain
-- decimals; a record key `type:id` is split in two; an event's `at` is ISO-8601 or epoch ms.
SET TimeZone = 'UTC';
CREATE OR REPLACE MACRO r2(x) AS ROUND(CAST(x AS DECIMAL(18, 6)), 2);
CREATE OR REPLACE MACRO norm(x) AS NULLIF(lower(trim(x)), '');
CREATE OR REPLACE MACRO num(x) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+(\.[0-9]+)?') THEN CAST(trim(x) AS DOUBLE) END;
CREATE OR REPLACE MACRO key_type(k) AS split_part(k, ':', 1);
CREATE OR REPLACE MACRO key_id(k) AS substr(k, strpos(k, ':') + 1);
CREATE OR REPLACE MACRO at_ms(x) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+') THEN CAST(trim(x) AS BIGINT)
    ELSE epoch_ms(CAST(trim(x) AS TIMESTAMPTZ)) END;
