using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Import;
using DevEx.Server.Cli;
using DevEx.Store;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests.Reports;

/// <summary><c>devex report weekly</c> over the hand-computed week of <see cref="ReportScenarioImport"/>.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "report-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string databasePath;

    public ReportCommandTests()
    {
        var folder = Path.Combine(directory, "org");
        Directory.CreateDirectory(Path.Combine(folder, "catalog"));
        foreach (var (_, file, body) in ReportScenarioImport.Files("UTC"))
        {
            File.WriteAllText(Path.Combine(folder, file), body);
        }
        databasePath = Path.Combine(directory, "devex.duckdb");
        using var database = DuckDbDatabase.OpenAndMigrate(databasePath);
        new DirectoryImporter(database, new FakeClock(Instant.FromUtc(2026, 2, 11, 12, 0))).Import(folder);
        new DerivationRunner(database, new MetricOptions()).Run();
    }

    private (int Exit, string Output, string Error) Run(string? team, string? week, string? format, string? output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ReportCommand.Run(new ReportArguments(team, week, format, output, databasePath), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void One_team_week_is_written_to_the_given_file()
    {
        var path = Path.Combine(directory, "out", "core.csv");
        var (exit, output, _) = Run("core", "2026-W06", "csv", path);
        Assert.Equal((0, path), (exit, output.Trim()));
        Assert.Contains("core,2026-W06,deployments,4,count,2,2", File.ReadAllLines(path));
        Assert.Contains("core,2026-W06,changeLeadTimeMedianHours,27,hours,24,3", File.ReadAllLines(path));
    }

    [Fact]
    public void Without_a_team_every_team_is_written_into_the_folder()
    {
        var folder = Path.Combine(directory, "all");
        var (exit, _, _) = Run(null, "2026-W06", "md", folder);
        Assert.Equal(0, exit);
        Assert.Contains("| Deployments | 4 | ", File.ReadAllText(Path.Combine(folder, "core-2026-W06.md")));
    }

    [Fact]
    public void One_team_week_asked_into_an_existing_folder_is_named_team_and_week_in_it()
    {
        var folder = Path.Combine(directory, "existing");
        Directory.CreateDirectory(folder);
        var (exit, output, _) = Run("core", "2026-W06", "csv", folder);
        var path = Path.Combine(folder, "core-2026-W06.csv");
        Assert.Equal((0, path), (exit, output.Trim()));
        Assert.Contains("core,2026-W06,deployments,4,count,2,2", File.ReadAllLines(path)); // D2..D5 against D0, D1
    }

    [Fact]
    public void One_team_week_asked_into_a_new_folder_ending_in_a_separator_creates_it()
    {
        var folder = Path.Combine(directory, "new") + Path.DirectorySeparatorChar;
        var (exit, output, _) = Run("core", "2026-W06", "md", folder);
        Assert.Equal((0, Path.Combine(folder, "core-2026-W06.md")), (exit, output.Trim()));
        Assert.True(File.Exists(Path.Combine(directory, "new", "core-2026-W06.md")));
    }

    [Fact]
    public void Every_team_into_a_path_that_is_a_file_is_one_line_and_exit_code_2()
    {
        var file = Path.Combine(directory, "a-file");
        File.WriteAllText(file, "");
        var (exit, output, error) = Run(null, "2026-W06", "md", file);
        Assert.Equal((2, ""), (exit, output));
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--out", error);
    }

    [Fact]
    public void A_database_the_service_holds_is_one_line_naming_it_and_what_to_do_with_exit_code_2()
    {
        using var held = new ForeignFileLock(databasePath);
        var (exit, output, error) = Run("core", "2026-W06", "html", Path.Combine(directory, "x"));
        Assert.Equal((2, ""), (exit, output));
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(databasePath, line);
        Assert.Contains("Stop the service", line);
        Assert.Contains("GET /api/v1/reports/weekly?team=core&week=2026-W06&format=html", line);
    }

    [Fact]
    public void A_file_that_is_no_database_is_one_line_naming_it_with_exit_code_2()
    {
        var notADatabase = Path.Combine(directory, "notes.duckdb");
        File.WriteAllText(notADatabase, "not a database");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ReportCommand.Run(new ReportArguments("core", "2026-W06", "html", Path.Combine(directory, "x"), notADatabase), stdout, stderr);
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"Cannot open the database {notADatabase}: ", line);
    }

    [Theory]
    [InlineData("core", "2026-W60", "html", "--week")]
    [InlineData("core", "0001-W01", "html", "--week")]
    [InlineData("core", "9998-W53", "html", "after today")] // the command's clock is the machine's: any day before 9998-12-28
    [InlineData(null, "9998-W53", "html", "after today")]
    [InlineData("core", "2026-W06", "pdf", "--format")]
    [InlineData("nobody", "2026-W06", "html", "nobody")]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2(string? team, string week, string format, string named)
    {
        var (exit, output, error) = Run(team, week, format, Path.Combine(directory, "x"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(named, error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
