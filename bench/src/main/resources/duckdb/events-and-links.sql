-- What either load leaves as views, shaped the same way: run last. raw_events (record, type, at,
-- url, form_name as text) becomes the event table; raw_links (ft, fid, tt, tid, labels) is joined
-- both ways: the same pair twice counts once with the union of its labels; an association with
-- itself is ignored.
CREATE OR REPLACE TABLE event AS
SELECT key_type(record) AS rtype,
       key_id(record) AS rid,
       lower(trim(type)) AS type,
       at_ms("at") AS at_ms,
       norm(url) AS url,
       norm(form_name) AS form_name
FROM raw_events;

CREATE OR REPLACE TABLE link AS
WITH both_ways AS (
    SELECT ft, fid, tt, tid, labels FROM raw_links
    UNION ALL
    SELECT tt, tid, ft, fid, labels FROM raw_links)
SELECT ft, fid, tt, tid, list_distinct(flatten(list(labels))) AS labels
FROM both_ways WHERE NOT (ft = tt AND fid = tid)
GROUP BY ft, fid, tt, tid;

DROP VIEW raw_events;
DROP VIEW raw_links;
