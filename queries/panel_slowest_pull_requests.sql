-- Dashboard panel: the 10 pull requests merged in the window that took longest from ready for review to merged (bots
-- left out, as from pull-request flow): the pull-requests page's table, as a query so the panel is data.
-- What: d_pull_requests merged in [$from, $to) in scope, not by a bot; ready to merged in wall-clock hours, and the
--       pickup, review and merge-wait phases in working hours of the team's zone (the rows of queries/explain_pull_requests.sql).
-- Grain: one row per pull request, at most 10, longest first (then repository and number).
-- Parameters: common (queries/README.md).
-- Columns: pull_request (owner/name#number), title, team, ready_to_merge_hours, pickup_working_hours, review_working_hours,
--          merge_wait_working_hours, and pull_request__link (its page on GitHub, else its row of the pull-request listing).
-- Definition: docs/metrics.md#pull-request-flow
SELECT d.repo || '#' || d.number AS pull_request,
       coalesce(p.url, '/explain/pull-requests#' || url_encode(d.repo || '#' || d.number)) AS pull_request__link,
       p.title, d.owner_team AS team,
       epoch(d.merged_at - d.ready_at) / 3600.0 AS ready_to_merge_hours,
       d.pickup_working_hours, d.review_working_hours, d.merge_wait_working_hours
FROM d_pull_requests d
JOIN pull_requests p USING (repo, number)
WHERE d.merged_at >= $from AND d.merged_at < $to AND NOT d.is_bot
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), d.owner_team))
  AND ($service::VARCHAR IS NULL OR d.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR d.repo = $repo)
ORDER BY ready_to_merge_hours DESC, d.repo, d.number
LIMIT 10;
