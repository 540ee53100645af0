-- Meeting load and focus time of a team: medians and p75 over people, and people by meeting-load band.
-- What: d_person_weeks rows (MeetingWeekDeriver) whose ISO week (Monday, in the person's zone) falls in
--       [$from_date, $to_date), for people in $team (team_memberships; NULL = everyone with a calendar). First each
--       person's mean over their weeks in the window (meeting hours, meeting load, focus, fragmented, meeting-free days,
--       longest focus block), then median and p75 (quantile_cont) over those people. people = the people with at least
--       one week in the window (the cohort the service withholds below DevEx:Meetings:MinCohort). Bands count people by
--       their mean meeting load: [0, 0.1), [0.1, 0.2), [0.2, 0.3), [0.3, 0.5), [0.5, ...); a person whose weeks had no
--       working hours has no load and is in no band. $service and $repo do not apply.
-- Grain: one row. Parameters: common (queries/README.md).
-- Definition: docs/metrics.md#meetings-and-focus
WITH per_person AS (
    SELECT w.person_id,
           avg(w.meeting_hours) AS meeting_hours,
           avg(w.meeting_load) AS meeting_load,
           avg(w.focus_hours) AS focus_hours,
           avg(w.fragmented_hours) AS fragmented_hours,
           avg(w.meeting_free_days) AS meeting_free_days,
           avg(w.longest_focus_hours) AS longest_focus_hours
    FROM d_person_weeks w
    WHERE w.week >= CAST($from_date AS DATE) AND w.week < CAST($to_date AS DATE)
      AND ($teams::VARCHAR IS NULL OR w.person_id IN (SELECT m.person_id FROM team_memberships m WHERE list_contains(string_split($teams, ','), m.team_id)))
    GROUP BY w.person_id
)
SELECT count(*) AS people,
       quantile_cont(meeting_hours, 0.5) AS median_meeting_hours,
       quantile_cont(meeting_hours, 0.75) AS p75_meeting_hours,
       quantile_cont(meeting_load, 0.5) AS median_meeting_load,
       quantile_cont(meeting_load, 0.75) AS p75_meeting_load,
       quantile_cont(focus_hours, 0.5) AS median_focus_hours,
       quantile_cont(focus_hours, 0.75) AS p75_focus_hours,
       quantile_cont(fragmented_hours, 0.5) AS median_fragmented_hours,
       quantile_cont(fragmented_hours, 0.75) AS p75_fragmented_hours,
       quantile_cont(meeting_free_days, 0.5) AS median_meeting_free_days,
       quantile_cont(meeting_free_days, 0.75) AS p75_meeting_free_days,
       quantile_cont(longest_focus_hours, 0.5) AS median_longest_focus_hours,
       count(*) FILTER (WHERE meeting_load < 0.1) AS band_0_10,
       count(*) FILTER (WHERE meeting_load >= 0.1 AND meeting_load < 0.2) AS band_10_20,
       count(*) FILTER (WHERE meeting_load >= 0.2 AND meeting_load < 0.3) AS band_20_30,
       count(*) FILTER (WHERE meeting_load >= 0.3 AND meeting_load < 0.5) AS band_30_50,
       count(*) FILTER (WHERE meeting_load >= 0.5) AS band_50_plus
FROM per_person
