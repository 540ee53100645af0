-- 015: the Backstage catalog as Backstage holds it (issue 15): every entity of the seven built-in kinds (Group, User,
-- Component, System, API, Domain, Resource) under its reference, and the relations Backstage names. teams, people and
-- services are still written from the same entities, so every metric keeps working; these tables are what the Group
-- hierarchy, ownership, System → Domain, repository ↔ Component and metadata completeness read.

-- key: entity_ref. One row per entity reference "kind:namespace/name", lower-cased as Backstage compares references.
-- The first source to bring a reference keeps it (as Backstage does); a second source's copy is a catalog_duplicates row.
CREATE TABLE catalog_entities (
    entity_ref   VARCHAR NOT NULL,   -- e.g. component:default/payments-api (lower case)
    kind         VARCHAR NOT NULL,   -- as written: Component, API, ...
    namespace    VARCHAR NOT NULL,   -- "default" when metadata.namespace is absent
    name         VARCHAR NOT NULL,   -- metadata.name as written
    title        VARCHAR,            -- metadata.title
    description  VARCHAR,            -- metadata.description
    lifecycle    VARCHAR,            -- spec.lifecycle (Component, API)
    owner_ref    VARCHAR,            -- spec.owner as a full reference (default kind group), lower case
    system_ref   VARCHAR,            -- spec.system (default kind system), lower case
    domain_ref   VARCHAR,            -- spec.domain of a System (default kind domain), lower case
    parent_ref   VARCHAR,            -- spec.parent of a Group (default kind group), lower case
    type         VARCHAR,            -- spec.type
    annotations  VARCHAR NOT NULL,   -- metadata.annotations as a JSON object ({} when none)
    labels       VARCHAR NOT NULL,   -- metadata.labels as a JSON object
    tags         VARCHAR NOT NULL,   -- metadata.tags as a JSON array
    spec         VARCHAR NOT NULL,   -- the whole spec as JSON
    source       VARCHAR NOT NULL,   -- the file (as imported) or the Backstage base URL the entity came from
    source_line  INTEGER NOT NULL,   -- the line its document starts on; for the catalog API, its position in the run
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL
);

-- key: source_ref, type, target_ref. The relations an entity's spec states, named as Backstage names them, in the
-- direction the spec writes them: ownedBy (spec.owner), partOf (spec.system, a System's spec.domain, spec.subcomponentOf,
-- a Domain's spec.subdomainOf), childOf (a Group's spec.parent), parentOf (spec.children), memberOf (a User's
-- spec.memberOf), hasMember (a Group's spec.members), providesApi, consumesApi, dependsOn, dependencyOf. Both ends lower case.
-- An entity's relations are replaced whenever the entity is written.
CREATE TABLE catalog_relations (
    source_ref  VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    target_ref  VARCHAR NOT NULL
);

-- key: entity_ref, duplicate_source, duplicate_line. A reference brought a second time (by another source, or twice by one
-- file): the copy that was not kept. The data-quality page lists them.
CREATE TABLE catalog_duplicates (
    entity_ref        VARCHAR NOT NULL,
    kept_source       VARCHAR NOT NULL,
    kept_line         INTEGER NOT NULL,
    duplicate_source  VARCHAR NOT NULL,
    duplicate_line    INTEGER NOT NULL,
    seen_at           TIMESTAMPTZ NOT NULL
);
