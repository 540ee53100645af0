-- 011: whether anything imported could mark a production deployment failed, kept per service, repository and owner
-- team by the derivation (Analytics/Derivations/FailureSignalDeriver) instead of searched for in every DORA request:
-- the search reads all deployments and pull requests (about 7 ms of a 20 ms request on the benchmark org) and its
-- answer does not depend on the window. queries/dora_failure_signal.sql reads this table.
-- devex:rederive (derived tables of an existing database are rebuilt when this migration is applied)

CREATE TABLE d_failure_signals ( -- key: service, repo, owner_team (one row per distinct triple of d_deployments)
    service               VARCHAR NOT NULL,
    repo                  VARCHAR,
    owner_team            VARCHAR,
    has_incidents         BOOLEAN NOT NULL, -- an incident on the service that a change may have caused
    has_failed_status     BOOLEAN NOT NULL, -- a deployment of the service with status failure
    has_pull_requests     BOOLEAN NOT NULL, -- a merged pull request in the repository (the revert rule)
    has_failed_deployment BOOLEAN NOT NULL  -- a failed production deployment of the triple already
);
