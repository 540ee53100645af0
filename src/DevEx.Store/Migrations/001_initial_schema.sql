-- 001: every table METRICS.md needs. Source tables hold what collectors and imports write; d_* tables are
-- rebuilt by DevEx.Analytics derivations and can always be dropped and recomputed.
--
-- Keys: every table has a natural key (written "-- key: ..." where it is not a PRIMARY KEY). TableWriter keeps keys
-- unique itself (the last row of a key in a batch wins; existing rows of the batch's keys are replaced), under the
-- database's single write lock and in one transaction. The high-volume tables carry no PRIMARY KEY index because
-- DuckDB's index maintenance made a re-import 8x slower (205k commits: 0.4 s without, 3.8 s with); the small catalog
-- tables keep theirs as a safety net.

CREATE TABLE repositories (
    repo            VARCHAR PRIMARY KEY,      -- owner/name
    default_branch  VARCHAR,
    url             VARCHAR,
    source          VARCHAR NOT NULL
);

CREATE TABLE commits ( -- key: repo, sha
    repo            VARCHAR NOT NULL,
    sha             VARCHAR NOT NULL,
    parents         VARCHAR[] NOT NULL,
    author          VARCHAR NOT NULL,         -- identity as written by the source (email or login)
    authored_at     TIMESTAMPTZ NOT NULL,
    committed_at    TIMESTAMPTZ,
    message         VARCHAR,
    source          VARCHAR NOT NULL
);

CREATE TABLE pull_requests ( -- key: repo, number
    repo              VARCHAR NOT NULL,
    number            INTEGER NOT NULL,
    author            VARCHAR NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    ready_at          TIMESTAMPTZ,
    merged_at         TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    merge_commit_sha  VARCHAR,
    head_branch       VARCHAR,
    base_branch       VARCHAR,
    title             VARCHAR,
    labels            VARCHAR[],
    additions         INTEGER,
    deletions         INTEGER,
    url               VARCHAR,
    source            VARCHAR NOT NULL
);

CREATE TABLE pull_request_commits ( -- key: repo, number, sha
    repo    VARCHAR NOT NULL,
    number  INTEGER NOT NULL,
    sha     VARCHAR NOT NULL
);

CREATE TABLE reviews ( -- key: repo, number, reviewer, submitted_at
    repo          VARCHAR NOT NULL,
    number        INTEGER NOT NULL,
    reviewer      VARCHAR NOT NULL,
    state         VARCHAR NOT NULL,           -- APPROVED | CHANGES_REQUESTED | COMMENTED
    submitted_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE review_requests ( -- key: repo, number, reviewer, requested_at
    repo          VARCHAR NOT NULL,
    number        INTEGER NOT NULL,
    reviewer      VARCHAR NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE pipeline_runs ( -- key: repo, id
    repo          VARCHAR NOT NULL,
    id            VARCHAR NOT NULL,
    workflow      VARCHAR NOT NULL,
    sha           VARCHAR NOT NULL,
    branch        VARCHAR,
    event         VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    conclusion    VARCHAR,                    -- success | failure | cancelled | skipped | NULL (running)
    attempt       INTEGER NOT NULL,
    source        VARCHAR NOT NULL
);

CREATE TABLE deployments ( -- key: id
    id           VARCHAR NOT NULL,
    service      VARCHAR NOT NULL,
    repo         VARCHAR,
    environment  VARCHAR NOT NULL,
    sha          VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ NOT NULL,
    status       VARCHAR NOT NULL,            -- success | failure | cancelled
    source       VARCHAR NOT NULL
);

CREATE TABLE incidents ( -- key: id
    id                    VARCHAR NOT NULL,
    service               VARCHAR NOT NULL,
    opened_at             TIMESTAMPTZ NOT NULL,
    resolved_at           TIMESTAMPTZ,
    title                 VARCHAR,
    severity              VARCHAR,
    caused_by_deployment  VARCHAR,
    caused_by_sha         VARCHAR,
    caused_by_pr          VARCHAR,            -- owner/name#123
    source                VARCHAR NOT NULL
);

CREATE TABLE tickets ( -- key: key
    key          VARCHAR NOT NULL,
    project      VARCHAR NOT NULL,
    type         VARCHAR NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    resolved_at  TIMESTAMPTZ,
    title        VARCHAR,
    assignee     VARCHAR,
    team         VARCHAR,
    labels       VARCHAR[],
    source       VARCHAR NOT NULL
);

CREATE TABLE ticket_transitions ( -- key: key, seq
    key          VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    "at"         TIMESTAMPTZ NOT NULL,
    from_status  VARCHAR,
    to_status    VARCHAR NOT NULL
);

CREATE TABLE ticket_status_intervals ( -- key: key, start_at, status
    key        VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,
    category   VARCHAR NOT NULL,              -- backlog | active | wait | done
    start_at   TIMESTAMPTZ NOT NULL,
    end_at     TIMESTAMPTZ
);

CREATE TABLE calendar_occurrences ( -- key: id
    id              VARCHAR NOT NULL,      -- hash of person + UID + recurrence id
    person_id       VARCHAR NOT NULL,
    start_at        TIMESTAMPTZ NOT NULL,
    end_at          TIMESTAMPTZ NOT NULL,
    attendee_count  INTEGER NOT NULL,
    response        VARCHAR,                  -- accepted | tentative | declined | needs-action | delegated | NULL
    is_recurring    BOOLEAN NOT NULL,
    is_organizer    BOOLEAN NOT NULL,
    is_all_day      BOOLEAN NOT NULL,
    is_transparent  BOOLEAN NOT NULL,
    is_cancelled    BOOLEAN NOT NULL
);

CREATE TABLE teams (
    id             VARCHAR PRIMARY KEY,       -- Backstage Group name
    display_name   VARCHAR,
    parent         VARCHAR,
    timezone       VARCHAR NOT NULL,
    working_hours  VARCHAR NOT NULL           -- e.g. Mon-Fri 09:00-17:00
);

CREATE TABLE people (
    id            VARCHAR PRIMARY KEY,        -- Backstage User name, or unmapped:<identity>
    display_name  VARCHAR,
    email         VARCHAR,
    timezone      VARCHAR,
    is_mapped     BOOLEAN NOT NULL
);

CREATE TABLE identities (
    identity   VARCHAR PRIMARY KEY,           -- lower-cased email or login
    person_id  VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL               -- email | login | alias
);

CREATE TABLE team_memberships (
    team_id    VARCHAR NOT NULL,
    person_id  VARCHAR NOT NULL,
    PRIMARY KEY (team_id, person_id)
);

CREATE TABLE services (
    id                        VARCHAR PRIMARY KEY,
    owner_team                VARCHAR,
    production_environments   VARCHAR,        -- regex; NULL = the configured default
    golden_path               BOOLEAN,
    from_catalog              BOOLEAN NOT NULL
);

CREATE TABLE service_repositories (
    service_id  VARCHAR NOT NULL,
    repo        VARCHAR NOT NULL,
    PRIMARY KEY (service_id, repo)
);

CREATE TABLE sync_state (
    source      VARCHAR NOT NULL,
    scope       VARCHAR NOT NULL,
    resource    VARCHAR NOT NULL,
    cursor      VARCHAR,
    etag        VARCHAR,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, scope, resource)
);

CREATE SEQUENCE raw_payload_ids;
CREATE TABLE raw_payloads (
    id           BIGINT PRIMARY KEY DEFAULT nextval('raw_payload_ids'),
    source       VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    key          VARCHAR,
    received_at  TIMESTAMPTZ NOT NULL,
    payload      VARCHAR NOT NULL
);

-- Keyed by file, line and a hash of the content, so importing the same bad file twice keeps one reject per line.
CREATE TABLE import_rejects (
    source_file   VARCHAR NOT NULL,
    line          INTEGER NOT NULL,
    content_hash  VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    content       VARCHAR NOT NULL,
    rejected_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_file, line, content_hash)
);

-- Derived tables (DevEx.Analytics rebuilds them after every import or sync).

CREATE TABLE d_deployments ( -- key: id
    id                      VARCHAR NOT NULL,
    service                 VARCHAR NOT NULL,
    repo                    VARCHAR,
    environment             VARCHAR NOT NULL,
    sha                     VARCHAR NOT NULL,
    finished_at             TIMESTAMPTZ NOT NULL,
    previous_id             VARCHAR,
    is_first                BOOLEAN NOT NULL,
    sha_known               BOOLEAN NOT NULL,
    is_rollback             BOOLEAN NOT NULL,
    change_set_size         INTEGER NOT NULL,
    change_count            INTEGER NOT NULL,
    failed                  BOOLEAN NOT NULL,
    failure_method          VARCHAR,          -- explicit | rollback | revert | window
    failure_evidence        VARCHAR,          -- the incident, deployment or PR that made it failed
    rework                  BOOLEAN NOT NULL,
    rework_reason           VARCHAR,          -- rollback | revert | hotfix
    recovered_at            TIMESTAMPTZ,
    recovery_deployment_id  VARCHAR,
    recovery_hours          DOUBLE,
    owner_team              VARCHAR
);

CREATE TABLE d_deployment_commits ( -- key: deployment_id, repo, sha
    deployment_id  VARCHAR NOT NULL,
    repo           VARCHAR NOT NULL,
    sha            VARCHAR NOT NULL
);

CREATE TABLE d_changes ( -- key: service, kind, ref
    service              VARCHAR NOT NULL,
    kind                 VARCHAR NOT NULL,    -- pr | commit
    repo                 VARCHAR NOT NULL,
    ref                  VARCHAR NOT NULL,    -- owner/name#123 or the commit sha
    started_at           TIMESTAMPTZ NOT NULL,
    start_source         VARCHAR NOT NULL,    -- first-commit | commit | pr-created
    deployment_id        VARCHAR NOT NULL,
    deployed_at          TIMESTAMPTZ NOT NULL,
    lead_time_hours      DOUBLE NOT NULL,
    lead_time_working_hours DOUBLE NOT NULL,
    is_revert            BOOLEAN NOT NULL,
    is_hotfix            BOOLEAN NOT NULL,
    owner_team           VARCHAR
);

CREATE TABLE d_pull_requests ( -- key: repo, number
    repo                     VARCHAR NOT NULL,
    number                   INTEGER NOT NULL,
    author_person            VARCHAR NOT NULL,
    is_bot                   BOOLEAN NOT NULL,
    owner_team               VARCHAR,
    first_commit_at          TIMESTAMPTZ,
    ready_at                 TIMESTAMPTZ NOT NULL,
    first_review_at          TIMESTAMPTZ,
    approved_at              TIMESTAMPTZ,
    merged_at                TIMESTAMPTZ NOT NULL,
    deployed_at              TIMESTAMPTZ,
    deployment_id            VARCHAR,
    coding_hours             DOUBLE,
    pickup_hours             DOUBLE,
    review_hours             DOUBLE,
    merge_wait_hours         DOUBLE,
    deploy_wait_hours        DOUBLE,
    coding_working_hours     DOUBLE,
    pickup_working_hours     DOUBLE,
    review_working_hours     DOUBLE,
    merge_wait_working_hours DOUBLE,
    deploy_wait_working_hours DOUBLE,
    review_rounds            INTEGER NOT NULL,
    size                     INTEGER,
    clamped_spans            INTEGER NOT NULL,
    ci_queue_hours           DOUBLE,
    ci_run_hours             DOUBLE,
    ci_runs                  INTEGER NOT NULL
);

CREATE TABLE d_data_quality ( -- key: kind, subject, detail
    kind     VARCHAR NOT NULL,                -- e.g. clamped-span, unknown-deployment-sha
    subject  VARCHAR NOT NULL,
    detail   VARCHAR NOT NULL
);
