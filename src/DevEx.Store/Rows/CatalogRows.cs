namespace DevEx.Store.Rows;

public sealed record TeamRow(string Id, string? DisplayName, string? Parent, string TimeZone, string WorkingHours);

public sealed record PersonRow(string Id, string? DisplayName, string? Email, string? TimeZone, bool IsMapped);

public sealed record IdentityRow(string Identity, string PersonId, string Kind);

public sealed record TeamMembershipRow(string TeamId, string PersonId);

public sealed record ServiceRow(string Id, string? OwnerTeam, string? ProductionEnvironments, bool? GoldenPath, bool FromCatalog);

public sealed record ServiceRepositoryRow(string ServiceId, string Repo);
