-- Explain listing: the changes behind change lead time.
-- What: every change (merged PR or direct commit) whose first production deployment finished in [$from, $to)
--       in scope: when it started and from what (first commit, the commit itself, or the PR's creation when its
--       commits are unknown), the deployment it is attributed to and its lead time. $deployment (or NULL) keeps the
--       changes of one deployment.
-- Grain: one row per change, most recently deployed first. Parameters: common (queries/README.md), $deployment.
-- Definition: docs/metrics.md#explain-listings
SELECT c.kind, c.ref, c.service, c.repo, c.started_at, c.start_source, c.deployment_id, c.deployed_at,
       c.lead_time_hours, c.lead_time_working_hours, c.is_revert, c.is_hotfix, p.title, p.url
FROM d_changes c
-- Joined on (repo, number) with the number parsed from the ref, so DuckDB hashes both sides: comparing c.ref with a
-- string built from every pull request of the repo took seconds on a 1,000-engineer org.
LEFT JOIN pull_requests p ON p.repo = c.repo
     AND p.number = CASE WHEN c.kind = 'pr' THEN TRY_CAST(regexp_extract(c.ref, '#([0-9]+)$', 1) AS INTEGER) END
WHERE c.deployed_at >= $from AND c.deployed_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), c.owner_team))
  AND ($service::VARCHAR IS NULL OR c.service = $service)
  AND ($repo::VARCHAR IS NULL OR c.repo = $repo)
  AND ($deployment::VARCHAR IS NULL OR c.deployment_id = $deployment)
ORDER BY c.deployed_at DESC, c.ref;
