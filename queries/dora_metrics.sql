-- DORA metrics and incident time to restore, in one statement (one query per response: docs/benchmarks.md, "Small questions").
-- What: for the window [$from, $to), the scope ($team, $service, $repo) and each period ($interval) and group
--       ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns):
--   part 'frequency'  deployment frequency: successful production deployments that finished in the window
--                     (d_deployments holds exactly these); deploy-days = distinct local dates (in $zone) with one; median
--                     deploy-days per ISO week over every week of the period, weeks without a deployment counting 0 (a week cut
--                     by the period's edge counts the deploy-days inside the period). Every period has a row without a group;
--                     with one, only groups that deployed in the window. docs/metrics.md#deployment-frequency
--   part 'deployments' over the same deployments: change fail rate (failed / all; failed by the first matching rule: explicit,
--                     rollback, revert, window; docs/metrics.md#change-fail-rate), rework rate (a rollback, or a change set
--                     holding a revert or a hotfix; docs/metrics.md#deployment-rework-rate), and failed deployment recovery time
--                     (a failed deployment's finish to the finish of the next not-failed production deployment of its service
--                     and environment; unrecovered ones counted apart and left out of the quantiles;
--                     docs/metrics.md#failed-deployment-recovery-time).
--   part 'changes'    change lead time: per change (a merged PR, or a commit outside any PR) whose first production deployment
--                     finished in the window, deployment finish - change start; median, p75, p90 (quantile_cont) in wall-clock
--                     hours and in working hours of the owning team's zone. docs/metrics.md#change-lead-time
--   part 'restores'   incident time to restore: per incident resolved in the window, resolved - opened in hours; team scope is
--                     the team owning the incident's service, repo scope the services deployed from the repo.
--                     docs/metrics.md#incident-time-to-restore
--   part 'signal'     per group, over everything imported (not only the window), whether anything could mark a deployment of
--                     the scope failed (d_failure_signals, kept by the derivation); none: the fail rate has no level.
--                     docs/metrics.md#change-fail-rate
-- Grain: one row per part, period and group; columns a part does not fill are NULL. Parameters: common (queries/README.md), $group.
-- Why one statement: a one-team question reads a few hundred rows, and DuckDB's cost per statement and per scan (planning,
-- operators, decoding the scope's VARCHAR column) outweighs it: the deployments are scanned once for four metrics.
WITH deployments AS (
    SELECT timezone($zone, finished_at) AS local_finish,
           CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, finished_at))::DATE END AS period,
           CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
           failed, failure_method, rework, recovery_hours
    FROM d_deployments
    WHERE finished_at >= $from AND finished_at < $to
      AND ($team::VARCHAR IS NULL OR owner_team = $team)
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
),
groups AS (
    SELECT DISTINCT grp FROM deployments
    UNION SELECT NULL WHERE $group = 'none'
),
-- Every local date of the window with its period and ISO week: the periods of the series come from here, so every period
-- has a row (a day that is not a Monday too) and a week that straddles two periods (or the window's edge) is split.
days AS (
    SELECT d::DATE AS day,
           CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, d)::DATE END AS period,
           date_trunc('week', d)::DATE AS week_start
    FROM (SELECT unnest(generate_series($from_date::DATE::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP, INTERVAL 1 DAY)) AS d)
),
deploy_days AS (
    SELECT DISTINCT grp, local_finish::DATE AS day FROM deployments
),
week_days AS (
    SELECT g.grp, w.period, w.week_start, count(dd.day) AS deploy_days
    FROM groups g
    CROSS JOIN days w
    LEFT JOIN deploy_days dd ON dd.day = w.day AND dd.grp IS NOT DISTINCT FROM g.grp
    GROUP BY g.grp, w.period, w.week_start
),
per_period AS (
    SELECT period, grp,
           count(*) AS deployments,
           count(DISTINCT local_finish::DATE) AS deploy_days,
           count(*) FILTER (WHERE failed) AS failed_deployments,
           count(*) FILTER (WHERE failure_method = 'explicit') AS failed_explicit,
           count(*) FILTER (WHERE failure_method = 'rollback') AS failed_rollback,
           count(*) FILTER (WHERE failure_method = 'revert') AS failed_revert,
           count(*) FILTER (WHERE failure_method = 'window') AS failed_window,
           count(*) FILTER (WHERE rework) AS rework_deployments,
           count(recovery_hours) FILTER (WHERE failed) AS sample_size,
           quantile_cont(recovery_hours, [0.5, 0.75, 0.9]) FILTER (WHERE failed) AS hours,
           count(*) FILTER (WHERE failed AND recovery_hours IS NULL) AS unrecovered
    FROM deployments
    GROUP BY 1, 2
),
changes AS (
    SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, deployed_at))::DATE END AS period,
           CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
           count(*) AS sample_size,
           quantile_cont(lead_time_hours, [0.5, 0.75, 0.9]) AS hours,
           quantile_cont(lead_time_working_hours, [0.5, 0.75, 0.9]) AS working_hours
    FROM d_changes
    WHERE deployed_at >= $from AND deployed_at < $to
      AND ($team::VARCHAR IS NULL OR owner_team = $team)
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1, 2
),
restores AS (
    SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, i.resolved_at))::DATE END AS period,
           CASE $group WHEN 'team' THEN CASE WHEN s.owner_team IN (SELECT id FROM teams) THEN s.owner_team END WHEN 'service' THEN i.service END AS grp,
           count(*) AS sample_size,
           quantile_cont(epoch(i.resolved_at - i.opened_at) / 3600.0, [0.5, 0.75, 0.9]) AS hours
    FROM incidents i
    LEFT JOIN services s ON s.id = i.service
    WHERE i.resolved_at >= $from AND i.resolved_at < $to
      AND ($team::VARCHAR IS NULL OR s.owner_team = $team)
      AND ($service::VARCHAR IS NULL OR i.service = $service)
      AND ($repo::VARCHAR IS NULL OR i.service IN (SELECT service_id FROM service_repositories WHERE repo = $repo))
    GROUP BY 1, 2
),
signal AS (
    SELECT CASE $group WHEN 'team' THEN owner_team WHEN 'service' THEN service END AS grp,
           bool_or(has_incidents OR has_failed_status OR has_pull_requests OR has_failed_deployment) AS any_signal
    FROM d_failure_signals
    WHERE ($team::VARCHAR IS NULL OR owner_team = $team)
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
)
SELECT 'frequency' AS part, w.period, w.grp,
       coalesce(p.deployments, 0) AS deployments, coalesce(p.deploy_days, 0) AS deploy_days, median(w.deploy_days) AS median_deploy_days_per_week,
       NULL::BIGINT AS failed_deployments, NULL::BIGINT AS failed_explicit, NULL::BIGINT AS failed_rollback, NULL::BIGINT AS failed_revert,
       NULL::BIGINT AS failed_window, NULL::BIGINT AS rework_deployments, NULL::BIGINT AS sample_size, NULL::DOUBLE AS median_hours,
       NULL::DOUBLE AS p75_hours, NULL::DOUBLE AS p90_hours, NULL::DOUBLE AS median_working_hours, NULL::DOUBLE AS p75_working_hours,
       NULL::DOUBLE AS p90_working_hours, NULL::BIGINT AS unrecovered, NULL::BOOLEAN AS any_signal
FROM week_days w
LEFT JOIN per_period p ON p.period = w.period AND p.grp IS NOT DISTINCT FROM w.grp
GROUP BY w.period, w.grp, p.deployments, p.deploy_days
UNION ALL
SELECT 'deployments', period, grp, deployments, deploy_days, NULL, failed_deployments, failed_explicit, failed_rollback, failed_revert,
       failed_window, rework_deployments, sample_size, hours[1], hours[2], hours[3], NULL, NULL, NULL, unrecovered, NULL
FROM per_period
UNION ALL
SELECT 'changes', period, grp, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, sample_size, hours[1], hours[2], hours[3],
       working_hours[1], working_hours[2], working_hours[3], NULL, NULL
FROM changes
UNION ALL
SELECT 'restores', period, grp, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, sample_size, hours[1], hours[2], hours[3],
       NULL, NULL, NULL, NULL, NULL
FROM restores
UNION ALL
SELECT 'signal', NULL, grp, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, any_signal
FROM signal
ORDER BY 1, 2, 3;
