-- Ticket explain listing: the tickets behind the ticket metrics.
-- What: tickets whose done_at falls in [$from, $to), with their flow facts (cycle, active, wait, blocked and lead time,
--       reopened, current status) and linked pull requests; intervals come from queries/ticket_intervals.sql.
-- Grain: one row per ticket, by done_at. Parameters: common (queries/README.md) and $project.
-- Definition: docs/metrics.md#tickets
SELECT t.key, t.project, t.team, t.type, t.title, t.created_at AS CreatedAt, t.first_active_at AS FirstActiveAt,
       t.done_at AS DoneAt, t.cycle_hours AS CycleHours, t.cycle_working_hours AS CycleWorkingHours,
       t.active_hours AS ActiveHours, t.active_working_hours AS ActiveWorkingHours,
       t.wait_hours AS WaitHours, t.wait_working_hours AS WaitWorkingHours,
       t.blocked_hours AS BlockedHours, t.blocked_working_hours AS BlockedWorkingHours,
       t.reopened, t.current_status AS CurrentStatus, t.current_category AS CurrentCategory,
       t.lead_time_hours AS LeadTimeHours, t.lead_time_working_hours AS LeadTimeWorkingHours,
       (SELECT string_agg(l.repo || '#' || l.number || ' (' || l.method || ')', ', ' ORDER BY l.repo, l.number)
        FROM ticket_links l WHERE l.ticket_key = t.key) AS LinkedPullRequests
FROM d_tickets t
WHERE t.done_at >= $from AND t.done_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
ORDER BY t.done_at, t.key;
