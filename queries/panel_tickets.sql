-- Dashboard panel: ticket flow in the window and in the previous period: the tickets page's stats, as a query so the
-- panels are data.
-- What: tickets done in [$from, $to) in scope, as queries/ticket_metrics.sql counts them: throughput, the medians of
--       cycle, active, wait and (over blocked tickets) blocked time in working hours of the team's zone, flow
--       efficiency (active / (active + wait) working hours), reopened tickets; and work in progress at the window's
--       end as queries/ticket_wip.sql counts it (active or wait status at $to). Each `_previous` is the same over
--       [$previous_from, $from) (WIP at $from); all of them are NULL when that period ended before the scope's first
--       ticket transition (queries/data_start.sql): no figure, not "up from 0".
-- Grain: one row. Parameters: common (queries/README.md), $project and $previous_from.
-- Columns: throughput, cycle_median_working_hours, active_median_working_hours, wait_median_working_hours,
--          blocked_median_working_hours, flow_efficiency, wip, reopened, each with _previous and __link (the ticket listing).
-- Definition: docs/metrics.md#tickets
WITH scoped AS (
    SELECT t.*, t.done_at >= $from AS now
    FROM d_tickets t
    WHERE t.done_at >= $previous_from AND t.done_at < $to
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
      AND ($project::VARCHAR IS NULL OR t.project = $project)
      AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                                  WHERE sr.service_id = $service))
      AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
),
figures AS (
    SELECT count(*) FILTER (WHERE now) AS throughput,
           count(*) FILTER (WHERE NOT now) AS throughput_previous,
           quantile_cont(cycle_working_hours, 0.5) FILTER (WHERE now) AS cycle_median_working_hours,
           quantile_cont(cycle_working_hours, 0.5) FILTER (WHERE NOT now) AS cycle_median_working_hours_previous,
           quantile_cont(active_working_hours, 0.5) FILTER (WHERE now) AS active_median_working_hours,
           quantile_cont(active_working_hours, 0.5) FILTER (WHERE NOT now) AS active_median_working_hours_previous,
           quantile_cont(wait_working_hours, 0.5) FILTER (WHERE now) AS wait_median_working_hours,
           quantile_cont(wait_working_hours, 0.5) FILTER (WHERE NOT now) AS wait_median_working_hours_previous,
           quantile_cont(blocked_working_hours, 0.5) FILTER (WHERE now AND blocked_hours > 0) AS blocked_median_working_hours,
           quantile_cont(blocked_working_hours, 0.5) FILTER (WHERE NOT now AND blocked_hours > 0) AS blocked_median_working_hours_previous,
           sum(active_working_hours) FILTER (WHERE now)
             / nullif(sum(active_working_hours + wait_working_hours) FILTER (WHERE now), 0) AS flow_efficiency,
           sum(active_working_hours) FILTER (WHERE NOT now)
             / nullif(sum(active_working_hours + wait_working_hours) FILTER (WHERE NOT now), 0) AS flow_efficiency_previous,
           count(*) FILTER (WHERE now AND reopened) AS reopened,
           count(*) FILTER (WHERE NOT now AND reopened) AS reopened_previous
    FROM scoped
),
wip AS (
    SELECT count(*) FILTER (WHERE i.start_at <= $to AND (i.end_at IS NULL OR i.end_at > $to)) AS wip,
           count(*) FILTER (WHERE i.start_at <= $from AND (i.end_at IS NULL OR i.end_at > $from)) AS wip_previous
    FROM ticket_status_intervals i
    JOIN d_tickets t ON t.key = i.key
    WHERE i.category IN ('active', 'wait')
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
      AND ($project::VARCHAR IS NULL OR t.project = $project)
      AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                                  WHERE sr.service_id = $service))
      AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
),
data_start AS (
    SELECT coalesce(min(tr."at") < $from, false) AS previous_has_data
    FROM d_tickets t JOIN ticket_transitions tr ON tr.key = t.key
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
      AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                                  WHERE sr.service_id = $service))
      AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
)
SELECT f.throughput, CASE WHEN s.previous_has_data THEN f.throughput_previous END AS throughput_previous,
       '/explain/tickets' AS throughput__link,
       f.cycle_median_working_hours, CASE WHEN s.previous_has_data THEN f.cycle_median_working_hours_previous END AS cycle_median_working_hours_previous,
       '/explain/tickets' AS cycle_median_working_hours__link,
       f.active_median_working_hours, CASE WHEN s.previous_has_data THEN f.active_median_working_hours_previous END AS active_median_working_hours_previous,
       '/explain/tickets' AS active_median_working_hours__link,
       f.wait_median_working_hours, CASE WHEN s.previous_has_data THEN f.wait_median_working_hours_previous END AS wait_median_working_hours_previous,
       '/explain/tickets' AS wait_median_working_hours__link,
       f.blocked_median_working_hours, CASE WHEN s.previous_has_data THEN f.blocked_median_working_hours_previous END AS blocked_median_working_hours_previous,
       '/explain/tickets' AS blocked_median_working_hours__link,
       f.flow_efficiency, CASE WHEN s.previous_has_data THEN f.flow_efficiency_previous END AS flow_efficiency_previous,
       '/explain/tickets' AS flow_efficiency__link,
       w.wip, CASE WHEN s.previous_has_data THEN w.wip_previous END AS wip_previous, '/explain/tickets' AS wip__link,
       f.reopened, CASE WHEN s.previous_has_data THEN f.reopened_previous END AS reopened_previous, '/explain/tickets' AS reopened__link
FROM figures f CROSS JOIN wip w CROSS JOIN data_start s;
