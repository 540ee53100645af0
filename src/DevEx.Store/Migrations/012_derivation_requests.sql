-- 012: derivations owed to an accepted webhook delivery, written in the delivery's transaction, so a derivation the
-- 202 promised survives a stop, a crash or a failed run: the queue re-requests what is here at start and deletes a
-- row once a run that covered it has committed.

CREATE TABLE derivation_requests (
    id            VARCHAR NOT NULL PRIMARY KEY,
    reason        VARCHAR NOT NULL,
    repos         VARCHAR,            -- newline-separated; NULL: a full derivation
    services      VARCHAR,            -- newline-separated; NULL with repos NULL
    requested_at  TIMESTAMPTZ NOT NULL
);
