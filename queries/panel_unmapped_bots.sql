-- Dashboard panel: the 50 most used bots (identities no catalog User claims that match $bot_pattern): left out of pull-request flow, nothing to alias (the data-quality page's table, as a query so the panel is data).
-- What: commit authors, pull-request authors and reviewers (lower-cased, trimmed) that no identity of the catalog holds,
--       as queries/data_quality_unmapped_identities.sql finds them; a bot is an identity, or its part before '@', that
--       matches $bot_pattern (DevEx:Metrics:BotPattern, case-insensitive). Over all data, whatever the window.
-- Grain: one row per identity, at most 50, most occurrences first (then the identity). Parameters: $bot_pattern.
-- Columns: identity, occurrences, seen_in (commits, pull_requests, reviews: comma-separated), and occurrences__link
--          (the identity's occurrences; the loader adds the page's filters).
-- Definition: docs/metrics.md#data-quality
WITH seen AS (
    SELECT lower(trim(author)) AS identity, 'commits' AS source FROM commits
    UNION ALL SELECT lower(trim(author)), 'pull_requests' FROM pull_requests
    UNION ALL SELECT lower(trim(reviewer)), 'reviews' FROM reviews
),
unmapped AS (
    SELECT identity, count(*) AS occurrences, string_agg(DISTINCT source, ', ' ORDER BY source) AS seen_in,
           regexp_matches(identity, $bot_pattern, 'i') OR regexp_matches(split_part(identity, '@', 1), $bot_pattern, 'i') AS is_bot
    FROM seen
    WHERE identity NOT IN (SELECT identity FROM identities)
    GROUP BY identity
)
SELECT identity, occurrences, '/explain/identities?identity=' || url_encode(identity) AS occurrences__link, seen_in
FROM unmapped
WHERE is_bot
ORDER BY occurrences DESC, identity
LIMIT 50;
