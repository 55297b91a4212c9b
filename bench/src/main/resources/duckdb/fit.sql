-- Scenario "fit" (scenarios/fit.score): "Fit score" for every contact not in list "Unsubscribed".
WITH g AS (
    SELECT id,
        LEAST(40, GREATEST(-40,
              CASE WHEN contains(jobtitle, 'chief') OR contains(jobtitle, 'vp') OR contains(jobtitle, 'head of') THEN 20 ELSE 0 END
            + CASE WHEN contains(jobtitle, 'director') THEN 10 ELSE 0 END
            + CASE WHEN contains(jobtitle, 'manager') AND NOT COALESCE(contains(jobtitle, 'assistant'), false) THEN 5 ELSE 0 END
            - CASE WHEN contains(jobtitle, 'student') OR contains(jobtitle, 'intern') THEN 15 ELSE 0 END
            - CASE WHEN jobtitle IS NULL THEN 5 ELSE 0 END
            + CASE WHEN ends_with(jobtitle, 'engineer') OR starts_with(jobtitle, 'software') THEN 5 ELSE 0 END)) AS g_persona,
        LEAST(40, GREATEST(-40,
              CASE industry WHEN 'software' THEN 15 WHEN 'financial services' THEN 10 WHEN 'healthcare' THEN 8
                            WHEN 'retail' THEN 3 WHEN 'education' THEN -5 ELSE 0 END
            + CASE WHEN employees BETWEEN 200 AND 5000 THEN 10 ELSE 0 END
            + CASE WHEN employees BETWEEN 50 AND 199 THEN 5 ELSE 0 END
            - CASE WHEN employees < 10 THEN 5 ELSE 0 END
            + CASE WHEN revenue >= 10000000 THEN 10 ELSE 0 END
            + CASE WHEN revenue BETWEEN 1000000 AND 9999999.99 THEN 5 ELSE 0 END
            - CASE WHEN revenue_txt IS NULL THEN 3 ELSE 0 END)) AS g_firmo,
        LEAST(20, GREATEST(-20,
              CASE WHEN country IN ('united states', 'canada', 'united kingdom') THEN 10 ELSE 0 END
            + CASE WHEN country IN ('germany', 'france', 'netherlands') THEN 5 ELSE 0 END
            + CASE WHEN list_contains(state, 'northeast') THEN 4 ELSE 0 END
            + CASE WHEN list_contains(state, 'west') THEN 3 ELSE 0 END
            + CASE WHEN list_contains(state, 'midwest') THEN 2 ELSE 0 END
            + CASE WHEN list_contains(state, 'south') THEN 1 ELSE 0 END
            - CASE WHEN country IS NULL AND len(state) = 0 THEN 10 ELSE 0 END)) AS g_geo,
        LEAST(20, GREATEST(-20, 5
            + CASE WHEN stage IN ('opportunity', 'salesqualifiedlead') THEN 10 ELSE 0 END
            + CASE WHEN stage = 'marketingqualifiedlead' THEN 5 ELSE 0 END
            - CASE WHEN stage = 'customer' OR list_contains(lists, 'customers') THEN 20 ELSE 0 END
            + CASE WHEN list_contains(lists, 'newsletter') THEN 5 ELSE 0 END
            + CASE WHEN source IS NOT NULL AND source <> 'direct_traffic' THEN 2.5 ELSE 0 END
            - CASE WHEN NOT (COALESCE(country = 'united states', false) OR COALESCE(source = 'paid_search', false)) THEN 5 ELSE 0 END)) AS g_life
    FROM contact
    WHERE NOT list_contains(lists, 'unsubscribed')),
t AS (SELECT *, r2(GREATEST(-50, LEAST(100, g_persona + g_firmo + g_geo + g_life))) AS v FROM g)
SELECT id, v, CASE WHEN v >= 60 THEN 'Ideal' WHEN v >= 30 THEN 'Good' WHEN v >= 0 THEN 'Weak' ELSE 'Poor' END,
       r2(g_persona), r2(g_firmo), r2(g_geo), r2(g_life)
FROM t
