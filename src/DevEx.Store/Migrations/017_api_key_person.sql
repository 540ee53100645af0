-- 017: an API key may belong to a person (a catalog User's name, people.id): the key then carries that person's
-- identity, for the person-level views of /api/v1/me (docs/security.md, "People"). NULL: a key for automation.

ALTER TABLE api_keys ADD COLUMN person VARCHAR;
