using System.Globalization;
using System.Net;
using System.Text.Json;
using DevEx.Collectors.Tests.GitHub;
using DevEx.Collectors.Tests.GitHub.Fake;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// kill -9 of the service in the middle of a GitHub sync against the fake GitHub server, then a restart on the same file
/// and a second sync: the repositories finished before the kill are not read again (each list is one conditional
/// request answered 304, no per-item request), and the sync ends with the rows of an uninterrupted one, once each.
/// The organisation "big" has 30 repositories r000..r029, each with commits c1 and c2, pull request #1 (branch commit
/// b1), one CI run, one production deployment and a root folder with no collected file; every GitHub answer takes 30 ms, so the sync takes seconds.
/// </summary>
// 15-45 s each (three service starts on 2 cores): run by CI (.ci/run) and by `dotnet test --filter Category=Long`.
[Trait("Category", "Long")]
public sealed class KillDuringSyncTests : IAsyncLifetime, IDisposable
{
    private const int Repositories = 30;
    private const int KilledAt = 15; // the kill comes when r015's first request arrives: r000..r014 are done

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "kill-sync-" + Guid.NewGuid().ToString("N"));
    private FakeGitHubServer github = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        github = await FakeGitHubServer.StartAsync();
        var page = "[" + string.Join(",", Enumerable.Range(0, Repositories).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{i + 1},\"name\":\"r{i:000}\",\"full_name\":\"big/r{i:000}\",\"default_branch\":\"main\",\"archived\":false,\"fork\":false,\"owner\":{{\"login\":\"big\"}}}}"))) + "]";
        github.GetPages("/orgs/big/repos?type=all&per_page=100", [page], etagPrefix: "big-repos");
        github.Fallback = request => Generate(request.Path);
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string[] Settings() =>
        ["--DevEx:GitHub:BaseUrl", github.BaseUrl, "--DevEx:GitHub:Token", "test-token", "--DevEx:GitHub:Organizations:0", "big"];

    [Fact]
    public async Task A_sync_killed_half_way_resumes_from_its_cursors_and_duplicates_nothing()
    {
        var database = Path.Combine(directory, "devex.duckdb");
        using (var first = await ServerProcess.StartAsync(database, Settings()))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await first.Client.PostAsync("/api/v1/sync/github", null)).StatusCode);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!github.Requests.Any(r => r.Path.StartsWith($"/repos/big/r{KilledAt:000}/", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            first.Kill();
            Assert.DoesNotContain(github.Requests, r => r.Path.StartsWith($"/repos/big/r{Repositories - 1:000}/", StringComparison.Ordinal));
        }
        github.ClearRequests();

        using (var second = await ServerProcess.StartAsync(database, Settings()))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await second.Client.PostAsync("/api/v1/sync/github", null)).StatusCode);
            var run = await LastRunAsync(second.Client);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", $"{run}\n{second.Output}");
            second.Stop();
        }

        var done = Enumerable.Range(0, KilledAt).Select(i => $"/repos/big/r{i:000}/").ToList();
        var again = github.Requests.Where(r => done.Any(d => r.Path.StartsWith(d, StringComparison.Ordinal))).ToList();
        // Six lists per finished repository (commits, pulls, runs, deployments, incidents, root folder), each a 304, nothing else.
        Assert.Equal(6 * KilledAt, again.Count);
        Assert.All(again, r => Assert.Equal(304, r.Status));
        foreach (var table in (string[])["repositories", "pull_requests", "pipeline_runs", "deployments"])
        {
            Assert.Equal(Repositories, DatabaseFile.Scalar(database, $"SELECT count(*) FROM {table}"));
        }
        // c1, c2 and the branch commit b1 of each repository.
        Assert.Equal(3 * Repositories, DatabaseFile.Scalar(database, "SELECT count(*) FROM commits"));
        Assert.Equal(3 * Repositories, DatabaseFile.Scalar(database, "SELECT count(DISTINCT (repo, sha)) FROM commits"));
    }

    private static async Task<JsonElement> LastRunAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var github = JsonDocument.Parse(await client.GetStringAsync("/api/v1/sync")).RootElement.EnumerateArray()
                .Single(s => s.GetProperty("source").GetString() == "github");
            var run = github.GetProperty("lastRun");
            if ((run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() is "succeeded" or "failed") || DateTime.UtcNow > deadline)
            {
                return run;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Each repository's lists (as FiveHundredRepositoriesTests' organisation), ETags by path.</summary>
    private static FakeResponse? Generate(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || parts[0] != "repos" || parts[1] != "big")
        {
            return null;
        }
        var body = OneRepositoryOnGitHub.Body(string.Join('/', parts.Skip(3)));
        return body is null ? null
            : new FakeResponse(200, body, null, $"\"{string.Join('-', parts.Skip(1))}\"", Delay: TimeSpan.FromMilliseconds(30));
    }
}
