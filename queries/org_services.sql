-- Services: from catalog Components, plus services that deploy without a catalog entry (each its own service).
-- Grain: one row per service. Parameters: none.
-- Definition: docs/metrics.md#teams-and-services
SELECT s.id, s.owner_team, s.from_catalog, s.production_environments, s.golden_path,
       coalesce((SELECT list(r.repo ORDER BY r.repo) FROM service_repositories r WHERE r.service_id = s.id), []) AS repos
FROM services s
ORDER BY s.id;
