-- Data quality: services no catalog team owns (no owner, or an owner that is no Group). Their deployments, changes and
-- incidents count in the org and, in per-team listings, in the row "unowned", in no team.
-- Grain: one row per service, most production deployments first. Parameters: none.
-- Definition: docs/metrics.md#data-quality
SELECT s.id AS service, s.owner_team AS named_owner, s.from_catalog,
       (SELECT count(*) FROM d_deployments d WHERE d.service = s.id) AS deployments,
       (SELECT count(*) FROM incidents i WHERE i.service = s.id) AS incidents,
       coalesce((SELECT list(r.repo ORDER BY r.repo) FROM service_repositories r WHERE r.service_id = s.id), []) AS repos
FROM services s
WHERE s.owner_team IS NULL OR s.owner_team NOT IN (SELECT id FROM teams)
ORDER BY deployments DESC, s.id;
