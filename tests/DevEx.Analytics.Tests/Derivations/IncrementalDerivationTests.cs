using System.Globalization;
using System.Text;
using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.TestSupport;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Analytics.Tests.Derivations;

/// <summary>
/// An incremental derivation of one changed repository writes exactly what a full derivation writes: the sample
/// organisation is derived in full, one repository gets a new commit, pull request and deployment (and an incident of
/// another service blames the new commit), only that repository is re-derived, and every derived table is compared
/// with a fresh full derivation of the same data.
/// </summary>
public sealed class IncrementalDerivationTests : IDisposable
{
    private const string Repo = "acme/search-service";
    private const string NewSha = "5ea4c4000000000000000000000000000000c0de";
    private static readonly string[] DerivedTables =
    [
        "d_deployments", "d_deployment_commits", "d_changes", "d_pull_requests", "d_incidents", "d_data_quality",
        "d_tickets", "ticket_status_intervals", "ticket_links", "d_person_weeks", "d_failure_signals",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 1, 0, 0));

    public IncrementalDerivationTests()
    {
        Directory.CreateDirectory(directory);
        database = MigratedTemplate.OpenCopy(Path.Combine(directory, "t.duckdb"));
        new DirectoryImporter(database, clock).Import(Path.Combine(RepositoryRoot.Path, "sample-data"));
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private DerivationRunner Runner() => new(database, new MetricOptions());

    private T One<T>(string sql)
    {
        using var connection = database.Open();
        return connection.QuerySingle<T>(sql);
    }

    private void Import(ImportKind kind, string line) =>
        new NdjsonImporter(database, clock).Import(kind, new StringReader(line), kind.ToString());

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

    [Fact]
    public void One_changed_repository_derived_alone_gives_the_rows_of_a_full_derivation()
    {
        Runner().Run();
        var service = One<string>($"SELECT min(service) FROM deployments WHERE repo = '{Repo}' AND lower(environment) = 'production'");
        var other = One<string>($"SELECT min(service) FROM deployments WHERE repo = 'acme/billing-service'");
        var (lastSha, lastAt) = One<(string, DateTime)>($"""
            SELECT sha, finished_at FROM deployments WHERE service = '{service}' AND lower(environment) = 'production' AND status = 'success'
            ORDER BY finished_at DESC LIMIT 1
            """);
        var ticket = One<string>("SELECT min(key) FROM tickets");
        var last = Instant.FromDateTimeUtc(DateTime.SpecifyKind(lastAt, DateTimeKind.Utc));
        string At(double hours) => (last + Duration.FromHours(hours)).ToString();

        // A commit on top of the last production deployment, merged as pull request 9001 (naming a ticket), deployed
        // two hours after it was written; an incident of another service blames the commit one hour after that.
        Import(ImportKind.Commits, $$"""{"repo":"{{Repo}}","sha":"{{NewSha}}","parents":["{{lastSha}}"],"author":"ann@acme.example","authoredAt":"{{At(1)}}","message":"Retry search"}""");
        Import(ImportKind.PullRequests, $$"""{"repo":"{{Repo}}","number":9001,"author":"ann","createdAt":"{{At(1.5)}}","mergedAt":"{{At(2)}}","mergeCommitSha":"{{NewSha}}","headBranch":"retry","baseBranch":"main","title":"{{ticket}} Retry search","commits":["{{NewSha}}"]}""");
        Import(ImportKind.Deployments, $$"""{"id":"inc-test-1","service":"{{service}}","repo":"{{Repo}}","environment":"production","sha":"{{NewSha}}","finishedAt":"{{At(3)}}","status":"success"}""");
        Import(ImportKind.Incidents, $$$"""{"id":"INC-TEST-1","service":"{{{other}}}","openedAt":"{{{At(4)}}}","title":"Search broke billing","causedBy":{"sha":"{{{NewSha}}}"}}""");

        var incremental = Runner().Run(DerivationRequest.For("test", [Repo], [service]));
        var afterIncremental = Snapshot();
        var full = Runner().Run();
        var afterFull = Snapshot();

        foreach (var table in DerivedTables)
        {
            Assert.True(afterFull[table].SequenceEqual(afterIncremental[table]),
                $"{table}: incremental and full differ, e.g. full-only {afterFull[table].Except(afterIncremental[table]).FirstOrDefault()} / incremental-only {afterIncremental[table].Except(afterFull[table]).FirstOrDefault()}");
        }
        // The incremental run derived only the repository's services (and the blaming one), not the org.
        Assert.True(incremental.ProductionDeployments < full.ProductionDeployments,
            $"incremental derived {incremental.ProductionDeployments} of {full.ProductionDeployments} production deployments");
        // The new deployment: one change (pull request 9001), lead time 3 h - 1 h = 2 h, failed by the other service's
        // incident through its explicit cause (explicit comes before the window rule).
        Assert.Equal((1, true, "explicit", "INC-TEST-1"),
            One<(int, bool, string, string)>("SELECT change_count, failed, failure_method, failure_evidence FROM d_deployments WHERE id = 'inc-test-1'"));
        Assert.Equal(2.0, One<double>($"SELECT lead_time_hours FROM d_changes WHERE ref = '{Repo}#9001'"), 9);
        Assert.Equal(1, One<int>($"SELECT count(*) FROM ticket_links WHERE ticket_key = '{ticket}' AND repo = '{Repo}' AND number = 9001"));
    }

    [Fact]
    public void A_stopped_derivation_writes_nothing()
    {
        Runner().Run();
        var before = Snapshot();
        Import(ImportKind.Deployments, $$"""{"id":"stop-test-1","service":"search","repo":"{{Repo}}","environment":"production","sha":"{{NewSha}}","finishedAt":"2026-11-30T10:00:00Z","status":"success"}""");
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Runner().Run(new DerivationRequest("stopping"), stop.Token));

        // The new deployment would be in d_deployments after any run that wrote: none did.
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, One<int>("SELECT count(*) FROM d_deployments WHERE id = 'stop-test-1'"));
    }
}
