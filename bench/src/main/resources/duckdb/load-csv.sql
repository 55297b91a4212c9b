-- Loads the csv layout of the bench data (data-and-cli.md §2, written by CsvExport) into the same
-- typed tables as load.sql, after common.sql and before events-and-links.sql: every cell read as
-- text and normalized as there; several values of a property, and labels, are separated by ';';
-- list memberships come from lists.csv. ${dir} is replaced by the folder (quoted by the caller).
CREATE OR REPLACE MACRO svals(x) AS CASE
    WHEN x IS NULL THEN []::VARCHAR[]
    ELSE list_filter(list_transform(string_split(x, ';'), v -> NULLIF(lower(trim(v)), '')), v -> v IS NOT NULL) END;

CREATE OR REPLACE TEMP TABLE raw_lists AS
SELECT key_type(record) AS rtype, key_id(record) AS id, list(lower(trim(list))) AS lists
FROM read_csv(${dir} || '/lists.csv', header = true, all_varchar = true)
GROUP BY 1, 2;

CREATE OR REPLACE TABLE contact AS
SELECT c.id,
       norm(jobtitle) AS jobtitle,
       norm(industry) AS industry,
       norm(numberofemployees) AS employees_txt,
       num(numberofemployees) AS employees,
       norm(annualrevenue) AS revenue_txt,
       num(annualrevenue) AS revenue,
       norm(country) AS country,
       svals(state) AS state,
       norm(lifecyclestage) AS stage,
       norm(hs_analytics_source) AS source,
       epoch_ms(TRY_CAST(trim(recycled_at) AS TIMESTAMPTZ)) AS recycled_ms,
       coalesce(l.lists, []) AS lists
FROM read_csv(${dir} || '/contact.csv', header = true, all_varchar = true) c
LEFT JOIN (SELECT id, lists FROM raw_lists WHERE rtype = 'contact') l ON l.id = c.id;

CREATE OR REPLACE TABLE company AS
SELECT id,
       norm(weekly_active_users) AS wau_txt,
       num(weekly_active_users) AS wau,
       num(feature_adoption) AS adoption,
       num(nps) AS nps
FROM read_csv(${dir} || '/company.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE deal AS
SELECT id, norm(dealstage) AS stage
FROM read_csv(${dir} || '/deal.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE ticket AS
SELECT id, svals(sla_status) AS sla, norm(priority) AS priority
FROM read_csv(${dir} || '/ticket.csv', header = true, all_varchar = true);

DROP TABLE raw_lists;

CREATE OR REPLACE TEMP VIEW raw_events AS
SELECT record, type, "at", "prop.url" AS url, "prop.form_name" AS form_name
FROM read_csv(${dir} || '/events.csv', header = true, all_varchar = true);

CREATE OR REPLACE TEMP VIEW raw_links AS
SELECT key_type("from") AS ft, key_id("from") AS fid, key_type("to") AS tt, key_id("to") AS tid,
       svals(labels) AS labels
FROM read_csv(${dir} || '/associations.csv', header = true, all_varchar = true);
