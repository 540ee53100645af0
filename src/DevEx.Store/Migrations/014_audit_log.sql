-- 014: the audit log (issue 14, item 4): who did what, when. Admin actions (every state-changing request an admin
-- policy guards), exports (panel CSVs, weekly report downloads) and API-key use (first use per key per minute, as
-- last_used_at is kept). Rows older than DevEx:Audit:RetentionDays are deleted.

CREATE SEQUENCE audit_ids START 1;

CREATE TABLE audit_log (
    id       BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor    VARCHAR NOT NULL,   -- the principal's name: local, api-key:NAME, or the signed-in person's email
    kind     VARCHAR NOT NULL,   -- admin | export | api-key
    action   VARCHAR NOT NULL,   -- e.g. "POST /api/v1/import/deployments"
    status   INTEGER             -- the response's status code; NULL where there is no response (API-key use)
);
