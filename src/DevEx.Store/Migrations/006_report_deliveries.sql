-- 006: the delivery log of weekly reports, so a team-week reaches each target once however often its job runs.
-- target is "webhook:" and a hash of the URL (webhook URLs are secrets and are never stored).

CREATE TABLE report_deliveries (
    team              VARCHAR NOT NULL,
    week              VARCHAR NOT NULL,           -- ISO week, e.g. 2026-W47
    target            VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,           -- delivered | failed
    attempts          INTEGER NOT NULL,           -- every HTTP attempt, over all runs
    last_status_code  INTEGER,
    last_error        VARCHAR,
    first_attempt_at  TIMESTAMPTZ NOT NULL,
    last_attempt_at   TIMESTAMPTZ NOT NULL,
    delivered_at      TIMESTAMPTZ,
    PRIMARY KEY (team, week, target)
);
