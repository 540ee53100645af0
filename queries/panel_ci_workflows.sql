-- Dashboard panel: the 15 flakiest CI workflows of the window: the pull-requests page's table, as a query so the panel is data.
-- What: pipeline runs created in [$from, $to) per repository and workflow, as queries/ci_workflows.sql counts them
--       (queue = created -> started, run = started -> completed, medians in wall-clock hours; re-run rate = runs with
--       attempt > 1 / runs; failure rate = failures / runs concluded success or failure), highest re-run rate first,
--       then failure rate (a rate without runs to count reads as 0 in the order), repository and workflow.
-- Grain: one row per repository and workflow, at most 15. Parameters: common (queries/README.md).
-- Columns: workflow, repo, runs, rerun_rate, failure_rate, median_queue_hours, median_run_hours.
-- Definition: docs/metrics.md#ci-wait
WITH workflows AS (
    SELECT r.repo,
           r.workflow,
           count(*) AS runs,
           quantile_cont(epoch(r.started_at - r.created_at) / 3600.0, 0.5) AS median_queue_hours,
           quantile_cont(epoch(r.completed_at - r.started_at) / 3600.0, 0.5) AS median_run_hours,
           count(*) FILTER (WHERE r.attempt > 1) / count(*) AS rerun_rate,
           count(*) FILTER (WHERE r.conclusion = 'failure')
             / nullif(count(*) FILTER (WHERE r.conclusion IN ('success', 'failure')), 0) AS failure_rate
    FROM pipeline_runs r
    WHERE r.created_at >= $from AND r.created_at < $to
      AND ($teams::VARCHAR IS NULL OR r.repo IN (
            SELECT sr.repo FROM service_repositories sr JOIN services s ON s.id = sr.service_id WHERE list_contains(string_split($teams, ','), s.owner_team)))
      AND ($service::VARCHAR IS NULL OR r.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR r.repo = $repo)
    GROUP BY r.repo, r.workflow
)
SELECT workflow, repo, runs, rerun_rate, failure_rate, median_queue_hours, median_run_hours
FROM workflows
ORDER BY coalesce(rerun_rate, 0) DESC, coalesce(failure_rate, 0) DESC, repo, workflow
LIMIT 15;
