-- Scenario "lead" (scenarios/lead.score): "Lead score", "Lead intent", "Lead fit" for every contact.
-- Decay: factor = max(0, 1 - steps * P/100) with steps = age // (30 days * K); ages in ms.
WITH p AS (SELECT getvariable('now')::BIGINT AS now),
ev AS (
    SELECT e.rid, e.type, e.at_ms, e.url, e.form_name, p.now - e.at_ms AS age
    FROM event e, p
    WHERE e.rtype = 'contact' AND e.at_ms <= p.now),
agg AS (
    SELECT rid,
        SUM(CASE type WHEN 'call_started' THEN 15 WHEN 'meeting_booked' THEN 10 WHEN 'meeting_completed' THEN 20 ELSE 0 END) AS sales,
        SUM(CASE type WHEN 'cta_click' THEN 6 WHEN 'marketing_email_open' THEN 2 WHEN 'marketing_email_click' THEN 5 ELSE 0 END
            * GREATEST(0, 1 - 0.5 * (age // 2592000000))) AS mkt,
        SUM((CASE WHEN type = 'page_view' AND contains(url, 'pricing') THEN 3 ELSE 0 END
           + CASE WHEN type = 'page_view' AND starts_with(url, 'https://example.com/blog') AND age <= 2592000000 /* 30 days */ THEN 0.5 ELSE 0 END
           + CASE WHEN type = 'form_submission' THEN CASE form_name WHEN 'demo request' THEN 20 WHEN 'contact us' THEN 15
                                                                  WHEN 'newsletter signup' THEN 2 ELSE 0 END ELSE 0 END)
            * GREATEST(0, 1 - 0.25 * (age // 7776000000))) AS web,
        COUNT(*) FILTER (WHERE type = 'meeting_booked' AND age <= 7776000000 /* 90 days */) AS booked_n,
        MAX(at_ms) FILTER (WHERE type = 'meeting_booked' AND age <= 7776000000 /* 90 days */) AS booked_newest,
        COUNT(*) FILTER (WHERE type = 'marketing_email_open' AND age <= 15552000000 /* 180 days */) AS open_n,
        COUNT(*) FILTER (WHERE type = 'cta_click' AND age <= 5184000000 /* 60 days */) AS cta_n,
        MAX(at_ms) FILTER (WHERE type = 'cta_click' AND age <= 5184000000 /* 60 days */) AS cta_newest
    FROM ev GROUP BY rid),
g AS (
    SELECT c.id,
        LEAST(60, GREATEST(-60, COALESCE(a.sales, 0))) AS g_sales,
        LEAST(40, GREATEST(-40, COALESCE(a.mkt, 0))) AS g_mkt,
        LEAST(50, GREATEST(-50, COALESCE(a.web, 0))) AS g_web,
        LEAST(50, GREATEST(-50,
              CASE WHEN a.booked_n >= 1 THEN 25 * GREATEST(0, 1 - 0.5 * ((p.now - a.booked_newest) // 2592000000)) ELSE 0 END
            + CASE WHEN COALESCE(a.open_n, 0) = 0 THEN -10 ELSE 0 END
            + CASE WHEN a.cta_n BETWEEN 3 AND 10 THEN 10 * GREATEST(0, 1 - 0.5 * ((p.now - a.cta_newest) // 2592000000)) ELSE 0 END)) AS g_signals,
        LEAST(50, GREATEST(-50,
              CASE WHEN contains(c.jobtitle, 'chief') OR contains(c.jobtitle, 'vp') OR contains(c.jobtitle, 'head of') THEN 30 ELSE 0 END
            + CASE WHEN contains(c.jobtitle, 'director') OR contains(c.jobtitle, 'manager') THEN 15 ELSE 0 END
            - CASE WHEN contains(c.jobtitle, 'student') OR contains(c.jobtitle, 'intern') THEN 20 ELSE 0 END)) AS g_role,
        LEAST(50, GREATEST(-50,
              CASE WHEN c.industry IN ('software', 'financial services') THEN 20 ELSE 0 END
            + CASE WHEN c.employees BETWEEN 50 AND 1000 THEN 15 ELSE 0 END
            + CASE WHEN c.employees > 1000 THEN 25 ELSE 0 END
            - CASE WHEN c.employees_txt IS NULL THEN 10 ELSE 0 END)) AS g_company
    FROM contact c CROSS JOIN p LEFT JOIN agg a ON a.rid = c.id),
t AS (
    SELECT *,
        r2(LEAST(100, g_sales + g_mkt)) AS v_lead,
        r2(LEAST(100, g_web + g_signals)) AS v_intent,
        r2(GREATEST(0, LEAST(100, g_role + g_company))) AS v_fit
    FROM g)
SELECT id,
    v_lead, CASE WHEN v_lead >= 70 THEN 'High' WHEN v_lead >= 40 THEN 'Medium' ELSE 'Low' END, r2(g_sales), r2(g_mkt),
    v_intent, CASE WHEN v_intent >= 50 THEN 'Hot' WHEN v_intent >= 20 THEN 'Warm' ELSE 'Cold' END, r2(g_web), r2(g_signals),
    v_fit, CASE WHEN v_fit >= 70 THEN 'High' WHEN v_fit >= 40 THEN 'Medium' ELSE 'Low' END, r2(g_role), r2(g_company)
FROM t
