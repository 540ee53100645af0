-- Meeting hours a team spends, for the "where time is lost" overview.
-- What: d_person_weeks rows whose ISO week falls in [$from_date, $to_date), for people in $team (NULL = everyone with a
--       calendar): the people counted (the cohort the service withholds below DevEx:Meetings:MinCohort), their
--       person-weeks, the meeting hours inside working hours summed over those weeks, and the median meeting hours
--       of a person-week. With $group = 'team' one row per team the people belong to (a person in two teams counts in
--       both); with 'none' one row (grp NULL).
-- Grain: one row per group. Parameters: $from_date, $to_date, $team, $group (none | team).
-- Definition: docs/metrics.md#meetings-and-focus
WITH weeks AS (
    SELECT w.person_id, w.meeting_hours
    FROM d_person_weeks w
    WHERE w.week >= CAST($from_date AS DATE) AND w.week < CAST($to_date AS DATE)
      AND ($teams::VARCHAR IS NULL OR w.person_id IN (SELECT m.person_id FROM team_memberships m WHERE list_contains(string_split($teams, ','), m.team_id)))
), grouped AS (
    SELECT m.team_id AS grp, w.person_id, w.meeting_hours
    FROM weeks w
    JOIN team_memberships m ON m.person_id = w.person_id AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), m.team_id))
    WHERE $group = 'team'
    UNION ALL
    SELECT NULL, person_id, meeting_hours FROM weeks WHERE $group = 'none'
)
SELECT grp,
       count(DISTINCT person_id) AS people,
       count(*) AS person_weeks,
       sum(meeting_hours) AS total_meeting_hours,
       quantile_cont(meeting_hours, 0.5) AS median_meeting_hours
FROM grouped
GROUP BY grp
ORDER BY grp;
