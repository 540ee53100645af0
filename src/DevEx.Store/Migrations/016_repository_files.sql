-- 016: files collected from repositories (issue 15): catalog-info.yaml and the files its Location entities name,
-- .github/workflows/*.yml|yaml and the configured DevEx:RepositoryFiles:Paths, with every commit that changed one, so a
-- golden-path check can be evaluated as of any week. Written by import-git (first-parent history of the default
-- branch) and the GitHub sync (contents and commits APIs). Content is kept once per blob sha.

CREATE TABLE repository_files ( -- key: repo, path. The current version of each collected file on the default branch.
    repo          VARCHAR NOT NULL,
    path          VARCHAR NOT NULL,           -- relative to the repository root, '/'-separated
    blob_sha      VARCHAR NOT NULL,
    commit_sha    VARCHAR,                    -- the commit that brought this blob (its latest version); NULL when unknown
    committed_at  TIMESTAMPTZ,
    content       VARCHAR,                    -- UTF-8 text; NULL when omitted (see omitted)
    size          BIGINT NOT NULL,            -- bytes
    omitted       VARCHAR,                    -- why content is NULL: over the size cap, or not UTF-8 text
    fetched_at    TIMESTAMPTZ NOT NULL,
    source        VARCHAR NOT NULL
);

CREATE TABLE repository_file_versions ( -- key: repo, path, commit_sha. Every commit that added, changed or deleted a collected path.
    repo          VARCHAR NOT NULL,
    path          VARCHAR NOT NULL,
    commit_sha    VARCHAR NOT NULL,
    committed_at  TIMESTAMPTZ NOT NULL,
    blob_sha      VARCHAR                     -- the file's blob after the commit; NULL: the commit deleted it
);

CREATE TABLE repository_file_contents ( -- key: blob_sha. The text of every blob a version names, once.
    blob_sha  VARCHAR NOT NULL,
    size      BIGINT NOT NULL,
    content   VARCHAR,                        -- NULL when omitted
    omitted   VARCHAR
);
