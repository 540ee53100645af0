-- Every check's result per Component in the latest week the scorecard step evaluated (d_scorecard_checks; this week, as
-- of the last run), with its evidence and the Component's owning team, for the scope (docs/adoption.md, "API").
-- Grain: one row per scorecard, check and Component. Parameters: $scorecard (NULL: every scorecard), $team/$teams.
-- Definition: docs/adoption.md#api
SELECT c.scorecard, c.check_id, c.component, l.owner_team, c.week, c.passed, c.evidence_repo, c.evidence_file, c.evidence_line,
       c.evidence_commit, c.detail
FROM d_scorecard_checks c
JOIN d_scorecard_levels l ON l.scorecard = c.scorecard AND l.component = c.component AND l.week = c.week
WHERE c.week = (SELECT max(week) FROM d_scorecard_checks)
  AND ($scorecard::VARCHAR IS NULL OR c.scorecard = $scorecard)
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), l.owner_team))
ORDER BY c.scorecard, c.component, c.check_id;
