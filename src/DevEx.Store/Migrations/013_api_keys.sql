-- 013: API keys for automation. Only a SHA-256 hash of each key is kept (the key itself is shown once, when it is
-- created); id is the key's public part, so a presented key is found by id and compared by hash.

CREATE TABLE api_keys (
    id            VARCHAR NOT NULL PRIMARY KEY,
    name          VARCHAR NOT NULL,
    secret_hash   VARCHAR NOT NULL,   -- SHA-256 of the key, hex
    roles         VARCHAR NOT NULL,   -- newline-separated
    teams         VARCHAR NOT NULL,   -- newline-separated; empty: no team
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);
