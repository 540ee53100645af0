-- Ticket status intervals of the tickets in queries/ticket_explain.sql.
-- What: each [start_at, end_at) stay in a status (end_at NULL while current), its category, whether it is blocked, and
--       its length in hours and working hours (team calendar).
-- Grain: one row per interval, by ticket then start. Parameters: common (queries/README.md) and $project.
-- Definition: docs/metrics.md#tickets
SELECT i.key, i.status, i.category, i.blocked, i.start_at AS StartAt, i.end_at AS EndAt, i.hours, i.working_hours AS WorkingHours
FROM ticket_status_intervals i
JOIN d_tickets t ON t.key = i.key
WHERE t.done_at >= $from AND t.done_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
ORDER BY i.key, i.start_at;
