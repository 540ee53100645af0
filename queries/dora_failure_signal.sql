-- DORA change fail rate: does the data hold anything that could mark a deployment of the scope failed?
-- What: per group, over everything imported (not only the window, so a quiet window is still a real 0 %), whether
--       the scope's services (those with production deployments in scope) have any incident a change may have caused
--       (d_incidents: one no change caused fails nothing, so it is no signal), any deployment with
--       status failure, any merged pull request in the repositories they deploy (the revert rule), or any failed
--       production deployment already (a rollback counts once one happened). None of these: the fail rate has no level.
-- Grain: one row per group ($group: none | team | service; grp is NULL for none) with production deployments in scope.
-- Parameters: $team, $service, $repo, $group.
-- Definition: docs/metrics.md#change-fail-rate
WITH scoped AS (
    SELECT DISTINCT service, repo, failed,
           CASE $group WHEN 'team' THEN owner_team WHEN 'service' THEN service END AS grp
    FROM d_deployments
    WHERE ($team::VARCHAR IS NULL OR owner_team = $team)
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
)
SELECT s.grp,
       bool_or(s.service IN (SELECT service FROM d_incidents WHERE not_caused_reason IS NULL)) AS has_incidents,
       bool_or(s.service IN (SELECT service FROM deployments WHERE status = 'failure')) AS has_failed_status,
       bool_or(s.repo IN (SELECT repo FROM pull_requests WHERE merged_at IS NOT NULL)) AS has_pull_requests,
       bool_or(s.failed) AS has_failed_deployment
FROM scoped s
GROUP BY s.grp
ORDER BY s.grp;
