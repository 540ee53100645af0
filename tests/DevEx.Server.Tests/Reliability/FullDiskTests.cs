using System.Net;
using System.Text;
using System.Text.Json;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// The database on a disk that fills up: an import over HTTP answers a problem that says the disk is full, the service
/// stays up, and what was committed before is intact after a restart.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly SmallDisk disk = SmallDisk.Mount(48);
    private readonly string spool = Path.Combine(Path.GetTempPath(), "devex-tests", "spool-" + Guid.NewGuid().ToString("N"));

    private const string Deployments = """
        {"id":"a-1","service":"api","environment":"production","sha":"s1","finishedAt":"2026-02-02T09:30:00Z","status":"success"}
        {"id":"a-2","service":"api","environment":"production","sha":"s2","finishedAt":"2026-02-03T09:30:00Z","status":"success"}
        {"id":"a-3","service":"api","environment":"production","sha":"s3","finishedAt":"2026-02-04T09:30:00Z","status":"failure"}
        """;

    private static byte[] CommitBody(int count)
    {
        var body = new StringBuilder(count * 150);
        for (var i = 0; i < count; i++)
        {
            body.Append("{\"repo\":\"acme/api\",\"sha\":\"c").Append(i).Append("\",\"parents\":[],\"author\":\"ann@example.com\",\"authoredAt\":\"2026-02-02T09:00:00Z\"}\n");
        }
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    [Fact]
    public async Task An_import_into_a_full_disk_answers_a_clear_problem_and_loses_nothing_committed()
    {
        var database = Path.Combine(disk.Path, "devex.duckdb");
        Directory.CreateDirectory(spool);
        var environment = new Dictionary<string, string> { ["TMPDIR"] = spool };
        using (var server = await ServerProcess.StartAsync(database, environment: environment))
        {
            var first = await server.Client.PostAsync("/api/v1/import/deployments", new StringContent(Deployments));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            disk.Fill(leftFree: 256 * 1024);

            var full = await server.Client.PostAsync("/api/v1/import/commits", new ByteArrayContent(CommitBody(100_000)));

            var text = await full.Content.ReadAsStringAsync();
            Assert.True(full.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)full.StatusCode}: {text}\n{server.Output}");
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Contains(disk.Path, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            // Still up, and still reading the database: a-1 and a-2 succeeded in production, a-3 failed.
            var dora = JsonDocument.Parse(await server.Client.GetStringAsync("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09")).RootElement;
            Assert.Equal(2, dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
            Assert.False(server.HasExited);
            server.Kill();
        }
        disk.Free();

        using (var restarted = await ServerProcess.StartAsync(database, environment: environment))
        {
            var again = await restarted.Client.PostAsync("/api/v1/import/commits", new ByteArrayContent(CommitBody(1_000)));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            restarted.Stop();
        }
        Assert.Equal(3, DatabaseFile.Scalar(database, "SELECT count(*) FROM deployments WHERE id IN ('a-1', 'a-2', 'a-3')"));
        Assert.Equal(1_000, DatabaseFile.Scalar(database, "SELECT count(*) FROM commits"));
    }

    [Fact]
    public async Task A_body_that_cannot_be_spooled_to_a_full_temporary_disk_answers_507_naming_it()
    {
        var database = Path.Combine(disk.Path, "devex.duckdb");
        var temporary = Directory.CreateDirectory(Path.Combine(disk.Path, "tmp")).FullName;
        Directory.CreateDirectory(spool);
        using var server = await ServerProcess.StartAsync(database, environment: new Dictionary<string, string> { ["TMPDIR"] = temporary });
        disk.Fill(leftFree: 256 * 1024);

        var full = await server.Client.PostAsync("/api/v1/import/commits", new ByteArrayContent(CommitBody(20_000)));

        var text = await full.Content.ReadAsStringAsync();
        Assert.True(full.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)full.StatusCode}: {text}\n{server.Output}");
        Assert.Contains($"The disk holding the temporary folder ({temporary}/) is full", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temporary, "devex-import-*"));
        disk.Free();
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsync("/api/v1/import/commits", new ByteArrayContent(CommitBody(20_000)))).StatusCode);
        server.Stop();
        Assert.Equal(20_000, DatabaseFile.Scalar(database, "SELECT count(*) FROM commits"));
    }

    public void Dispose()
    {
        disk.Dispose();
        Directory.Delete(spool, recursive: true);
    }
}
