-- Weekly report: how fresh the data behind a report is.
-- What: per synced source (sync_runs) the end of its last successful run; for imported data, the newest record of
--       each kind (deployments by finished_at, pull requests, pipeline runs and tickets by created_at).
-- Grain: one row per source. Parameters: none.
-- Definition: docs/metrics.md#weekly-reports
SELECT source, 'last sync' AS basis, max(finished_at) AS "at"
FROM sync_runs WHERE status = 'succeeded' AND finished_at IS NOT NULL GROUP BY source
UNION ALL SELECT 'deployments', 'newest record', max(finished_at) FROM deployments HAVING count(*) > 0
UNION ALL SELECT 'pull-requests', 'newest record', max(created_at) FROM pull_requests HAVING count(*) > 0
UNION ALL SELECT 'pipeline-runs', 'newest record', max(created_at) FROM pipeline_runs HAVING count(*) > 0
UNION ALL SELECT 'tickets', 'newest record', max(created_at) FROM tickets HAVING count(*) > 0
ORDER BY basis, source;
