-- 003: what ticket collection and ticket metrics need besides the core tables.

-- The category each source gives a status (Jira's statusCategory: To Do / In Progress / Done), per project.
-- DevEx's own mapping (overrides, then the source's category, then the default name rules) is derived from it.
CREATE TABLE ticket_statuses (
    source    VARCHAR NOT NULL,               -- jira | github | import
    project   VARCHAR NOT NULL,
    status    VARCHAR NOT NULL,
    category  VARCHAR NOT NULL,               -- the source's own word (new | indeterminate | done, or backlog | active | wait | done)
    PRIMARY KEY (source, project, status)
);

-- Tickets linked to pull requests, and by what (branch, title or commit message naming the ticket key).
CREATE TABLE ticket_links ( -- key: ticket_key, repo, number
    ticket_key  VARCHAR NOT NULL,
    repo        VARCHAR NOT NULL,
    number      INTEGER NOT NULL,
    method      VARCHAR NOT NULL              -- branch | title | commit
);
