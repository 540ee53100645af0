-- 002: what collecting from GitHub needs besides the core tables.

-- Conditional-request cache: the ETag / Last-Modified and body of every GET the collector made, so a restart still
-- sends If-None-Match and a 304 costs no rate limit. Keyed by the full request URL (query included).
CREATE TABLE http_cache (
    url            VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    link           VARCHAR,                   -- the Link header, so pagination works from a 304
    body           VARCHAR NOT NULL,
    stored_at      TIMESTAMPTZ NOT NULL
);

-- Webhook deliveries seen (X-GitHub-Delivery), so a redelivered webhook is processed once.
CREATE TABLE webhook_deliveries (
    delivery_id  VARCHAR PRIMARY KEY,
    event        VARCHAR NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    outcome      VARCHAR NOT NULL             -- processed | ignored | failed: <reason>
);

-- One row per sync run of a source, for GET /api/v1/sync.
CREATE TABLE sync_runs (
    id             VARCHAR PRIMARY KEY,
    source         VARCHAR NOT NULL,          -- github | git | ...
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    status         VARCHAR NOT NULL,          -- running | succeeded | failed | cancelled
    rows_written   BIGINT NOT NULL,
    requests       BIGINT NOT NULL,
    not_modified   BIGINT NOT NULL,
    error          VARCHAR
);
