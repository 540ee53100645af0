-- A person's own meeting load and focus time, per ISO week: the rows of meeting_load.sql for one person, not a cohort.
-- What: the d_person_weeks rows (MeetingWeekDeriver) of $person whose ISO week (Monday, in the person's zone) falls in
--       [$from_date, $to_date), with the same columns and definitions as the team figures take their means of: meeting
--       hours, meeting load (meeting hours / working hours; NULL when the week had no working hours), focus and
--       fragmented hours, meeting-free days, longest focus block. A week the person has no calendar for has no row. Only
--       ever run for the person asking (GET /api/v1/me/meeting-load): no cohort minimum applies to oneself.
-- Grain: one row per week, oldest first. Parameters: $person (people.id), $from_date, $to_date (DATE).
-- Definition: docs/metrics.md#a-persons-own-week
SELECT w.week, w.working_hours, w.meeting_hours, w.meeting_load, w.focus_hours, w.fragmented_hours, w.meeting_free_days,
       w.longest_focus_hours
FROM d_person_weeks w
WHERE w.person_id = $person AND w.week >= CAST($from_date AS DATE) AND w.week < CAST($to_date AS DATE)
ORDER BY w.week;
