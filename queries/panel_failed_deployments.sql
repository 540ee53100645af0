-- Dashboard panel: the failed production deployments of the window, newest first, with the method that marked each
-- failed and its evidence: the DORA page's table, as a query so the panel is data.
-- What: d_deployments that finished in [$from, $to) in scope and failed (the rows of queries/explain_deployments.sql
--       with $failed = true); the commit cut to 10 characters; recovery in wall-clock hours.
-- Grain: one row per failed deployment, newest first. Parameters: common (queries/README.md).
-- Columns: finished_at, service, environment, sha, failure_method, failure_evidence, recovery_hours, and sha__link
--          (the deployment in the failed-deployments listing; the loader adds the page's filters).
-- Definition: docs/metrics.md#change-fail-rate
SELECT finished_at, service, environment, left(sha, 10) AS sha, failure_method, failure_evidence, recovery_hours,
       '/explain/deployments?failed=true#' || url_encode(id) AS sha__link
FROM d_deployments
WHERE finished_at >= $from AND finished_at < $to AND failed
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
ORDER BY finished_at DESC, id;
