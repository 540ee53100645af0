-- Explain listing: the merged pull requests behind pull-request flow, with their phases.
-- What: every pull request merged in [$from, $to) in scope, with bots marked (they are left out of the flow
--       figures), its phase boundaries and each phase in hours and working hours (NULL = no such phase),
--       review rounds, size, CI runs and clamped spans.
-- Grain: one row per pull request, most recently merged first. Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#explain-listings
SELECT d.repo, d.number, p.title, p.url, d.owner_team, d.is_bot, d.first_commit_at, d.ready_at, d.first_review_at,
       d.approved_at, d.merged_at, d.deployed_at, d.deployment_id,
       d.coding_hours, d.pickup_hours, d.review_hours, d.merge_wait_hours, d.deploy_wait_hours,
       d.coding_working_hours, d.pickup_working_hours, d.review_working_hours, d.merge_wait_working_hours,
       d.deploy_wait_working_hours, d.review_rounds, d.size, d.ci_runs, d.ci_queue_hours, d.ci_run_hours, d.ci_queue_working_hours, d.ci_run_working_hours, d.clamped_spans
FROM d_pull_requests d
JOIN pull_requests p USING (repo, number)
WHERE d.merged_at >= $from AND d.merged_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), d.owner_team))
  AND ($service::VARCHAR IS NULL OR d.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR d.repo = $repo)
ORDER BY d.merged_at DESC, d.repo, d.number;
