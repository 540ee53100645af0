using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DevEx.Server.Tests.Api;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// kill -9 of the service after an import over HTTP has committed its rows and while the derivation it asked for runs,
/// then a restart on the same file: the derivation is owed and runs at start, so the figures include the import. The
/// scenario is the worked example of docs/metrics.md (its week 2026-02-02: 4 production deployments of api, lead time
/// median 23 h, 1 failed) next to a long history of another service, acme/big (100,000 commits in a chain, 500 deployments
/// in June 2025), which makes the derivation take long enough to be killed in.
/// </summary>
// 15-45 s each (three service starts on 2 cores): run by CI (.ci/run) and by `dotnet test --filter Category=Long`.
[Trait("Category", "Long")]
public sealed class KillDuringDerivationTests : IDisposable
{
    private const int BigCommits = 100_000;
    private const int BigDeployments = 500;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "kill-derive-" + Guid.NewGuid().ToString("N"));
    private readonly string database;

    public KillDuringDerivationTests()
    {
        Directory.CreateDirectory(directory);
        database = Path.Combine(directory, "devex.duckdb");
    }

    private static string BigHistory()
    {
        var body = new StringBuilder(BigCommits * 140);
        for (var i = 0; i < BigCommits; i++)
        {
            var parents = i == 0 ? "" : $"\"b{i - 1}\"";
            body.Append(CultureInfo.InvariantCulture, $"{{\"repo\":\"acme/big\",\"sha\":\"b{i}\",\"parents\":[{parents}],\"author\":\"dev@example.com\",\"authoredAt\":\"2025-06-01T00:00:00Z\"}}\n");
        }
        return body.ToString();
    }

    private static string BigDeploymentLines()
    {
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        return string.Join('\n', Enumerable.Range(1, BigDeployments).Select(i =>
            $"{{\"id\":\"big-{i}\",\"service\":\"big\",\"repo\":\"acme/big\",\"environment\":\"production\",\"sha\":\"b{i * (BigCommits / BigDeployments) - 1}\","
            + $"\"finishedAt\":\"{start.AddHours(i):yyyy-MM-ddTHH:mm:ssZ}\",\"status\":\"success\"}}"));
    }

    private static async Task PostAsync(HttpClient client, string kind, string body)
    {
        var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> ApiDoraAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09&service=api")).RootElement;

    [Fact]
    public async Task A_derivation_killed_mid_run_is_run_again_at_start()
    {
        using (var first = await ServerProcess.StartAsync(database, environment: Temporary()))
        {
            await PostAsync(first.Client, "catalog", WorkedExampleImport.Catalog);
            await PostAsync(first.Client, "commits", BigHistory());
            await PostAsync(first.Client, "deployments", BigDeploymentLines());
            await PostAsync(first.Client, "commits", WorkedExampleImport.Commits);
            await PostAsync(first.Client, "pull-requests", WorkedExampleImport.PullRequests);
            await PostAsync(first.Client, "incidents", WorkedExampleImport.Incidents);
            var walBefore = DatabaseFile.WalBytes(database);
            var import = first.Client.PostAsync("/api/v1/import/deployments", new StringContent(WorkedExampleImport.Deployments));
            // Killed once the deployments have committed; the import then waits for its derivation, which writes nothing
            // before it has computed everything (about 2 s here).
            await DatabaseFile.WaitForCommitAsync(database, walBefore, "production", import);
            first.Kill();
            var answered = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(10))) == import && import.IsCompletedSuccessfully;
            Assert.False(answered, $"The import answered (its derivation done) before the kill.\n{first.Output}");
        }

        using var second = await ServerProcess.StartAsync(database, environment: Temporary());
        var deadline = Stopwatch.StartNew();
        var dora = await ApiDoraAsync(second.Client);
        while (dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32() != 4 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            dora = await ApiDoraAsync(second.Client);
        }
        Assert.True(dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32() == 4,
            $"The killed derivation was not run again: {dora}\n{second.Output}");
        Assert.Equal(23.0, dora.GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble());
        Assert.Equal(0.25, dora.GetProperty("changeFailRate").GetProperty("rate").GetDouble());
        // The figures are in before the run's last step (the scorecards) and before its owed request is cleared: stop only
        // once the run has logged its end, or the stop leaves it owed (correctly) and the count below is 1.
        while (!second.Output.Contains("Derived ", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }
        second.Stop();
        Assert.Equal(4 + BigDeployments, DatabaseFile.Scalar(database, "SELECT count(*) FROM deployments"));
        Assert.Equal(4 + BigDeployments, DatabaseFile.Scalar(database, "SELECT count(*) FROM d_deployments"));
        Assert.Equal(0, DatabaseFile.Scalar(database, "SELECT count(*) FROM derivation_requests"));
    }

    /// <summary>The service's temporary folder inside the test's: the killed import's spool file is left there.</summary>
    private Dictionary<string, string> Temporary() =>
        new() { ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName };

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
