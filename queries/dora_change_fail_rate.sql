-- DORA change fail rate.
-- What: failed production deployments / production deployments, both finished in [$from, $to). A deployment is
--       failed by the first matching rule: explicit (an incident names it), rollback, revert, window.
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns) that has deployments. Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#change-fail-rate
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, finished_at))::DATE END AS period,
       CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
       count(*) FILTER (WHERE failed) AS failed_deployments,
       count(*) AS deployments,
       count(*) FILTER (WHERE failure_method = 'explicit') AS failed_explicit,
       count(*) FILTER (WHERE failure_method = 'rollback') AS failed_rollback,
       count(*) FILTER (WHERE failure_method = 'revert') AS failed_revert,
       count(*) FILTER (WHERE failure_method = 'window') AS failed_window
FROM d_deployments
WHERE finished_at >= $from AND finished_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1, 2
ORDER BY 1, 2;
