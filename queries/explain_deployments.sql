-- Explain listing: the production deployments behind the DORA figures.
-- What: every successful production deployment that finished in [$from, $to) in scope, with its previous
--       deployment, change-set size, changes attributed to it, whether and why it failed (method and evidence),
--       rework, and its recovery; the tag or branch it was made from (ref) and its release's title, where the source
--       names them (deployments.ref, deployments.release_name). $failed (BOOLEAN or NULL) keeps only failed (true) or healthy (false) ones; $rework
--       (BOOLEAN or NULL) only rework (true) or planned (false) ones.
-- Grain: one row per deployment, newest first. Parameters: common (queries/README.md), $failed and $rework.
-- Definition: docs/metrics.md#explain-listings
SELECT id, service, repo, sha, environment, finished_at, previous_id, is_first, sha_known, is_rollback,
       change_set_size, change_count, failed, failure_method, failure_evidence, rework, rework_reason,
       recovered_at, recovery_deployment_id, recovery_hours, owner_team, ref, release_name
FROM d_deployments
LEFT JOIN (SELECT id AS source_id, ref, release_name FROM deployments) AS src ON src.source_id = d_deployments.id
WHERE finished_at >= $from AND finished_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
  AND ($service::VARCHAR IS NULL OR service = $service)
  AND ($repo::VARCHAR IS NULL OR repo = $repo)
  AND ($failed::BOOLEAN IS NULL OR failed = $failed)
  AND ($rework::BOOLEAN IS NULL OR rework = $rework)
ORDER BY finished_at DESC, id;
