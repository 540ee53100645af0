-- Data quality: identities (emails, logins) that no catalog User claims. Their work is kept and counted under
-- the identity itself; map them with a User's spec.profile.email, github.com/user-login or devex.dev/aliases.
-- is_bot: the identity, or its part before '@' (GitHub's 49699333+dependabot[bot]@users.noreply.github.com), matches
-- $bot_pattern (DevEx:Metrics:BotPattern, case-insensitive): a bot, listed apart, as bots are left out of pull-request flow.
-- Grain: one row per unmapped identity, most used first. Parameters: $bot_pattern.
-- Definition: docs/metrics.md#data-quality
WITH seen AS (
    SELECT lower(trim(author)) AS identity, 'commits' AS source FROM commits
    UNION ALL SELECT lower(trim(author)), 'pull_requests' FROM pull_requests
    UNION ALL SELECT lower(trim(reviewer)), 'reviews' FROM reviews
)
SELECT identity, count(*) AS occurrences, list(DISTINCT source ORDER BY source) AS seen_in,
       regexp_matches(identity, $bot_pattern, 'i') OR regexp_matches(split_part(identity, '@', 1), $bot_pattern, 'i') AS is_bot
FROM seen
WHERE identity NOT IN (SELECT identity FROM identities)
GROUP BY identity
ORDER BY occurrences DESC, identity;
