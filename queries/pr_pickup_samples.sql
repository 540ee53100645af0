-- Pickup samples: how long each merged pull request waited for its first review, for a distribution panel.
-- What: every pull request merged in [$from, $to) in scope, bots excluded (as in the pull-request flow figures), with
--       a pickup (ready for review -> first review by someone else): its pickup in working hours of the owner team and
--       in wall-clock hours. The median of these is the pickup median of queries/pr_flow.sql.
-- Grain: one row per pull request. Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#pull-request-flow
SELECT repo, number, pickup_working_hours, pickup_hours
FROM d_pull_requests
WHERE merged_at >= $from AND merged_at < $to
  AND NOT is_bot
  AND pickup_hours IS NOT NULL
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
ORDER BY pickup_working_hours, repo, number;
