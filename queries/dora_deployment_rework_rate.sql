-- DORA deployment rework rate.
-- What: rework deployments / production deployments, both finished in [$from, $to). Rework = a rollback, or a
--       deployment whose change set holds a revert or a hotfix.
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns) that has deployments. Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#deployment-rework-rate
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, finished_at))::DATE END AS period,
       CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
       count(*) FILTER (WHERE rework) AS rework_deployments,
       count(*) AS deployments
FROM d_deployments
WHERE finished_at >= $from AND finished_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1, 2
ORDER BY 1, 2;
