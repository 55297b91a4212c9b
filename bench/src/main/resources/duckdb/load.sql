-- Loads a jsonl data folder (data-and-cli.md §1) into typed tables. Text is trimmed and
-- lower-cased once here (matching ignores case and surrounding spaces), an empty string is NULL
-- (unknown), numbers are read from numbers or from strings that are plain decimals, and the
-- properties that may hold several values (contact.state, ticket.sla_status) become lists.
-- ${dir} is replaced by the folder (quoted by the caller).
SET TimeZone = 'UTC';
CREATE OR REPLACE MACRO r2(x) AS ROUND(CAST(x AS DECIMAL(18, 6)), 2);
CREATE OR REPLACE MACRO norm(x) AS NULLIF(lower(trim(x)), '');
CREATE OR REPLACE MACRO num(x) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+(\.[0-9]+)?') THEN CAST(trim(x) AS DOUBLE) END;
CREATE OR REPLACE MACRO vals(j) AS CASE
    WHEN j IS NULL THEN []::VARCHAR[]
    WHEN json_type(j) = 'ARRAY' THEN list_filter(list_transform(from_json(j, '["VARCHAR"]'), x -> NULLIF(lower(trim(x)), '')), x -> x IS NOT NULL)
    ELSE list_filter([NULLIF(lower(trim(j ->> '$')), '')], x -> x IS NOT NULL) END;

CREATE OR REPLACE TEMP TABLE raw_records AS
SELECT * FROM read_json(${dir} || '/records.jsonl', format = 'newline_delimited',
    columns = {type: 'VARCHAR', id: 'VARCHAR', properties: 'JSON', lists: 'VARCHAR[]'});

CREATE OR REPLACE TABLE contact AS
SELECT id,
       norm(properties ->> 'jobtitle') AS jobtitle,
       norm(properties ->> 'industry') AS industry,
       norm(properties ->> 'numberofemployees') AS employees_txt,
       num(properties ->> 'numberofemployees') AS employees,
       norm(properties ->> 'annualrevenue') AS revenue_txt,
       num(properties ->> 'annualrevenue') AS revenue,
       norm(properties ->> 'country') AS country,
       vals(properties -> 'state') AS state,
       norm(properties ->> 'lifecyclestage') AS stage,
       norm(properties ->> 'hs_analytics_source') AS source,
       epoch_ms(TRY_CAST(trim(properties ->> 'recycled_at') AS TIMESTAMPTZ)) AS recycled_ms,
       list_transform(coalesce(lists, []), x -> lower(trim(x))) AS lists
FROM raw_records WHERE type = 'contact';

CREATE OR REPLACE TABLE company AS
SELECT id,
       norm(properties ->> 'weekly_active_users') AS wau_txt,
       num(properties ->> 'weekly_active_users') AS wau,
       num(properties ->> 'feature_adoption') AS adoption,
       num(properties ->> 'nps') AS nps
FROM raw_records WHERE type = 'company';

CREATE OR REPLACE TABLE deal AS
SELECT id, norm(properties ->> 'dealstage') AS stage
FROM raw_records WHERE type = 'deal';

CREATE OR REPLACE TABLE ticket AS
SELECT id, vals(properties -> 'sla_status') AS sla, norm(properties ->> 'priority') AS priority
FROM raw_records WHERE type = 'ticket';

DROP TABLE raw_records;

CREATE OR REPLACE TABLE event AS
SELECT split_part(record, ':', 1) AS rtype,
       substr(record, strpos(record, ':') + 1) AS rid,
       lower(trim(type)) AS type,
       CASE WHEN regexp_full_match(trim("at"), '-?[0-9]+') THEN CAST(trim("at") AS BIGINT)
            ELSE epoch_ms(CAST(trim("at") AS TIMESTAMPTZ)) END AS at_ms,
       norm(properties ->> 'url') AS url,
       norm(properties ->> 'form_name') AS form_name
FROM read_json(${dir} || '/events.jsonl', format = 'newline_delimited',
    columns = {record: 'VARCHAR', type: 'VARCHAR', "at": 'VARCHAR', properties: 'JSON'});

-- Associations join both ways; the same pair twice counts once with the union of its labels;
-- an association with itself is ignored.
CREATE OR REPLACE TABLE link AS
WITH a AS (
    SELECT split_part("from", ':', 1) AS ft, substr("from", strpos("from", ':') + 1) AS fid,
           split_part("to", ':', 1) AS tt, substr("to", strpos("to", ':') + 1) AS tid,
           list_transform(coalesce(labels, []), x -> lower(trim(x))) AS labels
    FROM read_json(${dir} || '/associations.jsonl', format = 'newline_delimited',
        columns = {"from": 'VARCHAR', "to": 'VARCHAR', labels: 'VARCHAR[]'})),
both_ways AS (
    SELECT ft, fid, tt, tid, labels FROM a
    UNION ALL
    SELECT tt, tid, ft, fid, labels FROM a)
SELECT ft, fid, tt, tid, list_distinct(flatten(list(labels))) AS labels
FROM both_ways WHERE NOT (ft = tt AND fid = tid)
GROUP BY ft, fid, tt, tid;
