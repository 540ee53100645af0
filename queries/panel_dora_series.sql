-- Dashboard panel: the DORA figures of each period of the window: the DORA page's charts, as a query so the panels are data.
-- What: per period ($interval: day, week (ISO) or month, in $zone, cut to the window at its ends), the figures of
--       queries/dora_deployment_frequency.sql (production deployments), dora_change_lead_time.sql (median lead time of
--       the changes deployed, wall-clock hours), dora_change_fail_rate.sql (failed / deployments),
--       dora_failed_deployment_recovery_time.sql (median recovery of the failed ones, wall-clock hours) and
--       dora_deployment_rework_rate.sql (rework / deployments). A period that ends before the scope's first production
--       deployment (queries/data_start.sql) has no figures at all (NULL, not 0 deployments); a rate without deployments is NULL.
-- Grain: one row per period, oldest first. Parameters: common (queries/README.md); $interval is not 'all' on a page.
-- Columns: period, deployments, change_lead_time_median_hours, change_fail_rate, recovery_median_hours, rework_rate, and
--          each one's __link: the period's deployments, changes, failed or rework deployments (the loader adds the
--          page's scope).
-- Definition: docs/metrics.md#dora-metrics
WITH periods AS (
    SELECT greatest(p::DATE, $from_date::DATE) AS period_from,
           least((p + ('1 ' || $period_unit)::INTERVAL)::DATE, $to_date::DATE) AS period_to
    FROM (SELECT unnest(generate_series(date_trunc($period_unit, $from_date::DATE)::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP,
                                        ('1 ' || $period_unit)::INTERVAL)) AS p)
),
deployments AS (
    SELECT greatest(date_trunc($period_unit, timezone($zone, finished_at))::DATE, $from_date::DATE) AS period_from,
           count(*) AS deployments,
           count(*) FILTER (WHERE failed) AS failed,
           count(*) FILTER (WHERE rework) AS rework,
           quantile_cont(recovery_hours, 0.5) FILTER (WHERE failed) AS recovery_median_hours
    FROM d_deployments
    WHERE finished_at >= $from AND finished_at < $to
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
),
changes AS (
    SELECT greatest(date_trunc($period_unit, timezone($zone, deployed_at))::DATE, $from_date::DATE) AS period_from,
           quantile_cont(lead_time_hours, 0.5) AS median_hours
    FROM d_changes
    WHERE deployed_at >= $from AND deployed_at < $to
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
),
data_start AS (
    SELECT min(finished_at) AS first_at
    FROM d_deployments
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
),
covered AS (
    SELECT p.period_from, p.period_to, s.first_at IS NOT NULL AND s.first_at < timezone($zone, p.period_to::TIMESTAMP) AS has_data,
           '?from=' || strftime(p.period_from, '%Y-%m-%d') || '&to=' || strftime(p.period_to, '%Y-%m-%d') AS view
    FROM periods p CROSS JOIN data_start s
)
SELECT c.period_from AS period,
       CASE WHEN c.has_data THEN coalesce(d.deployments, 0) END AS deployments,
       CASE WHEN c.has_data THEN ch.median_hours END AS change_lead_time_median_hours,
       CASE WHEN c.has_data AND d.deployments > 0 THEN d.failed / d.deployments END AS change_fail_rate,
       CASE WHEN c.has_data THEN d.recovery_median_hours END AS recovery_median_hours,
       CASE WHEN c.has_data AND d.deployments > 0 THEN d.rework / d.deployments END AS rework_rate,
       '/explain/deployments' || c.view AS deployments__link,
       '/explain/changes' || c.view AS change_lead_time_median_hours__link,
       '/explain/deployments' || c.view || '&failed=true' AS change_fail_rate__link,
       '/explain/deployments' || c.view || '&failed=true' AS recovery_median_hours__link,
       '/explain/deployments' || c.view || '&rework=true' AS rework_rate__link
FROM covered c
LEFT JOIN deployments d ON d.period_from = c.period_from
LEFT JOIN changes ch ON ch.period_from = c.period_from
ORDER BY period;
