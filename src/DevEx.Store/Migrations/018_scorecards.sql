-- 018: golden-path scorecards evaluated per Component per ISO week (issue 15; docs/adoption.md). Derived: rebuilt whole
-- by the scorecard step after every derivation, from the scorecard files, the catalog and the repository files.

CREATE TABLE d_scorecard_checks ( -- key: scorecard, check_id, component, week
    scorecard        VARCHAR NOT NULL,
    check_id         VARCHAR NOT NULL,
    component        VARCHAR NOT NULL,   -- the service id (the Component's metadata.name)
    week             DATE NOT NULL,      -- ISO Monday in the org zone; evaluated as of the week's end (the current week: as of the run)
    passed           BOOLEAN NOT NULL,
    evidence_repo    VARCHAR,
    evidence_file    VARCHAR,
    evidence_line    INTEGER,
    evidence_commit  VARCHAR,
    detail           VARCHAR NOT NULL    -- what passed it, or what was looked for and not found
);

CREATE TABLE d_scorecard_levels ( -- key: scorecard, component, week
    scorecard    VARCHAR NOT NULL,
    component    VARCHAR NOT NULL,
    owner_team   VARCHAR,                -- the service's owner team as the catalog says now (NULL: no team owns it)
    week         DATE NOT NULL,
    level        VARCHAR,                -- the highest level reached; NULL: not the first
    checks       INTEGER NOT NULL,
    passed       INTEGER NOT NULL
);
