-- Ticket work in progress at the window's end.
-- What: tickets whose status at the instant $to (the interval with start_at <= $to < end_at, or the current one) is
--       in category active or wait; a reopened ticket back in progress counts again.
-- Grain: one row. Parameters: common (queries/README.md) and $project.
-- Definition: docs/metrics.md#tickets
SELECT count(*) AS wip,
       count(*) FILTER (WHERE i.category = 'active') AS active,
       count(*) FILTER (WHERE i.category = 'wait') AS waiting,
       count(*) FILTER (WHERE i.blocked) AS blocked
FROM ticket_status_intervals i
JOIN d_tickets t ON t.key = i.key
WHERE i.start_at <= $to AND (i.end_at IS NULL OR i.end_at > $to)
  AND i.category IN ('active', 'wait')
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo));
