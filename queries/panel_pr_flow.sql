-- Dashboard panel: the median of each pull-request phase in the window and in the previous period, in working hours of
-- the team's zone: the pull-requests page's stats, as a query so the panels are data.
-- What: pull requests merged in [$previous_from, $to) in scope, bots left out, as queries/pr_flow.sql counts them; each
--       phase's median over the pull requests that have it (coding, pickup, review, merge wait, deploy wait); a figure
--       is over [$from, $to), its `_previous` over [$previous_from, $from), the period of the same length before.
-- Grain: one row. Parameters: common (queries/README.md) and $previous_from.
-- Columns: pull_requests (merged in the window, linked by pull_requests__link to their listing), coding, pickup, review,
--          merge_wait, deploy_wait and each one's _previous (NULL: no pull request had the phase then).
-- Definition: docs/metrics.md#pull-request-flow
SELECT count(*) FILTER (WHERE merged_at >= $from) AS pull_requests,
       '/explain/pull-requests' AS pull_requests__link,
       quantile_cont(coding_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS coding,
       quantile_cont(coding_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS coding_previous,
       quantile_cont(pickup_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS pickup,
       quantile_cont(pickup_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS pickup_previous,
       quantile_cont(review_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS review,
       quantile_cont(review_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS review_previous,
       quantile_cont(merge_wait_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS merge_wait,
       quantile_cont(merge_wait_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS merge_wait_previous,
       quantile_cont(deploy_wait_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS deploy_wait,
       quantile_cont(deploy_wait_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS deploy_wait_previous
FROM d_pull_requests
WHERE merged_at >= $previous_from AND merged_at < $to
  AND NOT is_bot
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR repo = $repo);
