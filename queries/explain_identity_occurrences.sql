-- Explain listing: where identities no catalog User claims appear (the rows behind data_quality_unmapped_identities.sql).
-- What: the commits an identity authored, the pull requests it opened and the reviews it submitted, matched as the
--       count matches them (lower-cased and trimmed, not in identities), newest first, with the pull request's URL
--       where it was imported. $identity narrows to one identity (NULL = every unmapped one). The whole data set: no
--       window or scope applies, as for the count.
-- Grain: one row per commit, pull request or review. Parameters: $identity.
-- Definition: docs/metrics.md#data-quality
WITH seen AS (
    SELECT lower(trim(author)) AS identity, 'commits' AS seen_in, repo, sha AS ref, authored_at AS seen_at, NULL::VARCHAR AS url
    FROM commits
    UNION ALL
    SELECT lower(trim(author)), 'pull_requests', repo, repo || '#' || CAST(number AS VARCHAR), created_at, url
    FROM pull_requests
    UNION ALL
    SELECT lower(trim(r.reviewer)), 'reviews', r.repo, r.repo || '#' || CAST(r.number AS VARCHAR), r.submitted_at, p.url
    FROM reviews r LEFT JOIN pull_requests p ON p.repo = r.repo AND p.number = r.number
)
SELECT identity, seen_in, repo, ref, seen_at, url
FROM seen
WHERE identity NOT IN (SELECT identity FROM identities)
  AND ($identity::VARCHAR IS NULL OR identity = lower(trim($identity)))
ORDER BY seen_at DESC, seen_in, ref;
