-- Incident time to restore (reported beside recovery time).
-- What: per incident resolved in [$from, $to): resolved - opened, in hours. Team scope is the team owning the
--       incident's service; repo scope, the services deployed from that repo.
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns) that has resolved incidents. Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#incident-time-to-restore
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, i.resolved_at))::DATE END AS period,
       CASE $group WHEN 'team' THEN CASE WHEN s.owner_team IN (SELECT id FROM teams) THEN s.owner_team END WHEN 'service' THEN i.service END AS grp,
       count(*) AS sample_size,
       quantile_cont(epoch(i.resolved_at - i.opened_at) / 3600.0, 0.5) AS median_hours,
       quantile_cont(epoch(i.resolved_at - i.opened_at) / 3600.0, 0.75) AS p75_hours,
       quantile_cont(epoch(i.resolved_at - i.opened_at) / 3600.0, 0.9) AS p90_hours
FROM incidents i
LEFT JOIN services s ON s.id = i.service
WHERE i.resolved_at >= $from AND i.resolved_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), s.owner_team))
  AND ($service::VARCHAR IS NULL OR i.service = $service)
  AND ($repo::VARCHAR IS NULL OR i.service IN (SELECT service_id FROM service_repositories WHERE repo = $repo))
GROUP BY 1, 2
ORDER BY 1, 2;
