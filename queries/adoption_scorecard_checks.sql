-- Every check's result per Component in the latest week the scorecard step evaluated (d_scorecard_checks; this week, as
-- of the last run), or with $week the latest evaluated week starting on or before it (a weekly report's week), with its
-- evidence and the Component's owning team, for the scope (docs/adoption.md, "API").
-- Grain: one row per scorecard, check and Component. Parameters: $scorecard (NULL: every scorecard), $week (a Monday;
-- NULL: the latest), $team/$teams.
-- Definition: docs/adoption.md#api
SELECT c.scorecard, c.check_id, c.component, l.owner_team, c.week, c.passed, c.evidence_repo, c.evidence_file, c.evidence_line,
       c.evidence_commit, c.detail
FROM d_scorecard_checks c
JOIN d_scorecard_levels l ON l.scorecard = c.scorecard AND l.component = c.component AND l.week = c.week
WHERE c.week = (SELECT max(week) FROM d_scorecard_checks WHERE $week::DATE IS NULL OR week <= $week::DATE)
  AND ($scorecard::VARCHAR IS NULL OR c.scorecard = $scorecard)
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), l.owner_team))
ORDER BY c.scorecard, c.component, c.check_id;
