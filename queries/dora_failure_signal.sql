-- DORA change fail rate: does the data hold anything that could mark a deployment of the scope failed?
-- What: per group, over everything imported (not only the window, so a quiet window is still a real 0 %), whether
--       the scope's services (those with production deployments in scope) have any incident a change may have caused
--       (d_incidents: one no change caused fails nothing, so it is no signal), any deployment with
--       status failure, any merged pull request in the repositories they deploy (the revert rule), or any failed
--       production deployment already (a rollback counts once one happened). None of these: the fail rate has no level.
--       The derivation keeps these facts per service, repository and owner team in d_failure_signals (Migrations/011),
--       since they do not depend on the window.
-- Grain: one row per group ($group: none | team | service; grp is NULL for none, and by team for services no catalog team
--        owns, as in the other DORA queries, so the by-team row "unowned" is judged on those services) with production deployments in scope.
-- Parameters: $team, $service, $repo, $group.
-- Definition: docs/metrics.md#change-fail-rate
SELECT CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp,
       bool_or(has_incidents) AS has_incidents,
       bool_or(has_failed_status) AS has_failed_status,
       bool_or(has_pull_requests) AS has_pull_requests,
       bool_or(has_failed_deployment) AS has_failed_deployment
FROM d_failure_signals
WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
GROUP BY 1
ORDER BY 1;
