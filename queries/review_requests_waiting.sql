-- The review requests waiting on a person as of an instant, longest waiting first.
-- What: pull requests open at $as_of (neither merged nor closed before it), not a draft (as last collected), on which a
--       review by $person was requested before $as_of (review_requests.reviewer resolved through identities, so any of
--       the person's logins or emails), and which the person has not reviewed (any review state) since their latest
--       request before $as_of. Requests of the person's own pull requests are left out. requested_at = that latest
--       request; waiting_hours = $as_of - requested_at, wall clock.
-- Grain: one row per pull request, longest waiting first, at most $limit rows. Parameters: $as_of (TIMESTAMPTZ),
--        $person (people.id), $limit.
-- Definition: docs/metrics.md#a-persons-own-week
WITH requests AS (
    SELECT rr.repo, rr.number, max(rr.requested_at) AS requested_at
    FROM review_requests rr
    JOIN identities i ON i.identity = lower(trim(rr.reviewer))
    WHERE i.person_id = $person AND rr.requested_at < $as_of
    GROUP BY rr.repo, rr.number
)
SELECT p.repo, p.number, p.title, p.url, p.author, q.requested_at,
       epoch($as_of::TIMESTAMPTZ - q.requested_at) / 3600.0 AS waiting_hours
FROM requests q
JOIN pull_requests p ON p.repo = q.repo AND p.number = q.number
LEFT JOIN identities ia ON ia.identity = lower(trim(p.author))
WHERE (p.merged_at IS NULL OR p.merged_at >= $as_of) AND (p.closed_at IS NULL OR p.closed_at >= $as_of)
  AND NOT coalesce(p.draft, false)
  AND coalesce(ia.person_id, '') <> $person
  AND NOT EXISTS (
      SELECT 1 FROM reviews r JOIN identities ir ON ir.identity = lower(trim(r.reviewer))
      WHERE r.repo = p.repo AND r.number = p.number AND ir.person_id = $person
        AND r.submitted_at >= q.requested_at AND r.submitted_at < $as_of)
ORDER BY q.requested_at, p.repo, p.number
LIMIT $limit;
