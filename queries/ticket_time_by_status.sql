-- Ticket time by status: where the cycle time of tickets done in the window went.
-- What: for tickets with a cycle whose done_at falls in [$from, $to), the intervals inside the cycle span
--       [first_active_at, done_at) (whole intervals: the span starts and ends at interval boundaries), summed per
--       status: hours, working hours and how many tickets passed through it.
-- Grain: one row per (status, category), most working hours first. Parameters: common (queries/README.md) and $project.
-- Definition: docs/metrics.md#tickets
SELECT i.status, i.category,
       sum(i.hours) AS hours,
       sum(i.working_hours) AS working_hours,
       count(DISTINCT i.key) AS tickets
FROM ticket_status_intervals i
JOIN d_tickets t ON t.key = i.key
WHERE t.done_at >= $from AND t.done_at < $to AND t.cycle_hours IS NOT NULL
  AND i.start_at >= t.first_active_at AND i.start_at < t.done_at
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
GROUP BY i.status, i.category
ORDER BY working_hours DESC, i.status;
