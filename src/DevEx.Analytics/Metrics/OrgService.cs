using DevEx.Store.Queries;
using DevEx.Store.Reading;

namespace DevEx.Analytics.Metrics;

public sealed record TeamSummary(string Id, string? DisplayName, string? Parent, string TimeZone, string WorkingHours, long Members, IReadOnlyList<string> Services);

public sealed record ServiceSummary(string Id, string? OwnerTeam, bool FromCatalog, string? ProductionEnvironments, bool? GoldenPath, IReadOnlyList<string> Repos);

public sealed record UnmappedIdentity(string Identity, long Occurrences, IReadOnlyList<string> SeenIn);

public sealed record DataQualityItem(string Category, string Kind, long Count, string? Example);

/// <summary>A service no catalog team owns: <paramref name="NamedOwner"/> is the owner its Component names, if any (no Group has that id).</summary>
public sealed record UnownedService(string Service, string? NamedOwner, bool FromCatalog, long Deployments, long Incidents, IReadOnlyList<string> Repos);

/// <summary>
/// What DevEx could not map: identities no User claims (people; bots by <c>DevEx:Metrics:BotPattern</c> apart), services no
/// team owns, clamped spans, import rejects and every derivation finding.
/// </summary>
public sealed record DataQualityReport(IReadOnlyList<UnmappedIdentity> UnmappedIdentities, IReadOnlyList<UnmappedIdentity> Bots,
    IReadOnlyList<UnownedService> UnownedServices, long ClampedSpans, long ImportRejects, IReadOnlyList<DataQualityItem> Items);

/// <summary>Teams, services and data quality (queries/org_*.sql, queries/data_quality_*.sql).</summary>
public sealed class OrgService(QueryRunner queries, MetricOptions options)
{
    private readonly PerWriteSnapshot<IReadOnlyList<TeamSummary>> teams = queries.PerWrite<TeamSummary>("org_teams");
    private readonly PerWriteSnapshot<IReadOnlyList<ServiceSummary>> services = queries.PerWrite<ServiceSummary>("org_services");

    public IReadOnlyList<TeamSummary> Teams() => teams.Current;

    public IReadOnlyList<ServiceSummary> Services() => services.Current;

    public TeamSummary? Team(string id) => Teams().FirstOrDefault(t => t.Id == id);

    public ServiceSummary? Service(string id) => Services().FirstOrDefault(s => s.Id == id);

    public DataQualityReport DataQuality()
    {
        var items = queries.Run<DataQualityItem>("data_quality_summary", new { });
        var identities = queries.Run<IdentityRow>("data_quality_unmapped_identities", new { bot_pattern = options.BotPattern });
        UnmappedIdentity[] Of(bool bots) => [.. identities.Where(i => i.IsBot == bots).Select(i => new UnmappedIdentity(i.Identity, i.Occurrences, i.SeenIn))];
        return new DataQualityReport(Of(bots: false), Of(bots: true),
            queries.Run<UnownedService>("data_quality_unowned_services", new { }),
            items.Where(i => i is { Category: "derivation", Kind: "clamped-span" }).Sum(i => i.Count),
            items.Where(i => i.Category == "import-rejects").Sum(i => i.Count),
            items);
    }

    private sealed record IdentityRow(string Identity, long Occurrences, IReadOnlyList<string> SeenIn, bool IsBot);
}

/// <summary>The teams a team filter covers: itself and every team below it (docs/metrics.md, "Roll-ups").</summary>
public static class TeamScopes
{
    /// <summary>The ids of <paramref name="team"/> and every team below it; every team's for null. A cycle ends the walk where it would repeat.</summary>
    public static IReadOnlySet<string> AtOrBelow(this IReadOnlyList<TeamSummary> teams, string? team)
    {
        if (team is null)
        {
            return teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        }
        var children = teams.Where(t => t.Parent is not null).ToLookup(t => t.Parent!, t => t.Id, StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal) { team };
        var queue = new Queue<string>([team]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(covered.Add))
            {
                queue.Enqueue(child);
            }
        }
        return covered;
    }
}
