-- 004: per-ticket facts derived from the transition history (TicketDeriver), and each interval's length.

CREATE TABLE d_tickets ( -- key: key
    key                    VARCHAR NOT NULL,
    project                VARCHAR NOT NULL,
    team                   VARCHAR,          -- the ticket's team, else the owner team of its linked pull requests
    type                   VARCHAR NOT NULL,
    title                  VARCHAR,
    created_at             TIMESTAMPTZ NOT NULL,
    first_active_at        TIMESTAMPTZ,      -- first entry to an active status
    done_at                TIMESTAMPTZ,      -- first entry to done after first_active_at (or the first done if never active)
    cycle_hours            DOUBLE,           -- first_active_at -> done_at; null when never active or not done
    cycle_working_hours    DOUBLE,
    active_hours           DOUBLE,           -- inside the cycle span
    active_working_hours   DOUBLE,
    wait_hours             DOUBLE,
    wait_working_hours     DOUBLE,
    blocked_hours          DOUBLE,           -- statuses matching DevEx:Tickets:BlockedPattern, inside the cycle span
    blocked_working_hours  DOUBLE,
    reopened               BOOLEAN NOT NULL, -- left done for another category at some point
    current_status         VARCHAR NOT NULL,
    current_category       VARCHAR NOT NULL,
    linked_pull_requests   INTEGER NOT NULL,
    lead_time_hours        DOUBLE,           -- first_active_at -> production deployment of the last merged linked PR
    lead_time_working_hours DOUBLE
);

ALTER TABLE ticket_status_intervals ADD COLUMN hours DOUBLE;          -- null while current
ALTER TABLE ticket_status_intervals ADD COLUMN working_hours DOUBLE;  -- in the ticket's team calendar
ALTER TABLE ticket_status_intervals ADD COLUMN blocked BOOLEAN;
