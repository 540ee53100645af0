-- Dashboard panel: CI time per change in the window and in the previous period: the pull-requests page's stat, as a
-- query so the panel is data.
-- What: per pull request merged in [$previous_from, $to) in scope with at least one pipeline run, bots left out, the sum
--       of its runs' queue time (created -> started) and run time (started -> completed), as queries/ci_wait_per_change.sql
--       counts it; medians over pull requests in wall-clock hours (runners work at night too) and, for queue + run, in
--       working hours of the owner team. A figure is over [$from, $to), its `_previous` over [$previous_from, $from).
-- Grain: one row. Parameters: common (queries/README.md) and $previous_from.
-- Columns: median_hours (linked by median_hours__link to the pull-request listing), median_queue_hours,
--          median_run_hours, median_working_hours, each with its _previous, and sample_size (pull requests in the window).
-- Definition: docs/metrics.md#ci-wait
SELECT quantile_cont(ci_queue_hours + ci_run_hours, 0.5) FILTER (WHERE merged_at >= $from) AS median_hours,
       quantile_cont(ci_queue_hours + ci_run_hours, 0.5) FILTER (WHERE merged_at < $from) AS median_hours_previous,
       '/explain/pull-requests' AS median_hours__link,
       quantile_cont(ci_queue_hours, 0.5) FILTER (WHERE merged_at >= $from) AS median_queue_hours,
       quantile_cont(ci_queue_hours, 0.5) FILTER (WHERE merged_at < $from) AS median_queue_hours_previous,
       quantile_cont(ci_run_hours, 0.5) FILTER (WHERE merged_at >= $from) AS median_run_hours,
       quantile_cont(ci_run_hours, 0.5) FILTER (WHERE merged_at < $from) AS median_run_hours_previous,
       quantile_cont(ci_queue_working_hours + ci_run_working_hours, 0.5) FILTER (WHERE merged_at >= $from) AS median_working_hours,
       quantile_cont(ci_queue_working_hours + ci_run_working_hours, 0.5) FILTER (WHERE merged_at < $from) AS median_working_hours_previous,
       count(*) FILTER (WHERE merged_at >= $from) AS sample_size
FROM d_pull_requests
WHERE ci_runs > 0
  AND merged_at >= $previous_from AND merged_at < $to
  AND NOT is_bot
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR repo = $repo);
