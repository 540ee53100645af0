-- Weekly report: the tickets blocked longest among those blocked at some time in a week.
-- What: tickets with a blocked status interval (DevEx:Tickets:BlockedPattern) overlapping [$from, $to); their blocked
--       hours are every blocked interval up to $to (an interval still open counts until $to), wall clock; still blocked =
--       an interval open at $to. Working hours (the ticket's team calendar, as ticket_status_intervals.working_hours):
--       closed_working_hours sums the blocked intervals that ended by $to; the one still open at $to started at
--       open_since, and the report adds the working hours of [open_since, $to) (no SQL can count working hours).
--       Team = the ticket's team (d_tickets.team).
-- Grain: one row per ticket, most blocked hours (wall clock) first, at most $limit. Parameters: $from, $to, $team, $limit.
-- Definition: docs/metrics.md#weekly-reports
SELECT t.key, t.title, t.current_status,
       min(i.start_at) AS blocked_since,
       sum(epoch(least(coalesce(i.end_at, $to::TIMESTAMPTZ), $to::TIMESTAMPTZ) - i.start_at)) / 3600.0 AS blocked_hours,
       coalesce(sum(i.working_hours) FILTER (WHERE i.end_at <= $to), 0) AS closed_working_hours,
       max(i.start_at) FILTER (WHERE i.end_at IS NULL OR i.end_at > $to) AS open_since,
       bool_or(i.end_at IS NULL OR i.end_at > $to) AS still_blocked
FROM ticket_status_intervals i
JOIN d_tickets t ON t.key = i.key
WHERE i.blocked AND i.start_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
GROUP BY t.key, t.title, t.current_status
HAVING max(coalesce(i.end_at, $to::TIMESTAMPTZ)) > $from
ORDER BY blocked_hours DESC, t.key
LIMIT $limit;
