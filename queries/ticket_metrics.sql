-- Ticket flow: cycle time, active, wait and blocked time, flow efficiency and throughput.
-- What: tickets whose done_at (first entry to done after the first entry to active; for a ticket never active, its
--       first entry to done) falls in [$from, $to). throughput = their count. Cycle time (first active -> that done),
--       active and wait time inside the cycle span: median, p75, p90 in hours and working hours over the tickets that
--       have a cycle (never-active tickets have none). flow_efficiency = sum(active working) / sum(active + wait
--       working), flow_efficiency_wall_clock the same in hours; NULL when the denominator is 0. Blocked time (statuses
--       matching DevEx:Tickets:BlockedPattern, inside the cycle span): quantiles over the tickets that were blocked.
-- Grain: one row. Parameters: common (queries/README.md) and $project (NULL = every project).
-- Definition: docs/metrics.md#tickets
SELECT count(*) AS throughput,
       count(*) FILTER (WHERE reopened) AS reopened,
       count(cycle_hours) AS cycle_sample_size,
       quantile_cont(cycle_hours, 0.5) AS cycle_median_hours,
       quantile_cont(cycle_hours, 0.75) AS cycle_p75_hours,
       quantile_cont(cycle_hours, 0.9) AS cycle_p90_hours,
       quantile_cont(cycle_working_hours, 0.5) AS cycle_median_working_hours,
       quantile_cont(cycle_working_hours, 0.75) AS cycle_p75_working_hours,
       quantile_cont(cycle_working_hours, 0.9) AS cycle_p90_working_hours,
       count(active_hours) AS active_sample_size,
       quantile_cont(active_hours, 0.5) AS active_median_hours,
       quantile_cont(active_hours, 0.75) AS active_p75_hours,
       quantile_cont(active_hours, 0.9) AS active_p90_hours,
       quantile_cont(active_working_hours, 0.5) AS active_median_working_hours,
       quantile_cont(active_working_hours, 0.75) AS active_p75_working_hours,
       quantile_cont(active_working_hours, 0.9) AS active_p90_working_hours,
       count(wait_hours) AS wait_sample_size,
       quantile_cont(wait_hours, 0.5) AS wait_median_hours,
       quantile_cont(wait_hours, 0.75) AS wait_p75_hours,
       quantile_cont(wait_hours, 0.9) AS wait_p90_hours,
       quantile_cont(wait_working_hours, 0.5) AS wait_median_working_hours,
       quantile_cont(wait_working_hours, 0.75) AS wait_p75_working_hours,
       quantile_cont(wait_working_hours, 0.9) AS wait_p90_working_hours,
       count(*) FILTER (WHERE blocked_hours > 0) AS blocked_sample_size,
       quantile_cont(blocked_hours, 0.5) FILTER (WHERE blocked_hours > 0) AS blocked_median_hours,
       quantile_cont(blocked_hours, 0.75) FILTER (WHERE blocked_hours > 0) AS blocked_p75_hours,
       quantile_cont(blocked_hours, 0.9) FILTER (WHERE blocked_hours > 0) AS blocked_p90_hours,
       quantile_cont(blocked_working_hours, 0.5) FILTER (WHERE blocked_hours > 0) AS blocked_median_working_hours,
       quantile_cont(blocked_working_hours, 0.75) FILTER (WHERE blocked_hours > 0) AS blocked_p75_working_hours,
       quantile_cont(blocked_working_hours, 0.9) FILTER (WHERE blocked_hours > 0) AS blocked_p90_working_hours,
       sum(active_working_hours) / nullif(sum(active_working_hours + wait_working_hours), 0) AS flow_efficiency,
       sum(active_hours) / nullif(sum(active_hours + wait_hours), 0) AS flow_efficiency_wall_clock,
       count(lead_time_hours) AS lead_sample_size,
       quantile_cont(lead_time_hours, 0.5) AS lead_median_hours,
       quantile_cont(lead_time_hours, 0.75) AS lead_p75_hours,
       quantile_cont(lead_time_hours, 0.9) AS lead_p90_hours,
       quantile_cont(lead_time_working_hours, 0.5) AS lead_median_working_hours,
       quantile_cont(lead_time_working_hours, 0.75) AS lead_p75_working_hours,
       quantile_cont(lead_time_working_hours, 0.9) AS lead_p90_working_hours
FROM d_tickets t
WHERE t.done_at >= $from AND t.done_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo));
