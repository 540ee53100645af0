-- CI wait per change.
-- What: per merged pull request (merged in [$from, $to), bots excluded) with at least one pipeline run on its
--       commits: the sum of queue time (created -> started) and of run time (started -> completed) over its runs.
--       Median, p75, p90 over pull requests of queue, run and queue + run ("CI wait per change"), in wall-clock hours
--       and in working hours of the pull request's owner team (d_pull_requests.ci_*_working_hours).
-- Grain: one row per period ($interval). Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#ci-wait
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, merged_at))::DATE END AS period,
       count(*) AS sample_size,
       quantile_cont(ci_queue_hours + ci_run_hours, 0.5) AS median_hours,
       quantile_cont(ci_queue_hours + ci_run_hours, 0.75) AS p75_hours,
       quantile_cont(ci_queue_hours + ci_run_hours, 0.9) AS p90_hours,
       quantile_cont(ci_queue_hours, 0.5) AS median_queue_hours,
       quantile_cont(ci_run_hours, 0.5) AS median_run_hours,
       quantile_cont(ci_queue_working_hours + ci_run_working_hours, 0.5) AS median_working_hours,
       quantile_cont(ci_queue_working_hours + ci_run_working_hours, 0.75) AS p75_working_hours,
       quantile_cont(ci_queue_working_hours + ci_run_working_hours, 0.9) AS p90_working_hours,
       quantile_cont(ci_queue_working_hours, 0.5) AS median_queue_working_hours,
       quantile_cont(ci_run_working_hours, 0.5) AS median_run_working_hours,
       sum(ci_runs)::BIGINT AS runs
FROM d_pull_requests
WHERE ci_runs > 0
  AND merged_at >= $from AND merged_at < $to
  AND NOT is_bot
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1
ORDER BY 1;
