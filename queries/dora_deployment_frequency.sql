-- DORA deployment frequency.
-- What: successful production deployments that finished in [$from, $to); deploy-days = distinct local dates
--       (in $zone) with at least one; median deploy-days per ISO week over every week of the period, weeks
--       without a deployment counting 0 (a week cut by the period's edge counts the deploy-days inside the period).
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns). Without a
--        group every period has a row; with one, only groups that deployed in the window have rows.
-- Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#deployment-frequency
WITH scoped AS (
    SELECT timezone($zone, finished_at) AS local_finish,
           CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp
    FROM d_deployments
    WHERE finished_at >= $from AND finished_at < $to
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
),
groups AS (
    SELECT DISTINCT grp FROM scoped
    UNION SELECT NULL WHERE $group = 'none'
),
-- Every local date of the window with its period and ISO week: the periods of the series come from here, so every
-- period has a row (a day that is not a Monday too) and a week that straddles two periods (or the window's edge) is
-- split, each part counting only the deploy-days inside its period.
days AS (
    SELECT d::DATE AS day,
           CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, d)::DATE END AS period,
           date_trunc('week', d)::DATE AS week_start
    FROM (SELECT unnest(generate_series($from_date::DATE::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP, INTERVAL 1 DAY)) AS d)
),
week_days AS (
    SELECT g.grp, w.period, w.week_start, count(DISTINCT s.local_finish::DATE) AS deploy_days
    FROM groups g
    CROSS JOIN days w
    LEFT JOIN scoped s ON s.local_finish::DATE = w.day AND s.grp IS NOT DISTINCT FROM g.grp
    GROUP BY g.grp, w.period, w.week_start
),
per_period_weeks AS (
    SELECT period, grp, median(deploy_days) AS median_deploy_days_per_week
    FROM week_days
    GROUP BY 1, 2
),
per_period AS (
    SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, local_finish)::DATE END AS period,
           grp,
           count(*) AS deployments,
           count(DISTINCT local_finish::DATE) AS deploy_days
    FROM scoped
    GROUP BY 1, 2
)
SELECT w.period,
       w.grp,
       coalesce(p.deployments, 0) AS deployments,
       coalesce(p.deploy_days, 0) AS deploy_days,
       w.median_deploy_days_per_week
FROM per_period_weeks w
LEFT JOIN per_period p ON p.period = w.period AND p.grp IS NOT DISTINCT FROM w.grp
ORDER BY w.period, w.grp;
