-- Weekly report: the open pull requests that have waited longest at the end of a week.
-- What: pull requests ready for review (readyAt, else createdAt) before $to and neither merged nor closed before $to,
--       drafts (draft, as last collected) and authors matching $bot_pattern left out, as in open_pull_requests.sql. Waiting hours = $to - ready. Waiting for "review" while no review was
--       submitted before $to, else "merge". Scope as pull-request flow: the owner team of the repository's services.
-- Grain: one row per pull request, longest waiting first, at most $limit. Parameters: $to, $team, $service, $repo,
--        $bot_pattern (regex), $limit.
-- Definition: docs/metrics.md#weekly-reports
SELECT p.repo, p.number, p.title, p.url, p.author,
       coalesce(p.ready_at, p.created_at) AS waiting_since,
       epoch($to::TIMESTAMPTZ - coalesce(p.ready_at, p.created_at)) / 3600.0 AS waiting_hours,
       CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.repo = p.repo AND r.number = p.number AND r.submitted_at < $to)
            THEN 'merge' ELSE 'review' END AS waiting_for
FROM pull_requests p
WHERE coalesce(p.ready_at, p.created_at) < $to
  AND (p.merged_at IS NULL OR p.merged_at >= $to)
  AND (p.closed_at IS NULL OR p.closed_at >= $to)
  AND NOT coalesce(p.draft, false)
  AND NOT regexp_matches(p.author, $bot_pattern)
  AND ($team::VARCHAR IS NULL OR p.repo IN (
        SELECT sr.repo FROM service_repositories sr JOIN services s ON s.id = sr.service_id WHERE s.owner_team = $team))
  AND ($service::VARCHAR IS NULL OR p.repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
  AND ($repo::VARCHAR IS NULL OR p.repo = $repo)
ORDER BY waiting_hours DESC, p.repo, p.number
LIMIT $limit;
