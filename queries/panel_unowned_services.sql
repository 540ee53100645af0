-- Dashboard panel: services no catalog team owns (no owner, or an owner that is no Group), with their production
-- deployments, incidents and repositories: the data-quality page's table, as a query so the panel is data.
-- Grain: one row per service, most production deployments first. Parameters: none (over all data, as the page says).
-- Columns: service, named_owner, deployments, incidents, repos (comma-separated); the same rows as
-- queries/data_quality_unowned_services.sql, whose repositories are a list.
-- Definition: docs/metrics.md#data-quality
SELECT s.id AS service, s.owner_team AS named_owner,
       (SELECT count(*) FROM d_deployments d WHERE d.service = s.id) AS deployments,
       (SELECT count(*) FROM incidents i WHERE i.service = s.id) AS incidents,
       coalesce((SELECT string_agg(r.repo, ', ' ORDER BY r.repo) FROM service_repositories r WHERE r.service_id = s.id), '') AS repos
FROM services s
WHERE s.owner_team IS NULL OR s.owner_team NOT IN (SELECT id FROM teams)
ORDER BY deployments DESC, s.id;
