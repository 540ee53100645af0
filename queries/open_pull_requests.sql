-- Open pull requests and what each waits for, as of an instant, longest waiting first: the dashboards' "Waiting for
-- review now" (as of now, waiting for review only) and the weekly report's "open pull requests waiting longest" (as of
-- the week's end, both kinds) read this one definition.
-- What: the state as of $as_of, counting what happened before it: pull requests neither merged nor closed before $as_of,
--       ready for review before it (ready_at, else created_at: NULL means ready when created), not a draft (draft, as
--       last collected), by an author not matching $bot_pattern (DevEx:Metrics:BotPattern, case-insensitive, as in
--       pull-request flow). waiting_for = 'review' while no review activity by another person was submitted before
--       $as_of, else 'merge'. Another person = reviewer and author resolved to people through identities, as
--       PullRequestFlowDeriver does (an unmapped name is its own person): the author's own comment, from any of their
--       logins or emails, is not a review. waiting_hours = $as_of - ready, wall clock. The owner team is the owner of the
--       repository's services, the first by service id that has one (as d_pull_requests.owner_team of merged ones).
--       $author_person: only those whose author resolves to that person (any of their identities); NULL = anyone's.
-- Grain: one row per pull request, longest waiting first, at most $limit rows. Parameters: $as_of (TIMESTAMPTZ), $team,
--        $service, $repo, $bot_pattern (regex), $waiting_for ('review', 'merge' or NULL = both), $author_person
--        (people.id or NULL), $limit.
-- Definition: docs/metrics.md#open-pull-requests
WITH owners AS (
    SELECT sr.repo, arg_min(s.owner_team, s.id) AS owner_team
    FROM service_repositories sr JOIN services s ON s.id = sr.service_id
    WHERE s.owner_team IS NOT NULL
    GROUP BY sr.repo
), open_prs AS (
    SELECT p.repo, p.number, p.title, p.url, p.author, o.owner_team, coalesce(p.ready_at, p.created_at) AS ready_at,
           coalesce(ia.person_id, 'unmapped:' || lower(trim(p.author))) AS author_person
    FROM pull_requests p
    LEFT JOIN owners o ON o.repo = p.repo
    LEFT JOIN identities ia ON ia.identity = lower(trim(p.author))
    WHERE (p.merged_at IS NULL OR p.merged_at >= $as_of) AND (p.closed_at IS NULL OR p.closed_at >= $as_of)
      AND coalesce(p.ready_at, p.created_at) < $as_of AND NOT coalesce(p.draft, false)
      AND NOT regexp_matches(p.author, $bot_pattern, 'i')
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), o.owner_team))
      AND ($service::VARCHAR IS NULL OR p.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR p.repo = $repo)
      AND ($author_person::VARCHAR IS NULL OR coalesce(ia.person_id, 'unmapped:' || lower(trim(p.author))) = $author_person)
), waiting AS (
    SELECT p.*,
           CASE WHEN EXISTS (
               SELECT 1 FROM reviews r
               LEFT JOIN identities ir ON ir.identity = lower(trim(r.reviewer))
               WHERE r.repo = p.repo AND r.number = p.number AND r.submitted_at < $as_of
                 AND coalesce(ir.person_id, 'unmapped:' || lower(trim(r.reviewer))) <> p.author_person
           ) THEN 'merge' ELSE 'review' END AS waiting_for
    FROM open_prs p
)
SELECT repo, number, title, url, author, owner_team, ready_at,
       epoch($as_of::TIMESTAMPTZ - ready_at) / 3600.0 AS waiting_hours, waiting_for
FROM waiting
WHERE $waiting_for::VARCHAR IS NULL OR waiting_for = $waiting_for
ORDER BY ready_at, repo, number
LIMIT $limit;
