-- Ticket status names: every (project, status) seen in a source category or a transition, for GET /api/v1/status-mapping.
-- What: the distinct statuses; DevEx maps each in TicketStatusMapper (override, source category, default rule).
-- Grain: one row per (project, status). Parameters: none.
-- Definition: docs/metrics.md#tickets
SELECT DISTINCT project, status FROM (
    SELECT project, status FROM ticket_statuses
    UNION ALL
    SELECT t.project, x.to_status FROM ticket_transitions x JOIN tickets t ON t.key = x.key
    UNION ALL
    SELECT t.project, x.from_status FROM ticket_transitions x JOIN tickets t ON t.key = x.key WHERE x.from_status IS NOT NULL
)
ORDER BY project, status;
