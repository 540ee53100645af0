-- DORA failed deployment recovery time.
-- What: per failed production deployment that finished in [$from, $to): hours from its finish to the finish of
--       the next production deployment of the same service and environment that is not failed. Failed
--       deployments not yet recovered are counted in `unrecovered` and left out of the median.
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns) that has failed deployments. Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#failed-deployment-recovery-time
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, finished_at))::DATE END AS period,
       CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
       count(recovery_hours) AS sample_size,
       quantile_cont(recovery_hours, 0.5) AS median_hours,
       quantile_cont(recovery_hours, 0.75) AS p75_hours,
       quantile_cont(recovery_hours, 0.9) AS p90_hours,
       count(*) FILTER (WHERE recovery_hours IS NULL) AS unrecovered
FROM d_deployments
WHERE failed
  AND finished_at >= $from AND finished_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1, 2
ORDER BY 1, 2;
