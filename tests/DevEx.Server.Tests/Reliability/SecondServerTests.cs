namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// Two real service processes on one database file: the second exits 2 with one line naming the file and the process
/// that holds it, and the first goes on serving. (HeldDatabaseTests has the same refusal in-process, against a lock.)
/// </summary>
public sealed class SecondServerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "second-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_second_service_on_the_same_file_refuses_to_start_in_one_line()
    {
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "devex.duckdb");
        using var first = await ServerProcess.StartAsync(database);

        var (exitCode, output) = await ServerProcess.RunToExitAsync(database);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.TrimEnd().Split('\n'), l => l.StartsWith("Cannot open the database", StringComparison.Ordinal));
        // DuckDB names the holder by its program (dotnet, wherever it is installed) and process id.
        Assert.StartsWith($"Cannot open the database {database}: ", line);
        Assert.EndsWith($"dotnet (PID {first.ProcessId}) holds it, most likely the DevEx service. "
            + "Stop the service, or start this one on another file: --db PATH.", line.TrimEnd());
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await first.Client.GetAsync("/healthz")).StatusCode);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
