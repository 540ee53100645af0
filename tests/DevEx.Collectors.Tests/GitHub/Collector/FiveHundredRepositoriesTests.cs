using System.Diagnostics;
using System.Globalization;
using DevEx.Collectors.Tests.GitHub.Fake;
using DevEx.Collectors.Tests.GitHub.Http;
using Xunit.Abstractions;

namespace DevEx.Collectors.Tests.GitHub.Collector;

/// <summary>
/// The issue's benchmark scenario, as a test of request counts (deterministic; the wall times it prints are recorded
/// in docs/benchmarks.md, not asserted): an organisation of 500 repositories, each with 2 commits, 1 merged pull
/// request, 1 run and 1 deployment. Requests, by hand:
/// first sync = 5 pages of repositories + 500 × (commits, pulls, PR commits, PR reviews, PR events, runs, deployments,
/// deployment statuses, incidents, root folder) = 5 + 500 × 10 = 5,005; an unchanged re-sync = 5 + 500 × 6 lists = 3,005,
/// every one conditional and answered 304, with no per-item request and no row written.
/// </summary>
// About two minutes on 2 cores: run by CI (.ci/run) and by `dotnet test --filter Category=Long`, not by a plain `dotnet test`.
[Trait("Category", "Long")]
public sealed class FiveHundredRepositoriesTests(ITestOutputHelper output)
{
    private const int Repositories = 500;

    [Fact]
    public async Task Unchanged_resync_of_500_repositories_costs_one_conditional_request_per_list()
    {
        await using var harness = await GitHubHttpHarness.StartAsync(attemptTimeout: TimeSpan.FromSeconds(60));
        Register(harness.Server);
        harness.Options.Organizations.Add("big");
        var collector = CollectorScenario.Create(harness);

        var clock = Stopwatch.StartNew();
        var first = await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        var firstTime = clock.Elapsed;
        Assert.Equal(5_005, first.Requests);
        Assert.Equal(0, first.NotModified);

        harness.Server.ClearRequests();
        clock.Restart();
        var second = await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        var secondTime = clock.Elapsed;

        Assert.Equal((3_005L, 3_005L, 0L), (second.Requests, second.NotModified, second.RowsWritten));
        Assert.All(harness.Server.Requests, r => Assert.Equal(304, r.Status));
        Assert.DoesNotContain(harness.Server.Requests, r => r.Path.Contains("/pulls/1/", StringComparison.Ordinal) || r.Path.Contains("/statuses", StringComparison.Ordinal));
        output.WriteLine($"first sync: {first.Requests} requests, {first.RowsWritten} rows, {firstTime.TotalSeconds:0.0} s; "
            + $"unchanged re-sync: {second.Requests} requests ({second.NotModified} answered 304), {secondTime.TotalSeconds:0.0} s");
    }

    private static void Register(FakeGitHubServer server)
    {
        var pages = Enumerable.Range(0, Repositories / 100).Select(page => "[" + string.Join(",", Enumerable.Range(page * 100, 100).Select(i =>
            Repository(i)))
            + "]").ToList();
        server.GetPages("/orgs/big/repos?type=all&per_page=100", pages, etagPrefix: "big-repos");
        server.Fallback = request => Generate(request.Path);
    }

    private static string Repository(int i) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"id\":{i + 1},\"name\":\"r{i:000}\",\"full_name\":\"big/r{i:000}\",\"default_branch\":\"main\",\"archived\":false,\"fork\":false,\"owner\":{{\"login\":\"big\"}}}}");

    /// <summary>Each repository's lists, the same for every repository but its name; ETags by path.</summary>
    private static FakeResponse? Generate(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || parts[0] != "repos" || parts[1] != "big")
        {
            return null;
        }
        var resource = string.Join('/', parts.Skip(3));
        var body = OneRepositoryOnGitHub.Body(resource);
        return body is null ? null : new FakeResponse(200, body, null, $"\"{string.Join('-', parts.Skip(2)).GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture)}\"");
    }
}
