using DevEx.Store.Queries;

namespace DevEx.Analytics.Metrics;

public sealed record TeamSummary(string Id, string? DisplayName, string? Parent, string TimeZone, string WorkingHours, long Members, IReadOnlyList<string> Services);

public sealed record ServiceSummary(string Id, string? OwnerTeam, bool FromCatalog, string? ProductionEnvironments, bool? GoldenPath, IReadOnlyList<string> Repos);

public sealed record UnmappedIdentity(string Identity, long Occurrences, IReadOnlyList<string> SeenIn);

public sealed record DataQualityItem(string Category, string Kind, long Count, string? Example);

public sealed record DataQualityReport(IReadOnlyList<UnmappedIdentity> UnmappedIdentities, long ClampedSpans, long ImportRejects, IReadOnlyList<DataQualityItem> Items);

/// <summary>Teams, services and data quality (queries/org_*.sql, queries/data_quality_*.sql).</summary>
public sealed class OrgService(QueryRunner queries)
{
    public IReadOnlyList<TeamSummary> Teams() => queries.Run<TeamSummary>("org_teams", new { });

    public IReadOnlyList<ServiceSummary> Services() => queries.Run<ServiceSummary>("org_services", new { });

    public TeamSummary? Team(string id) => Teams().FirstOrDefault(t => t.Id == id);

    public ServiceSummary? Service(string id) => Services().FirstOrDefault(s => s.Id == id);

    public DataQualityReport DataQuality()
    {
        var items = queries.Run<DataQualityItem>("data_quality_summary", new { });
        return new DataQualityReport(
            queries.Run<UnmappedIdentity>("data_quality_unmapped_identities", new { }),
            items.Where(i => i is { Category: "derivation", Kind: "clamped-span" }).Sum(i => i.Count),
            items.Where(i => i.Category == "import-rejects").Sum(i => i.Count),
            items);
    }
}
