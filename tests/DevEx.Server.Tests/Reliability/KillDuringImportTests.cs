using System.Net;
using System.Text;
using System.Text.Json;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// kill -9 of the service while it imports a body posted to /api/v1/import/commits, then a restart on the same file:
/// the rows of an import answered before are all there, the killed import kept whole batches only (the importer
/// commits about every 50,000 records, in the body's order: what is kept is the body's first lines, c0 to c(n-1)), and
/// posting the same body again leaves each commit once.
/// </summary>
// 15-45 s each (three service starts on 2 cores): run by CI (.ci/run) and by `dotnet test --filter Category=Long`.
[Trait("Category", "Long")]
public sealed class KillDuringImportTests : IDisposable
{
    private const int Commits = 200_000;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "kill-import-" + Guid.NewGuid().ToString("N"));
    private readonly string database;

    public KillDuringImportTests()
    {
        Directory.CreateDirectory(directory);
        database = Path.Combine(directory, "devex.duckdb");
    }

    private const string Deployments = """
        {"id":"a-1","service":"api","environment":"production","sha":"s1","finishedAt":"2026-02-02T09:30:00Z","status":"success"}
        {"id":"a-2","service":"api","environment":"production","sha":"s2","finishedAt":"2026-02-03T09:30:00Z","status":"success"}
        {"id":"a-3","service":"api","environment":"production","sha":"s3","finishedAt":"2026-02-04T09:30:00Z","status":"failure"}
        """;

    private static byte[] CommitBody()
    {
        var body = new StringBuilder(Commits * 150);
        for (var i = 0; i < Commits; i++)
        {
            body.Append("{\"repo\":\"acme/api\",\"sha\":\"c").Append(i).Append("\",\"parents\":[],\"author\":\"ann@example.com\",\"authoredAt\":\"2026-02-02T09:00:00Z\"}\n");
        }
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    private static async Task<int> ImportedAsync(HttpClient client, string kind, HttpContent body)
    {
        var response = await client.PostAsync($"/api/v1/import/{kind}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("imported").GetInt32();
    }

    [Fact]
    public async Task A_killed_import_keeps_its_committed_batches_and_everything_before_it()
    {
        var commits = CommitBody();
        using (var first = await ServerProcess.StartAsync(database, environment: Temporary()))
        {
            Assert.Equal(3, await ImportedAsync(first.Client, "deployments", new StringContent(Deployments)));
            var walBefore = DatabaseFile.WalBytes(database);
            var import = first.Client.PostAsync("/api/v1/import/commits", new ByteArrayContent(commits));
            // Killed once a batch has committed (the log holds commit rows), with the other batches still to come.
            await DatabaseFile.WaitForCommitAsync(database, walBefore, "ann@example.com", import);
            first.Kill();
            var answered = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(10))) == import && import.IsCompletedSuccessfully;
            Assert.False(answered, $"The import answered before the kill: the kill was not during it.\n{first.Output}");
        }
        // The spool file lost its name as soon as it was open: the killed import left none behind.
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "tmp"), "devex-import-*"));

        using (var second = await ServerProcess.StartAsync(database, environment: Temporary()))
        {
            second.Stop();
        }
        Assert.Equal(3, DatabaseFile.Scalar(database, "SELECT count(*) FROM deployments WHERE id IN ('a-1', 'a-2', 'a-3')"));
        var kept = DatabaseFile.Scalar(database, "SELECT count(*) FROM commits");
        Assert.True(kept > 0 && kept < Commits, $"{kept} commits kept: none committed before the kill, or all");
        Assert.Equal(kept, DatabaseFile.Scalar(database, $"SELECT count(*) FROM commits WHERE CAST(substr(sha, 2) AS INTEGER) < {kept}"));
        Assert.Equal(kept, DatabaseFile.Scalar(database, "SELECT count(DISTINCT (repo, sha)) FROM commits"));

        using (var third = await ServerProcess.StartAsync(database, environment: Temporary()))
        {
            Assert.Equal(Commits, await ImportedAsync(third.Client, "commits", new ByteArrayContent(commits)));
            third.Stop();
        }
        Assert.Equal(Commits, DatabaseFile.Scalar(database, "SELECT count(*) FROM commits"));
        Assert.Equal(Commits, DatabaseFile.Scalar(database, "SELECT count(DISTINCT (repo, sha)) FROM commits"));
        Assert.Equal(3, DatabaseFile.Scalar(database, "SELECT count(*) FROM deployments"));
    }

    /// <summary>The service's temporary folder inside the test's: where a killed import's spool file would be left.</summary>
    private Dictionary<string, string> Temporary() =>
        new() { ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName };

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
