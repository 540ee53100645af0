namespace DevEx.Store.Rows;

public sealed record TeamRow(string Id, string? DisplayName, string? Parent, string TimeZone, string WorkingHours);

public sealed record PersonRow(string Id, string? DisplayName, string? Email, string? TimeZone, bool IsMapped);

public sealed record IdentityRow(string Identity, string PersonId, string Kind);

public sealed record TeamMembershipRow(string TeamId, string PersonId);

public sealed record ServiceRow(string Id, string? OwnerTeam, string? ProductionEnvironments, bool? GoldenPath, bool FromCatalog);

public sealed record ServiceRepositoryRow(string ServiceId, string Repo);

/// <summary>One Backstage entity under its lower-cased reference (catalog_entities); JSON columns hold text.</summary>
public sealed record CatalogEntityRow(string EntityRef, string Kind, string Namespace, string Name, string? Title, string? Description,
    string? Lifecycle, string? OwnerRef, string? SystemRef, string? DomainRef, string? ParentRef, string? Type,
    string Annotations, string Labels, string Tags, string Spec, string Source, int SourceLine, NodaTime.Instant FirstSeen, NodaTime.Instant LastSeen);

/// <summary>A relation an entity's spec states (catalog_relations), named as Backstage names it.</summary>
public sealed record CatalogRelationRow(string SourceRef, string Type, string TargetRef);

/// <summary>A second copy of an entity reference, not kept (catalog_duplicates).</summary>
public sealed record CatalogDuplicateRow(string EntityRef, string KeptSource, int KeptLine, string DuplicateSource, int DuplicateLine, NodaTime.Instant SeenAt);
