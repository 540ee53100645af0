-- Each Component's level on each scorecard per ISO week, as the scorecard step evaluated it (d_scorecard_levels;
-- docs/adoption.md, "Scorecards"), for the scope: what the scorecards page counts per level and the impact comparison
-- reads adoption weeks from (a Component adopts in the first week it reaches the first level).
-- Grain: one row per scorecard, Component and week, oldest week first. Parameters: $team/$teams (on the owning team).
-- Definition: docs/adoption.md#api
SELECT scorecard, component, owner_team, week, level, checks, passed
FROM d_scorecard_levels
WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
ORDER BY scorecard, component, week;
