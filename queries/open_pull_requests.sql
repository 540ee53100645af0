-- Open pull requests waiting for their first review, longest waiting first.
-- What: pull requests neither merged nor closed at $now, ready for review by then (ready_at, else created_at: NULL means
--       ready when created) and not a draft (draft, as last collected), by a person who is not a bot (logins ending in
--       [bot]), with no review submitted by another person (reviewer and author resolved through identities) before
--       $now. waiting_hours = $now - ready, wall clock. The owner team is the owner of the
--       repository's services (the first by service id). The window does not apply: this is the state at $now.
-- Grain: one row per pull request, at most $limit rows. Parameters: $now (TIMESTAMPTZ), $team, $service, $repo, $limit.
-- Definition: docs/metrics.md#open-pull-requests
WITH owners AS (
    SELECT sr.repo, arg_min(s.owner_team, s.id) AS owner_team
    FROM service_repositories sr JOIN services s ON s.id = sr.service_id
    GROUP BY sr.repo
), open_prs AS (
    SELECT p.*, o.owner_team, coalesce(ia.person_id, lower(p.author)) AS author_person
    FROM pull_requests p
    LEFT JOIN owners o ON o.repo = p.repo
    LEFT JOIN identities ia ON ia.identity = lower(p.author)
    WHERE (p.merged_at IS NULL OR p.merged_at > $now) AND (p.closed_at IS NULL OR p.closed_at > $now)
      AND coalesce(p.ready_at, p.created_at) <= $now AND NOT coalesce(p.draft, false)
      AND p.author NOT LIKE '%[bot]'
      AND ($team::VARCHAR IS NULL OR o.owner_team = $team)
      AND ($service::VARCHAR IS NULL OR p.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR p.repo = $repo)
)
SELECT p.repo, p.number, p.title, p.url, p.owner_team, coalesce(p.ready_at, p.created_at) AS ready_at,
       epoch($now::TIMESTAMPTZ - coalesce(p.ready_at, p.created_at)) / 3600.0 AS waiting_hours
FROM open_prs p
WHERE NOT EXISTS (
    SELECT 1 FROM reviews r
    LEFT JOIN identities ir ON ir.identity = lower(r.reviewer)
    WHERE r.repo = p.repo AND r.number = p.number AND r.submitted_at <= $now
      AND coalesce(ir.person_id, lower(r.reviewer)) <> p.author_person
)
ORDER BY coalesce(p.ready_at, p.created_at), p.repo, p.number
LIMIT $limit;
