-- Teams (Backstage Groups) with their time zone, working hours, member count and the services they own.
-- Grain: one row per team. Parameters: none.
-- Definition: docs/metrics.md#teams-and-services
SELECT t.id, t.display_name, t.parent, t.timezone AS time_zone, t.working_hours,
       (SELECT count(*) FROM team_memberships m WHERE m.team_id = t.id) AS members,
       coalesce((SELECT list(s.id ORDER BY s.id) FROM services s WHERE s.owner_team = t.id), []) AS services
FROM teams t
ORDER BY t.id;
