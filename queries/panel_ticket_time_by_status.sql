-- Dashboard panel: where the cycle time of the tickets done in the window went, per status: the tickets page's table,
-- as a query so the panel is data.
-- What: the status intervals inside the cycle [first_active_at, done_at) of tickets with a cycle done in [$from, $to)
--       in scope, summed per status (the figures of queries/ticket_time_by_status.sql): working hours of the team's zone,
--       wall-clock hours and the tickets that passed through the status.
-- Grain: one row per (status, category), most working hours first. Parameters: common (queries/README.md), $project.
-- Columns: status, category, working_hours, hours, tickets.
-- Definition: docs/metrics.md#tickets
SELECT i.status, i.category,
       sum(i.working_hours) AS working_hours,
       sum(i.hours) AS hours,
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
