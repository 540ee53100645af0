-- Platform adoption coverage per owning team and ISO week (docs/adoption.md, "Adoption measures").
-- What: for each ISO week w (Mondays in the org zone, from the week holding $from_date to before $to_date), as of the
--       week's end e = w + 7 days in the org zone:
--   catalog coverage: the active repositories (a commit committed, or authored when it has no commit time, in [w, e))
--     and of those the catalogued ones (a Component known by e claims it, through service_repositories);
--   owner coverage: the Components known by e, and of those the ones whose spec.owner is a Group with a member
--     (a hasMember relation from it or a memberOf relation to it);
--   metadata completeness: of those Components, the ones with metadata.description, spec.lifecycle, spec.system and the
--     annotation backstage.io/techdocs-ref (each non-blank), and with all four.
--   A Component is known from the first commit of a catalog-info.yaml (or .yml) at the root of one of its repositories
--   (repository_file_versions, else repository_files), or from its entity's first_seen when that is earlier or there is
--   none. Owner, fields and annotations are as the catalog holds them now: the catalog keeps no history of them.
-- Grain: one row per week and owning team (owner_team NULL: what no catalog team owns), plus one row per week with
--   total = true for the whole scope (a repository of two teams counts once there). A repository's teams are the owner
--   teams of the services on it; none: NULL. Parameters: $from_date, $to_date, $zone, $team/$teams.
-- Definition: docs/adoption.md#adoption-measures
WITH weeks AS (
    SELECT w::DATE AS week, timezone($zone, w::TIMESTAMP) AS week_start, timezone($zone, w::TIMESTAMP + INTERVAL 7 DAY) AS week_end
    FROM (SELECT unnest(generate_series(date_trunc('week', $from_date::DATE)::TIMESTAMP, ($to_date::DATE - 1)::TIMESTAMP, INTERVAL 7 DAY)) AS w)
),
catalog_files AS (
    SELECT repo, min(changed_at) AS first_commit
    FROM (SELECT repo, path, committed_at AS changed_at FROM repository_file_versions
          UNION ALL
          SELECT f.repo, f.path, coalesce(f.committed_at, f.fetched_at) FROM repository_files f
          WHERE NOT EXISTS (SELECT 1 FROM repository_file_versions v WHERE v.repo = f.repo AND v.path = f.path))
    WHERE path IN ('catalog-info.yaml', 'catalog-info.yml')
    GROUP BY repo
),
staffed_groups AS (
    SELECT source_ref AS group_ref FROM catalog_relations WHERE type = 'hasMember'
    UNION SELECT target_ref FROM catalog_relations WHERE type = 'memberOf'
),
components AS (
    SELECT s.id AS component, t.id AS owner_team,
           least(e.first_seen, coalesce((SELECT min(f.first_commit) FROM service_repositories sr JOIN catalog_files f ON f.repo = sr.repo
                                         WHERE sr.service_id = s.id), e.first_seen)) AS known_from,
           e.owner_ref IN (SELECT group_ref FROM staffed_groups)
               AND e.owner_ref IN (SELECT entity_ref FROM catalog_entities WHERE kind = 'Group') AS owned,
           coalesce(trim(e.description), '') <> '' AS has_description,
           coalesce(trim(e.lifecycle), '') <> '' AS has_lifecycle,
           coalesce(trim(e.system_ref), '') <> '' AS has_system,
           coalesce(trim(json_extract_string(e.annotations, '$."backstage.io/techdocs-ref"')), '') <> '' AS has_techdocs
    FROM services s
    JOIN (SELECT *, row_number() OVER (PARTITION BY name ORDER BY namespace <> 'default', namespace) AS n
          FROM catalog_entities WHERE kind = 'Component') e ON e.name = s.id AND e.n = 1
    LEFT JOIN teams t ON t.id = s.owner_team
),
component_weeks AS (
    SELECT w.week, c.* FROM weeks w JOIN components c ON c.known_from < w.week_end
),
active AS (
    SELECT w.week, w.week_end, c.repo
    FROM weeks w JOIN commits c ON coalesce(c.committed_at, c.authored_at) >= w.week_start AND coalesce(c.committed_at, c.authored_at) < w.week_end
    GROUP BY ALL
),
repo_owners AS (
    SELECT DISTINCT sr.repo, t.id AS owner_team
    FROM service_repositories sr JOIN services s ON s.id = sr.service_id JOIN teams t ON t.id = s.owner_team
),
repo_weeks AS (
    SELECT a.week, a.repo, o.owner_team,
           EXISTS (SELECT 1 FROM service_repositories sr JOIN components c ON c.component = sr.service_id
                   WHERE sr.repo = a.repo AND c.known_from < a.week_end) AS catalogued
    FROM active a LEFT JOIN repo_owners o ON o.repo = a.repo
),
repo_counts AS (
    SELECT week, owner_team, grouping(owner_team) = 1 AS total, count(DISTINCT repo) AS active_repositories,
           count(DISTINCT repo) FILTER (WHERE catalogued) AS catalogued_repositories
    FROM repo_weeks
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
    GROUP BY GROUPING SETS ((week, owner_team), (week))
),
component_counts AS (
    SELECT week, owner_team, grouping(owner_team) = 1 AS total, count(*) AS components,
           count(*) FILTER (WHERE owned) AS owned_components,
           count(*) FILTER (WHERE has_description) AS with_description,
           count(*) FILTER (WHERE has_lifecycle) AS with_lifecycle,
           count(*) FILTER (WHERE has_system) AS with_system,
           count(*) FILTER (WHERE has_techdocs) AS with_techdocs,
           count(*) FILTER (WHERE has_description AND has_lifecycle AND has_system AND has_techdocs) AS complete
    FROM component_weeks
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
    GROUP BY GROUPING SETS ((week, owner_team), (week))
),
keys AS (
    SELECT week, NULL::VARCHAR AS owner_team, true AS total FROM weeks
    UNION SELECT week, owner_team, total FROM repo_counts WHERE NOT total
    UNION SELECT week, owner_team, total FROM component_counts WHERE NOT total
)
SELECT k.week, k.owner_team, k.total,
       coalesce(r.active_repositories, 0) AS active_repositories, coalesce(r.catalogued_repositories, 0) AS catalogued_repositories,
       coalesce(c.components, 0) AS components, coalesce(c.owned_components, 0) AS owned_components,
       coalesce(c.with_description, 0) AS with_description, coalesce(c.with_lifecycle, 0) AS with_lifecycle,
       coalesce(c.with_system, 0) AS with_system, coalesce(c.with_techdocs, 0) AS with_techdocs, coalesce(c.complete, 0) AS complete
FROM keys k
LEFT JOIN repo_counts r ON r.week = k.week AND r.total = k.total AND r.owner_team IS NOT DISTINCT FROM k.owner_team
LEFT JOIN component_counts c ON c.week = k.week AND c.total = k.total AND c.owner_team IS NOT DISTINCT FROM k.owner_team
ORDER BY k.week, k.total DESC, k.owner_team NULLS LAST;
