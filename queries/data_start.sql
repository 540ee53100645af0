-- Data start: when each kind of figure's data begins in the scope, so a period before it reads "no figure", not 0.
-- What: the earliest finish of a production deployment (deployments, DORA), merge of a pull request by a person (pull
--       request and CI waits), ticket transition (ticket waits) and calendar occurrence of a team member (meetings,
--       focus) in the scope. A kind with no data in the scope has no row.
-- Grain: one row per group ($group: none | team; grp is NULL for none) and kind (deployments | pull-requests |
--        tickets | calendars). Parameters: common scope filters (queries/README.md; the window is not used), $group.
-- Definition: docs/metrics.md#periods-before-the-data-starts
WITH firsts AS (
    SELECT CASE $group WHEN 'team' THEN owner_team END AS grp, 'deployments' AS kind, min(finished_at) AS first_at
    FROM d_deployments
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR service = $service)
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
    UNION ALL
    SELECT CASE $group WHEN 'team' THEN owner_team END, 'pull-requests', min(merged_at)
    FROM d_pull_requests
    WHERE merged_at IS NOT NULL AND NOT is_bot
      AND ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), owner_team))
      AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
      AND ($repo::VARCHAR IS NULL OR repo = $repo)
    GROUP BY 1
    UNION ALL
    SELECT CASE $group WHEN 'team' THEN t.team END, 'tickets', min(tr."at")
    FROM d_tickets t JOIN ticket_transitions tr ON tr.key = t.key
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), t.team))
      AND ($service::VARCHAR IS NULL OR t.key IN (SELECT l.ticket_key FROM ticket_links l JOIN service_repositories sr ON sr.repo = l.repo
                                                  WHERE sr.service_id = $service))
      AND ($repo::VARCHAR IS NULL OR t.key IN (SELECT ticket_key FROM ticket_links WHERE repo = $repo))
    GROUP BY 1
    UNION ALL
    SELECT CASE $group WHEN 'team' THEN m.team_id END, 'calendars', min(o.start_at)
    FROM calendar_occurrences o LEFT JOIN team_memberships m ON m.person_id = o.person_id
    WHERE ($teams::VARCHAR IS NULL OR list_contains(string_split($teams, ','), m.team_id))
    GROUP BY 1
)
SELECT grp, kind, first_at FROM firsts WHERE first_at IS NOT NULL ORDER BY grp, kind;
