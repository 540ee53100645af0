using System.Globalization;
using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.TestSupport;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Analytics.Tests.Derivations;

/// <summary>
/// A full derivation by connected sets (one part at a time, one transaction) writes exactly the rows of a full
/// derivation of the org in one piece: the sample organisation derived both ways, every derived table compared.
/// </summary>
public sealed class FullDerivationByPartsTests : IDisposable
{
    private static readonly string[] DerivedTables =
    [
        "d_deployments", "d_deployment_commits", "d_changes", "d_pull_requests", "d_incidents", "d_data_quality",
        "d_tickets", "ticket_status_intervals", "ticket_links", "d_person_weeks", "d_failure_signals",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;

    public FullDerivationByPartsTests()
    {
        Directory.CreateDirectory(directory);
        database = MigratedTemplate.OpenCopy(Path.Combine(directory, "t.duckdb"));
        new DirectoryImporter(database, new FakeClock(Instant.FromUtc(2026, 12, 1, 0, 0))).Import(Path.Combine(RepositoryRoot.Path, "sample-data"));
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Deriving_part_by_part_gives_the_rows_of_one_piece()
    {
        var whole = new DerivationRunner(database, new MetricOptions()) { FullRunParts = 1 }.Run();
        var inOnePiece = Snapshot();
        var parts = DerivationScope.Partition(database, 50);
        var byParts = new DerivationRunner(database, new MetricOptions()) { FullRunParts = 50 }.Run();

        // The sample org does split (else the comparison would prove nothing), and no repository is in two parts.
        Assert.True(parts.Count > 1, $"{parts.Count} part(s)");
        var repos = parts.SelectMany(p => p.Repos).ToList();
        Assert.Equal(repos.Count, repos.Distinct(StringComparer.Ordinal).Count());
        foreach (var table in DerivedTables)
        {
            var after = Snapshot()[table];
            Assert.True(inOnePiece[table].SequenceEqual(after),
                $"{table}: one piece-only {inOnePiece[table].Except(after).FirstOrDefault()} / by parts-only {after.Except(inOnePiece[table]).FirstOrDefault()}");
        }
        Assert.Equal((whole.ProductionDeployments, whole.Changes, whole.FailedDeployments, whole.PullRequests, whole.DataQualityEntries),
            (byParts.ProductionDeployments, byParts.Changes, byParts.FailedDeployments, byParts.PullRequests, byParts.DataQualityEntries));
    }

    /// <summary>Every row of every derived table, as text (doubles to 9 significant digits: sums may add in another order).</summary>
    private Dictionary<string, List<string>> Snapshot()
    {
        using var connection = database.Open();
        return DerivedTables.ToDictionary(t => t, t => connection.Query($"SELECT * FROM {t}")
            .Select(row => string.Join(" | ", ((IDictionary<string, object?>)row).Select(c => Text(c.Value))))
            .Order(StringComparer.Ordinal).ToList());
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G9", CultureInfo.InvariantCulture),
        float f => f.ToString("G9", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => "[" + string.Join(",", list.Cast<object?>().Select(Text)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
