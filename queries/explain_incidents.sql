-- Explain listing: the incidents behind incident time to restore.
-- What: every incident resolved in [$from, $to) in scope, as incident_time_to_restore.sql counts them (team: the team
--       owning the incident's service; repo: the services deployed from it), with its time to restore (resolved -
--       opened, hours) and the cause it names, if any: a deployment, a commit or a pull request (with the pull
--       request's URL when it was imported). not_caused_reason (d_incidents): why the incident fails no deployment
--       (the source or the title pattern says no change caused it); window_deployment_id: the deployment the window
--       rule failed by it (failure method window, d_deployments.failure_evidence).
-- Grain: one row per incident, most recently resolved first. Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#explain-listings
SELECT i.id, i.service, i.title, i.severity, i.opened_at, i.resolved_at,
       epoch(i.resolved_at - i.opened_at) / 3600.0 AS restore_hours,
       i.caused_by_deployment, i.caused_by_sha, i.caused_by_pr, p.url AS caused_by_pr_url, s.owner_team, i.source,
       di.not_caused_reason, w.id AS window_deployment_id
FROM incidents i
LEFT JOIN services s ON s.id = i.service
LEFT JOIN d_incidents di ON di.id = i.id
LEFT JOIN d_deployments w ON w.failure_method = 'window' AND w.failure_evidence = i.id
LEFT JOIN pull_requests p ON i.caused_by_pr = p.repo || '#' || CAST(p.number AS VARCHAR)
WHERE i.resolved_at >= $from AND i.resolved_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), s.owner_team))
  AND ($service::VARCHAR IS NULL OR i.service = $service)
  AND ($repo::VARCHAR IS NULL OR i.service IN (SELECT service_id FROM service_repositories WHERE repo = $repo))
ORDER BY i.resolved_at DESC, i.id;
