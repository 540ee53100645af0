-- 009: an incident can say no change caused it (a provider outage, DNS): such an incident fails no deployment by the
-- window rule, still counts in incident time to restore, and the explain listing says why it was left out.
-- caused_by_change is what the source said (import field causedByChange, a GitHub label, a Jira label or field):
-- NULL = unknown (the window rule applies), false = not caused by a change, true = caused by one (never read as not
-- caused, even when the title matches DevEx:Metrics:NotCausedByChangePattern); caused_by_change_reason says where it
-- came from ('import field', 'label infrastructure', 'field Root cause = Infrastructure').
-- d_incidents holds the derivation's reading of every incident: not_caused_reason is set when it fails nothing
-- (the source said so, or its title matches the pattern: 'title pattern ...'); NULL when the failure rules apply.
-- devex:rederive (derived tables of an existing database are rebuilt when this migration is applied)

ALTER TABLE incidents ADD COLUMN caused_by_change BOOLEAN;
ALTER TABLE incidents ADD COLUMN caused_by_change_reason VARCHAR;

CREATE TABLE d_incidents ( -- key: id
    id                 VARCHAR NOT NULL,
    service            VARCHAR NOT NULL,
    not_caused_reason  VARCHAR            -- why it fails no deployment; NULL = the failure rules apply
);
