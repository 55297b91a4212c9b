-- Loads a jsonl data folder (data-and-cli.md §1) into typed tables, after common.sql and before
-- events-and-links.sql, which shapes the events and associations it leaves as views; the
-- properties that may hold several values (contact.state, ticket.sla_status) become lists.
-- ${dir} is replaced by the folder (quoted by the caller).
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

CREATE OR REPLACE TEMP VIEW raw_events AS
SELECT record, type, "at", properties ->> 'url' AS url, properties ->> 'form_name' AS form_name
FROM read_json(${dir} || '/events.jsonl', format = 'newline_delimited',
    columns = {record: 'VARCHAR', type: 'VARCHAR', "at": 'VARCHAR', properties: 'JSON'});

CREATE OR REPLACE TEMP VIEW raw_links AS
SELECT key_type("from") AS ft, key_id("from") AS fid, key_type("to") AS tt, key_id("to") AS tid,
       list_transform(coalesce(labels, []), x -> lower(trim(x))) AS labels
FROM read_json(${dir} || '/associations.jsonl', format = 'newline_delimited',
    columns = {"from": 'VARCHAR', "to": 'VARCHAR', labels: 'VARCHAR[]'});
