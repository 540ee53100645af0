-- Wait states: where time is lost, one row per wait.
-- What: over pull requests merged in [$from, $to) (bots excluded): pickup, review, merge wait, CI queue and CI run
--       (per pull request, the sum over its runs) and deploy wait, from d_pull_requests; over
--       tickets done in the window: ticket wait time (wait statuses inside the cycle span) and blocked time (tickets
--       that were blocked), from d_tickets. Median hours and working hours, the sample size and the total hours each
--       accounts for, in working hours of the team's zone.
-- Grain: one row per period ($interval; a PR by its merge, a ticket by its done time), group ($group: none | team;
--        the PR's owner team, the ticket's team; grp is NULL for none, and by team where that is no catalog team) and wait, most total hours first. Without a
--        group or interval every wait has a row (sample_size 0 when nothing waited); otherwise only waits with samples.
--        Parameters: common (queries/README.md), $group and $project (tickets only).
-- Definition: docs/metrics.md#wait-states
WITH pulls AS (
    SELECT *, merged_at AS at_time, CASE WHEN $group = 'team' AND owner_team IN (SELECT id FROM teams) THEN owner_team END AS grp FROM d_pull_requests
    WHERE merged_at >= $from AND merged_at < $to
      AND NOT is_bot
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
), tickets AS (
    SELECT *, t.done_at AS at_time, CASE WHEN $group = 'team' AND t.team IN (SELECT id FROM teams) THEN t.team END AS grp FROM d_tickets t
    WHERE t.done_at >= $from AND t.done_at < $to
  AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
  AND ($project::VARCHAR IS NULL OR t.project = $project)
  AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                              WHERE sr.service_id = $service))
  AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
), waits AS (
    SELECT at_time, grp, 'pr-pickup' AS wait, 'pull-requests' AS source, pickup_hours AS hours, pickup_working_hours AS working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'pr-review', 'pull-requests', review_hours, review_working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'pr-merge-wait', 'pull-requests', merge_wait_hours, merge_wait_working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'ci-queue', 'pipeline-runs', ci_queue_hours, ci_queue_working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'ci-run', 'pipeline-runs', ci_run_hours, ci_run_working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'deploy-wait', 'pull-requests', deploy_wait_hours, deploy_wait_working_hours FROM pulls
    UNION ALL SELECT at_time, grp, 'ticket-wait', 'tickets', wait_hours, wait_working_hours FROM tickets
    UNION ALL SELECT at_time, grp, 'ticket-blocked', 'tickets', blocked_hours, blocked_working_hours FROM tickets WHERE blocked_hours > 0
), names (wait, source, ord) AS (
    VALUES ('pr-pickup', 'pull-requests', 1), ('pr-review', 'pull-requests', 2), ('pr-merge-wait', 'pull-requests', 3),
           ('ci-queue', 'pipeline-runs', 4), ('ci-run', 'pipeline-runs', 5), ('deploy-wait', 'pull-requests', 6),
           ('ticket-wait', 'tickets', 7), ('ticket-blocked', 'tickets', 8)
)
SELECT CASE WHEN $interval = 'all' THEN $from_date::DATE ELSE date_trunc($period_unit, timezone($zone, w.at_time))::DATE END AS period,
       w.grp,
       n.wait, n.source,
       count(w.hours) AS sample_size,
       quantile_cont(w.hours, 0.5) AS median_hours,
       quantile_cont(w.working_hours, 0.5) AS median_working_hours,
       sum(w.hours) AS total_hours,
       sum(w.working_hours) AS total_working_hours
FROM names n
LEFT JOIN waits w ON w.wait = n.wait
GROUP BY 1, 2, n.wait, n.source, n.ord
ORDER BY 1, 2, coalesce(sum(w.working_hours), sum(w.hours), 0) DESC, n.ord;
