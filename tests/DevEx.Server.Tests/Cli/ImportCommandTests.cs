using DevEx.SampleOrg;
using DevEx.Server.Cli;
using DevEx.Store;
using DevEx.Store.Queries;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests.Cli;

/// <summary>
/// <c>devex import</c> as a person sees it: what it says about a calendar of a past period, misspelt or missing files, a
/// file given as the folder, and its exit codes. The clock stands at Wed 2026-02-11 12:00 UTC, so the default calendar
/// window starts 26 weeks back, at 2025-08-13 12:00.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    // One meeting of ann and bob, Mon 2025-01-06 10:00-11:00 UTC: 401 days and 2 h before the clock, i.e. 57.3 weeks,
    // so 58 weeks back is the first window that holds it.
    private const string PastMeeting = """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        UID:planning@test
        DTSTART:20250106T100000Z
        DTEND:20250106T110000Z
        ORGANIZER:mailto:bob@example.com
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:ann@example.com
        END:VEVENT
        END:VCALENDAR
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "import-" + Guid.NewGuid().ToString("N"));
    private readonly string folder;
    private readonly string databasePath;
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public ImportCommandTests()
    {
        folder = Directory.CreateDirectory(Path.Combine(directory, "org")).FullName;
        databasePath = Path.Combine(directory, "devex.duckdb");
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private int Run(int? weeksBack = null, params string[] settings) =>
        ImportCommand.Run(folder, databasePath, output, error, weeksBack, settings, clock);

    private long Occurrences()
    {
        using var db = new DuckDbDatabase(databasePath);
        return new QueryRunner(db).RunSql<long>("SELECT count(*) FROM calendar_occurrences", new { }).Single();
    }

    [Fact]
    public void A_calendar_wholly_before_the_window_is_named_with_the_weeks_that_would_reach_it()
    {
        Write("calendars/ann@example.com.ics", PastMeeting);

        Assert.Equal(0, Run());

        Assert.Contains(Lines(output), l => l.StartsWith("calendars/ann@example.com.ics", StringComparison.Ordinal) && l.EndsWith(" 0          0", StringComparison.Ordinal));
        Assert.Contains("calendars: 1 event in 1 file lies wholly before the window (26 weeks back), the earliest starting 2025-01-06: "
            + "to import it, run again with --calendar-weeks-back 58 or set DevEx:Calendar:WeeksBack to 58.", Lines(output));
        Assert.Equal(0L, Occurrences());
    }

    [Fact]
    public void The_weeks_back_option_imports_a_calendar_of_a_past_period()
    {
        Write("calendars/ann@example.com.ics", PastMeeting);

        Assert.Equal(0, Run(weeksBack: 58));

        Assert.Equal(1L, Occurrences());
        Assert.DoesNotContain(Lines(output), l => l.StartsWith("calendars:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_honours_the_calendar_settings()
    {
        Write("calendars/ann@example.com.ics", PastMeeting);

        // 57 weeks back (2025-01-08 12:00) still misses Monday 2025-01-06; 58 reaches it.
        Assert.Equal(0, Run(null, "--DevEx:Calendar:WeeksBack", "57"));
        Assert.Equal(0L, Occurrences());
        Assert.Equal(0, Run(null, "--DevEx:Calendar:WeeksBack", "58"));
        Assert.Equal(1L, Occurrences());
    }

    [Fact]
    public void Misspelt_files_are_named_with_the_name_they_miss_and_exit_1()
    {
        Write("deployments.ndjson", "");
        Write("incident.ndjson", "");
        Write("Repositories.json", "");
        Write("notes.txt", "");

        Assert.Equal(1, Run());

        Assert.Equal([
            "not read: Repositories.json: not a file name of the import format: did you mean repositories.ndjson?",
            "not read: incident.ndjson: not a file name of the import format: did you mean incidents.ndjson?",
            "not read: notes.txt: not a file name of the import format (docs/import-format.md)",
        ], Lines(error).Where(l => l.Length > 0));
    }

    [Fact]
    public void A_stray_file_that_resembles_no_import_file_is_named_but_does_not_fail_the_import()
    {
        Write("deployments.ndjson", "");
        Write("notes.txt", "");

        Assert.Equal(0, Run());

        Assert.Equal(["not read: notes.txt: not a file name of the import format (docs/import-format.md)"], Lines(error).Where(l => l.Length > 0));
    }

    [Fact]
    public void A_folder_with_nothing_to_import_exits_2_naming_what_it_holds_and_leaves_no_database()
    {
        Write("calendar/ann@example.com.ics", PastMeeting);

        Assert.Equal(2, Run());

        var lines = Lines(error).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"Nothing to import in '{folder}': it holds none of repositories.ndjson, ", lines[0]);
        Assert.Equal("not read: calendar/: a folder the import does not read: did you mean calendars/?", lines[1]);
        Assert.False(File.Exists(databasePath));
    }

    [Fact]
    public void A_file_given_as_the_folder_is_called_a_file()
    {
        Write("deployments.ndjson", "");
        var file = Path.Combine(folder, "deployments.ndjson");

        Assert.Equal(2, ImportCommand.Run(file, databasePath, output, error));

        Assert.Equal($"'{file}' is a file; import reads a folder in the import format: give the folder that holds it ({folder}), "
            + "or post the one file: POST /api/v1/import/{kind} (docs/import-format.md).", Lines(error)[0]);
    }

    [Fact]
    public void Sample_prints_a_table_of_what_it_wrote()
    {
        var summary = new SampleOrganisationSummary(2, 20, 4, 1000, 300, 900, 120, 6, 250, 1000, 20, 480, 12);

        SampleCommand.Print(summary, "/tmp/org", output);

        Assert.Equal([
            "wrote /tmp/org",
            "  teams                  2",
            "  people                20",
            "  repositories           4",
            "  commits             1000",
            "  pull requests        300",
            "  pipeline runs        900",
            "  deployments          120",
            "  incidents              6",
            "  tickets              250  (1000 status changes)",
            "  calendars             20  (480 events)",
            "  file versions         12  (catalog-info.yaml and CI workflows)",
            "import it: devex import /tmp/org",
        ], Lines(output).Where(l => l.Length > 0));
    }

    [Fact]
    public void The_counts_line_up_under_their_headings_however_long_a_file_name_is()
    {
        // "calendars/annabel.longname-van-der-berg@example.com.ics" is 55 characters, past the 32 a fixed column held.
        Write("calendars/annabel.longname-van-der-berg@example.com.ics", PastMeeting);
        Write("repositories.ndjson", """{"repo":"acme/api","defaultBranch":"main"}""" + "\n");

        Run(weeksBack: 58);

        var table = Lines(output).SkipWhile(l => !l.StartsWith("file ", StringComparison.Ordinal)).Take(3).ToList();
        Assert.Equal(3, table.Count);
        // Each line is the name padded to 55, a space, and two counts right-aligned in 10: 55 + 1 + 10 + 1 + 10 = 77.
        Assert.All(table, l => Assert.Equal(77, l.Length));
        Assert.EndsWith("  imported   rejected", table[0], StringComparison.Ordinal);
    }

    private static List<string> Lines(StringWriter writer) => writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
