-- Flow and focus per team: the rest of docs/metrics.md's headline view beside the waits (ticket flow efficiency, meeting
-- load and focus time per person).
-- What: per team, tickets done in [$from, $to) (d_tickets.team; $service and $repo through the tickets' linked pull
--       requests, as in wait_states.sql): tickets_done and flow_efficiency = sum(active working hours) /
--       sum(active + wait working hours) over those with a cycle (NULL when that is 0). And the team's people with
--       person-weeks (d_person_weeks) whose ISO week falls in [$from_date, $to_date): each person's mean weekly meeting
--       load and focus hours, then the median over people (as queries/meeting_load.sql); people = that cohort, which
--       the service withholds below DevEx:Meetings:MinCohort.
--       What no catalog team owns is a row of its own with team_id NULL (as wait_states.sql's grp): tickets whose team is
--       none or no catalog team, and people with calendars in no catalog team; so tickets_done over the rows sums to
--       the scope's tickets done. With $team set there is no such row.
-- Grain: one row per team with tickets done or people with calendars, by team id (NULL last: unowned). Parameters:
--        common (queries/README.md).
-- Definition: docs/metrics.md#flow-and-focus-per-team
WITH tickets AS (
    SELECT CASE WHEN t.team IN (SELECT id FROM teams) THEN t.team END AS team_id,
           count(*) AS tickets_done,
           sum(t.active_working_hours) AS active_working_hours,
           sum(t.wait_working_hours) AS wait_working_hours
    FROM d_tickets t
    WHERE t.done_at >= $from AND t.done_at < $to
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
      AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                                  WHERE sr.service_id = $service))
      AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
    GROUP BY 1
), memberships AS (
    SELECT person_id, team_id FROM team_memberships WHERE team_id IN (SELECT id FROM teams)
), per_person AS (
    SELECT m.team_id, w.person_id, avg(w.meeting_load) AS meeting_load, avg(w.focus_hours) AS focus_hours
    FROM d_person_weeks w
    LEFT JOIN memberships m ON m.person_id = w.person_id
    WHERE w.week >= CAST($from_date AS DATE) AND w.week < CAST($to_date AS DATE)
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), m.team_id))
    GROUP BY m.team_id, w.person_id
), people AS (
    SELECT team_id, count(*) AS people,
           quantile_cont(meeting_load, 0.5) AS median_meeting_load,
           quantile_cont(focus_hours, 0.5) AS median_focus_hours
    FROM per_person
    GROUP BY team_id
)
SELECT coalesce(t.team_id, p.team_id) AS team_id,
       coalesce(t.tickets_done, 0) AS tickets_done,
       CASE WHEN t.active_working_hours + t.wait_working_hours > 0
            THEN t.active_working_hours / (t.active_working_hours + t.wait_working_hours) END AS flow_efficiency,
       coalesce(p.people, 0) AS people,
       p.median_meeting_load,
       p.median_focus_hours
FROM tickets t
FULL OUTER JOIN people p ON p.team_id IS NOT DISTINCT FROM t.team_id
ORDER BY 1 NULLS LAST;
