using DevEx.Collectors.Git;
using DevEx.Server.Cli;
using DevEx.Store;
using LibGit2Sharp;

namespace DevEx.Server.Tests.Cli;

/// <summary>
/// While the service runs it holds the DuckDB file, and a command cannot open it. Every command that writes to the
/// database then says so in one line (the file, who holds it, what to do instead) and exits 2, without a stack trace;
/// the report command's case is in ReportCommandTests. A second service on the same file says so too, and exits 2.
/// </summary>
public sealed class HeldDatabaseTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "held-" + Guid.NewGuid().ToString("N"));
    private readonly string databasePath;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public HeldDatabaseTests()
    {
        Directory.CreateDirectory(directory);
        databasePath = Path.Combine(directory, "devex.duckdb");
        DuckDbDatabase.OpenAndMigrate(databasePath).Dispose();
    }

    private string OnlyErrorLine()
    {
        Assert.Equal("", output.ToString());
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"Cannot open the database {databasePath}: ", line);
        Assert.Contains("holds it, most likely the DevEx service. Stop the service", line);
        return line;
    }

    [Fact]
    public void Import_names_the_import_api_as_what_to_do_instead()
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "org")).FullName;
        File.WriteAllText(Path.Combine(folder, "deployments.ndjson"), "");
        using var held = new ForeignFileLock(databasePath);
        Assert.Equal(2, ImportCommand.Run(folder, databasePath, output, error));
        Assert.EndsWith("or import through it: POST /api/v1/import/{kind} with each file as the body (docs/import-format.md).", OnlyErrorLine());
    }

    [Fact]
    public async Task Sync_names_the_sync_api_of_its_source()
    {
        using var held = new ForeignFileLock(databasePath);
        Assert.Equal(2, await SyncCommand.Run("github", databasePath, output, error, CancellationToken.None));
        Assert.EndsWith("or start the sync in it: POST /api/v1/sync/github.", OnlyErrorLine());
    }

    [Fact]
    public void Import_git_has_nothing_to_offer_but_running_again_once_the_service_is_stopped()
    {
        var repository = Path.Combine(directory, "shop");
        Repository.Init(repository);
        using var held = new ForeignFileLock(databasePath);
        Assert.Equal(2, ImportGitCommand.Run(new GitCollectorOptions(repository, "acme/shop", null), databasePath, output, error));
        Assert.EndsWith("Stop the service and run the command again.", OnlyErrorLine());
    }

    [Fact]
    public void The_service_refuses_a_held_file_in_one_line_before_it_starts()
    {
        using var held = new ForeignFileLock(databasePath);
        using var services = CommandServices.Build(["--db", databasePath]);

        Assert.True(DatabaseOpenFailure.Refuse(services, error));

        Assert.EndsWith("Stop the service, or start this one on another file: --db PATH.", OnlyErrorLine());
    }

    [Fact]
    public async Task A_second_service_on_the_same_file_exits_2_instead_of_failing_to_host()
    {
        // What `dotnet run --project src/DevEx.Server -- --db FILE` runs: the program's entry point. Before the check it
        // threw from the host's start ("Hosting failed to start", DuckDB's lock error and its trace).
        using var held = new ForeignFileLock(databasePath);
        var main = typeof(Program).Assembly.EntryPoint!;

        var printed = new StringWriter();
        var console = Console.Error;
        Console.SetError(printed);
        try
        {
            // Were the check broken the host would start and serve: give up on it instead of hanging the run.
            var run = Task.Run(() => main.Invoke(null, [new[] { "--db", databasePath, "--urls", "http://127.0.0.1:0" }]));
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(2, exitCode);
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Contains($"Cannot open the database {databasePath}", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("Stop the service, or start this one on another file: --db PATH.", printed.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
