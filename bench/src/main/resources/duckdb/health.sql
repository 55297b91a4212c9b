-- Scenario "health" (scenarios/health.score): "Customer health" for every company, reading its
-- deals, its tickets and the events of its contacts (associations join both ways).
WITH p AS (SELECT getvariable('now')::BIGINT AS now),
cl AS (
    SELECT l.fid AS company, c.id AS contact, c.stage, list_contains(l.labels, 'champion') AS champ
    FROM link l JOIN contact c ON c.id = l.tid
    WHERE l.ft = 'company' AND l.tt = 'contact'),
ce AS (
    SELECT cl.company,
        SUM(CASE WHEN e.type = 'meeting_completed' THEN 2
                 WHEN e.type = 'marketing_email_click' AND p.now - e.at_ms <= 7776000000 /* 90 days */ THEN 0.5
                 WHEN e.type = 'meeting_booked' AND cl.champ THEN 3
                 ELSE 0 END * GREATEST(0, 1 - 0.5 * ((p.now - e.at_ms) // 7776000000))) AS eng,
        COUNT(*) FILTER (WHERE e.type = 'call_started' AND p.now - e.at_ms <= 2592000000 /* 30 days */) AS calls,
        MAX(e.at_ms) FILTER (WHERE e.type = 'call_started' AND p.now - e.at_ms <= 2592000000 /* 30 days */) AS call_newest,
        AVG(4 * GREATEST(0, 1 - 0.5 * ((p.now - e.at_ms) // 7776000000)))
            FILTER (WHERE e.type = 'page_view' AND contains(e.url, 'pricing')) AS pricing_avg
    FROM cl JOIN event e ON e.rtype = 'contact' AND e.rid = cl.contact CROSS JOIN p
    WHERE e.at_ms <= p.now
    GROUP BY cl.company),
lc AS (
    SELECT company,
        AVG(CASE stage WHEN 'customer' THEN 2 WHEN 'evangelist' THEN 4 WHEN 'opportunity' THEN 1 END) AS lc_avg
    FROM cl GROUP BY company),
dl AS (
    SELECT l.fid AS company,
        MAX(CASE WHEN d.stage = 'closedwon' THEN 5 END) AS won,
        SUM(CASE WHEN d.stage = 'closedlost' THEN -2 ELSE 0 END) AS lost
    FROM link l JOIN deal d ON d.id = l.tid
    WHERE l.ft = 'company' AND l.tt = 'deal'
    GROUP BY l.fid),
tk AS (
    SELECT l.fid AS company,
        SUM(CASE WHEN list_contains(t.sla, 'overdue') THEN -3 ELSE 0 END
          + CASE WHEN list_contains(t.sla, 'completed late') THEN -1 ELSE 0 END) AS sla_pts,
        SUM(CASE WHEN t.priority = 'high' AND list_contains(t.sla, 'overdue') THEN -2 ELSE 0 END) AS high_overdue,
        MAX(CASE WHEN list_contains(t.sla, 'on time') THEN 4 END) AS on_time
    FROM link l JOIN ticket t ON t.id = l.tid
    WHERE l.ft = 'company' AND l.tt = 'ticket'
    GROUP BY l.fid),
g AS (
    SELECT co.id,
        LEAST(30, GREATEST(-30,
              CASE WHEN co.wau >= 50 THEN 15 ELSE 0 END
            + CASE WHEN co.adoption >= 0.5 THEN 10 ELSE 0 END
            - CASE WHEN co.wau < 5 OR co.wau_txt IS NULL THEN 10 ELSE 0 END
            + COALESCE(dl.won, 0) + COALESCE(dl.lost, 0))) AS g_usage,
        LEAST(20, GREATEST(-20,
              CASE WHEN co.nps >= 9 THEN 20 ELSE 0 END
            + CASE WHEN co.nps BETWEEN 7 AND 8 THEN 10 ELSE 0 END
            - CASE WHEN co.nps <= 6 THEN 15 ELSE 0 END)) AS g_nps,
        LEAST(30, GREATEST(-30,
              COALESCE(ce.eng, 0)
            + CASE WHEN ce.calls >= 2 THEN 10 * GREATEST(0, 1 - 0.5 * ((p.now - ce.call_newest) // 7776000000)) ELSE 0 END
            + COALESCE(ce.pricing_avg, 0)
            + COALESCE(lc.lc_avg, 0))) AS g_eng,
        LEAST(20, GREATEST(-20, 10 + COALESCE(tk.sla_pts, 0) + COALESCE(tk.high_overdue, 0) + COALESCE(tk.on_time, 0))) AS g_support
    FROM company co CROSS JOIN p
        LEFT JOIN ce ON ce.company = co.id
        LEFT JOIN lc ON lc.company = co.id
        LEFT JOIN dl ON dl.company = co.id
        LEFT JOIN tk ON tk.company = co.id),
t AS (SELECT *, r2(LEAST(100, g_usage + g_nps + g_eng + g_support)) AS v FROM g)
SELECT id, v, CASE WHEN v >= 70 THEN 'Healthy' WHEN v >= 40 THEN 'Neutral' ELSE 'At risk' END,
       r2(g_usage), r2(g_nps), r2(g_eng), r2(g_support)
FROM t
