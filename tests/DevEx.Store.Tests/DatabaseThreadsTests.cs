using Dapper;

namespace DevEx.Store.Tests;

/// <summary>DuckDB's threads per statement are the configured number (1 unless told), on every connection of the file.</summary>
public sealed class DatabaseThreadsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public DatabaseThreadsTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(null, 1L)]
    [InlineData(3, 3L)]
    public void Every_connection_runs_with_the_configured_threads(int? configured, long expected)
    {
        var path = Path.Combine(folder, "t.duckdb");
        using var database = configured is { } threads ? DuckDbDatabase.OpenAndMigrate(path, threads) : DuckDbDatabase.OpenAndMigrate(path);
        using var connection = database.Open();
        Assert.Equal(expected, connection.ExecuteScalar<long>("SELECT current_setting('threads')::BIGINT"));
    }

    [Fact]
    public void Zero_threads_is_refused_before_the_file_is_opened()
    {
        var path = Path.Combine(folder, "t.duckdb");
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuckDbDatabase(path, 0));
        Assert.False(File.Exists(path));
    }
}
