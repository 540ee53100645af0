-- DORA change lead time.
-- What: per change (a merged PR, or a commit outside any PR) whose first production deployment finished in
--       [$from, $to): deployment finish - change start (first commit authored). Median, p75, p90 (quantile_cont)
--       in wall-clock hours and in working hours of the owning team's zone.
-- Grain: one row per period ($interval) and group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team owns) that has changes. Parameters: common (queries/README.md), $group.
-- Definition: docs/metrics.md#change-lead-time
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, deployed_at))::DATE END AS period,
       CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
       count(*) AS sample_size,
       quantile_cont(lead_time_hours, 0.5) AS median_hours,
       quantile_cont(lead_time_hours, 0.75) AS p75_hours,
       quantile_cont(lead_time_hours, 0.9) AS p90_hours,
       quantile_cont(lead_time_working_hours, 0.5) AS median_working_hours,
       quantile_cont(lead_time_working_hours, 0.75) AS p75_working_hours,
       quantile_cont(lead_time_working_hours, 0.9) AS p90_working_hours
FROM d_changes
WHERE deployed_at >= $from AND deployed_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1, 2
ORDER BY 1, 2;
