-- CI per workflow: queue and run time, re-run rate and failure rate.
-- What: pipeline runs created in [$from, $to), per repository and workflow. Queue = created -> started,
--       run = started -> completed (medians, hours). Re-run rate = runs with attempt > 1 / runs. Failure rate =
--       runs concluded failure / runs concluded success or failure (cancelled, skipped and running runs are
--       left out of the rate).
-- Grain: one row per repository and workflow. Parameters: common (queries/README.md); $interval is not used.
-- Definition: docs/metrics.md#ci-wait
SELECT r.repo,
       r.workflow,
       count(*) AS runs,
       quantile_cont(epoch(r.started_at - r.created_at) / 3600.0, 0.5) AS median_queue_hours,
       quantile_cont(epoch(r.completed_at - r.started_at) / 3600.0, 0.5) AS median_run_hours,
       count(*) FILTER (WHERE r.attempt > 1) AS reruns,
       count(*) FILTER (WHERE r.attempt > 1) / count(*) AS rerun_rate,
       count(*) FILTER (WHERE r.conclusion = 'failure') AS failures,
       count(*) FILTER (WHERE r.conclusion = 'failure')
         / nullif(count(*) FILTER (WHERE r.conclusion IN ('success', 'failure')), 0) AS failure_rate
FROM pipeline_runs r
WHERE r.created_at >= $from AND r.created_at < $to
  AND ($teams::VARCHAR IS NULL OR r.repo IN (
        SELECT sr.repo FROM service_repositories sr JOIN services s ON s.id = sr.service_id WHERE list_contains(string_split($teams, ','), s.owner_team)))
  AND ($service::VARCHAR IS NULL OR r.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR r.repo = $repo)
GROUP BY r.repo, r.workflow
ORDER BY runs DESC, r.repo, r.workflow;
