-- Scenario "rollup" (scenarios/rollup.score): "Contact lead" for every contact (caps per ISO week,
-- UTC calendar month and UTC day, since recycled_at, decay), then "Company rollup" for every company from its
-- contacts' rounded lead values. One row per record: a contact's row leaves the company columns
-- NULL and the other way round.
WITH p AS (SELECT getvariable('now')::BIGINT AS now),
ev AS (
    SELECT e.rid AS contact, e.type, e.at_ms,
           (c.recycled_ms IS NULL OR e.at_ms >= c.recycled_ms) AS after_since
    FROM event e JOIN contact c ON c.id = e.rid CROSS JOIN p
    WHERE e.rtype = 'contact' AND e.at_ms <= p.now),
views AS (  -- at most 1 per week from Monday 00:00 UTC (1970-01-01 was a Thursday)
    SELECT contact, COUNT(DISTINCT (at_ms // 86400000 + 3) // 7) AS n FROM ev
    WHERE type = 'page_view' AND after_since GROUP BY contact),
clicks AS (  -- at most 1 per UTC calendar month
    SELECT contact, COUNT(DISTINCT date_trunc('month', epoch_ms(at_ms))) AS n FROM ev
    WHERE type = 'marketing_email_click' AND after_since GROUP BY contact),
meetings AS (
    SELECT contact, COUNT(*) FILTER (WHERE after_since) AS n, MAX(at_ms) AS newest FROM ev
    WHERE type = 'meeting_completed' GROUP BY contact),
forms AS (  -- at most 1 per UTC day: the day's oldest, decayed by its age (50% every 30 days)
    SELECT f.contact, SUM(10 * GREATEST(0, 1 - 0.5 * ((p.now - f.first_at) // 2592000000))) AS pts
    FROM (SELECT contact, MIN(at_ms) AS first_at FROM ev WHERE type = 'form_submission'
          GROUP BY contact, at_ms // 86400000) f CROSS JOIN p
    GROUP BY f.contact),
ctas AS (
    SELECT contact, COUNT(*) AS n, MAX(at_ms) AS newest FROM ev CROSS JOIN p
    WHERE type = 'cta_click' AND p.now - at_ms <= 2592000000 /* 30 days */ GROUP BY contact),
lg AS (
    SELECT c.id,
        LEAST(70, GREATEST(-70, 5 * COALESCE(v.n, 0) + 3 * COALESCE(k.n, 0) + 15 * COALESCE(m.n, 0))) AS g_activity,
        LEAST(30, GREATEST(-30, COALESCE(f.pts, 0)
            + CASE WHEN t.n >= 2 THEN 8 * GREATEST(0, 1 - 0.5 * ((p.now - t.newest) // 2592000000)) ELSE 0 END)) AS g_intent,
        m.newest AS meeting_newest
    FROM contact c CROSS JOIN p
        LEFT JOIN views v ON v.contact = c.id
        LEFT JOIN clicks k ON k.contact = c.id
        LEFT JOIN meetings m ON m.contact = c.id
        LEFT JOIN forms f ON f.contact = c.id
        LEFT JOIN ctas t ON t.contact = c.id),
lead AS (SELECT *, r2(LEAST(100, g_activity + g_intent)) AS v FROM lg),
cl AS (
    SELECT l.fid AS company, ld.v, ld.meeting_newest, list_contains(l.labels, 'champion') AS champ
    FROM link l JOIN lead ld ON ld.id = l.tid
    WHERE l.ft = 'company' AND l.tt = 'contact'),
agg AS (
    SELECT company, AVG(v) AS avg_v, MAX(v) AS max_v, COUNT(*) AS n, COUNT(*) FILTER (WHERE v >= 40) AS high,
        bool_or(champ AND meeting_newest IS NOT NULL AND p.now - meeting_newest <= 7776000000 /* 90 days */) AS champ_met
    FROM cl CROSS JOIN p GROUP BY company),
cg AS (
    SELECT co.id,
        -- LEAST skips NULLs: a company without contacts must read 0 before the rule limits, not 40 and 20
        LEAST(60, GREATEST(-60, LEAST(40, COALESCE(a.avg_v, 0)) + LEAST(20, COALESCE(0.2 * a.max_v, 0)))) AS g_contacts,
        LEAST(40, GREATEST(-40, CASE WHEN a.high >= 3 THEN 20 ELSE 0 END + CASE WHEN a.champ_met THEN 10 ELSE 0 END
            + CASE WHEN a.n >= 10 THEN 10 ELSE 0 END)) AS g_reach
    FROM company co LEFT JOIN agg a ON a.company = co.id),
rollup AS (SELECT *, r2(LEAST(100, g_contacts + g_reach)) AS v FROM cg)
SELECT id, v, CASE WHEN v >= 70 THEN 'High' WHEN v >= 40 THEN 'Medium' ELSE 'Low' END, r2(g_activity), r2(g_intent),
       NULL::DOUBLE, NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE
FROM lead
UNION ALL
SELECT id, NULL::DOUBLE, NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE,
       v, CASE WHEN v >= 70 THEN 'Healthy' WHEN v >= 40 THEN 'Neutral' ELSE 'At risk' END, r2(g_contacts), r2(g_reach)
FROM rollup
