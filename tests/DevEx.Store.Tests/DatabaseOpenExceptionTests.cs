namespace DevEx.Store.Tests;

/// <summary>Opening a file DuckDB cannot use raises Store's own exception, one line naming the file (the held case: DevEx.Server.Tests, HeldDatabaseTests).</summary>
public sealed class DatabaseOpenExceptionTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("devex-open-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_in_one_line_naming_it()
    {
        var path = Path.Combine(directory, "notes.duckdb");
        File.WriteAllText(path, "these are my notes, not a database; DuckDB reads the header and refuses the file\n" + new string('x', 8192));

        var error = Assert.Throws<DatabaseOpenException>(() => new DuckDbDatabase(path));

        Assert.IsNotType<DatabaseInUseException>(error);
        Assert.Equal(path, error.Path);
        Assert.StartsWith($"Cannot open the database {path}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void The_in_use_message_names_the_holder()
    {
        var error = new DatabaseInUseException("/data/devex.duckdb", "/usr/bin/dotnet (PID 4711)");

        Assert.Equal("Cannot open the database /data/devex.duckdb: /usr/bin/dotnet (PID 4711) holds it", error.Message);
        Assert.Equal("/usr/bin/dotnet (PID 4711) holds it", error.Reason);
    }
}
