using Dapper;
using DevEx.Server.Cli;
using DevEx.Store;

namespace DevEx.Server.Tests.Cli;

/// <summary><c>devex apikey create --person NAME</c>: a key for a catalog User (here ana), and a name no User has refused.</summary>
public sealed class ApiKeyPersonCommandTests : IDisposable
{
    private static readonly string[] Viewer = ["viewer"];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_key_for_a_catalog_user_says_whose_it_is_and_an_unknown_user_is_refused()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "devex.duckdb");
        using (var database = DuckDbDatabase.OpenAndMigrate(path))
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO people VALUES ('ana', 'Ana S', 'ana@acme.example', NULL, true)");
        }
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, ApiKeyCommand.Create(path, "ana-laptop", Viewer, [], 30, output, error, person: "ana"));
        Assert.Contains("roles viewer, person ana, expires", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(2, ApiKeyCommand.Create(path, "someone", Viewer, [], 30, output, error, person: "dora"));
        Assert.Equal("--person: 'dora' is no catalog User: give a User's name (metadata.name) from the imported catalog", error.ToString().Trim());
    }
}
