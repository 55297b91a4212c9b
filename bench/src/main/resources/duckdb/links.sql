-- The associations either load left in raw_links (ft, fid, tt, tid, labels), joined both ways:
-- run last. The same pair twice counts once with the union of its labels; an association with
-- itself is ignored.
CREATE OR REPLACE TABLE link AS
WITH both_ways AS (
    SELECT ft, fid, tt, tid, labels FROM raw_links
    UNION ALL
    SELECT tt, tid, ft, fid, labels FROM raw_links)
SELECT ft, fid, tt, tid, list_distinct(flatten(list(labels))) AS labels
FROM both_ways WHERE NOT (ft = tt AND fid = tid)
GROUP BY ft, fid, tt, tid;

DROP TABLE raw_links;
