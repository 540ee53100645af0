using Dapper;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Http;
using DevEx.Collectors.Import;
using DevEx.Collectors.Sync;
using DevEx.Collectors.Tests.GitHub;
using DevEx.Collectors.Tests.GitHub.Fake;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.State;
using DevEx.Store.Writing;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>
/// Importing a person's calendar (file or feed) into calendar_occurrences. The clock stands at Wed 2026-02-11 12:00 UTC,
/// so the window is 26 weeks back (2025-08-13 12:00) to 4 weeks ahead (2026-03-11 12:00).
/// </summary>
public sealed class CalendarImportTests : IDisposable
{
    private const string Marker = "SECRET-ROADMAP-7";

    // A weekly 30-minute 1:1 (ann and bob) on Mondays 10:00 UTC from 2026-02-02, 3 times (COUNT=3): 02-02, 02-09, 02-16.
    private static readonly string Weekly = $"""
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//test//EN
        BEGIN:VEVENT
        UID:one-on-one@test
        DTSTART:20260202T100000Z
        DTEND:20260202T103000Z
        RRULE:FREQ=WEEKLY;COUNT=3
        SUMMARY:{Marker} review
        DESCRIPTION:{Marker}
        LOCATION:{Marker} room
        ORGANIZER;CN={Marker} Bob:mailto:bob@example.com
        ATTENDEE;CN={Marker} Ann;PARTSTAT=ACCEPTED:mailto:ann@example.com
        ATTENDEE;CN=Bob;PARTSTAT=ACCEPTED:mailto:bob@example.com
        END:VEVENT
        END:VCALENDAR
        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly CalendarOptions options = new();

    public CalendarImportTests()
    {
        Directory.CreateDirectory(directory);
        database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "t.duckdb"));
        using var connection = database.Open();
        TableWriter.Upsert(connection, Tables.People, [new PersonRow("ann", null, "ann@example.com", null, true)]);
        TableWriter.Upsert(connection, Tables.Identities, [new IdentityRow("ann@example.com", "ann", "email"), new IdentityRow("ann", "ann", "login")]);
    }

    [Fact]
    public void A_file_is_stored_for_its_person_without_any_text_of_the_events()
    {
        var summary = new CalendarImporter(database, clock, options).Import("Ann@Example.com", Weekly, "calendars/ann@example.com.ics");

        Assert.Equal((3, 0), (summary.Imported, summary.Rejected));
        using var connection = database.Open();
        var rows = connection.Query<(string Person, int Attendees, string Response, bool Recurring, bool Organizer)>(
            "SELECT person_id, attendee_count, response, is_recurring, is_organizer FROM calendar_occurrences ORDER BY start_at").ToList();
        Assert.Equal(Enumerable.Repeat(("ann", 2, "accepted", true, false), 3), rows);
        var everything = string.Join("|", connection.Query<string>("SELECT CAST(c AS VARCHAR) FROM calendar_occurrences c"));
        Assert.DoesNotContain(Marker, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_version_of_the_calendar_replaces_the_window()
    {
        var importer = new CalendarImporter(database, clock, options);
        importer.Import("ann@example.com", Weekly, "a.ics");
        importer.Import("ann@example.com", Weekly.Replace("COUNT=3", "COUNT=2", StringComparison.Ordinal), "a.ics");
        Assert.Equal(2, database.Open().ExecuteScalar<long>("SELECT count(*) FROM calendar_occurrences"));
    }

    [Fact]
    public void Of_two_calendars_of_one_person_stored_together_the_last_replaces_the_first()
    {
        // ann's login and email file in one folder batch: stored one after another, the second (COUNT=2) would
        // replace the first (COUNT=3) in the window; stored as one batch it must too.
        var importer = new CalendarImporter(database, clock, options);
        var people = importer.LoadPeople();
        var summaries = importer.Store([
            importer.Expand(people, "ann@example.com", Weekly, "calendars/ann@example.com.ics"),
            importer.Expand(people, "ann", Weekly.Replace("COUNT=3", "COUNT=2", StringComparison.Ordinal)
                .Replace("one-on-one@test", "other@test", StringComparison.Ordinal), "calendars/ann.ics"),
        ]);
        Assert.Equal([3, 2], summaries.Select(s => s.Imported));
        using var connection = database.Open();
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM calendar_occurrences WHERE person_id = 'ann'"));
    }

    [Fact]
    public void Importing_the_same_broken_file_again_keeps_one_reject_and_a_fixed_file_clears_it()
    {
        // Weekly's 16 lines end with END:VCALENDAR; the broken event takes its place, so its BEGIN:VEVENT is line 16,
        // its UID line 17 and its DTSTART line 18.
        var broken = Weekly.Replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:broken@test\r\nDTSTART:2026-02-03\r\nEND:VEVENT\r\nEND:VCALENDAR", StringComparison.Ordinal);
        var importer = new CalendarImporter(database, clock, options);

        var first = importer.Import("ann@example.com", broken, "calendars/ann@example.com.ics");
        importer.Import("ann@example.com", broken, "calendars/ann@example.com.ics");

        Assert.Equal((3, 1), (first.Imported, first.Rejected));
        Assert.Equal(new ImportReject("calendars/ann@example.com.ics", 18, "broken@test: DTSTART \"2026-02-03\" is not a valid date"), Assert.Single(first.Rejects));
        using var connection = database.Open();
        Assert.Equal([(18, "broken@test: DTSTART \"2026-02-03\" is not a valid date")],
            connection.Query<(int, string)>("SELECT line, reason FROM import_rejects WHERE source_file = 'calendars/ann@example.com.ics'"));

        importer.Import("ann@example.com", Weekly, "calendars/ann@example.com.ics");

        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM import_rejects"));
    }

    [Fact]
    public void An_email_no_one_claims_is_kept_as_its_own_identity()
    {
        new CalendarImporter(database, clock, options).Import("guest@elsewhere.example", Weekly, "g.ics");
        Assert.Equal(["unmapped:guest@elsewhere.example"], database.Open().Query<string>("SELECT DISTINCT person_id FROM calendar_occurrences"));
    }

    [Fact]
    public async Task A_feed_is_fetched_conditionally_and_an_unchanged_feed_costs_a_304()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.Get("/feeds/ann.ics", body: Weekly, etag: "\"v1\"");
        options.Feeds["ann@example.com"] = server.BaseUrl + "/feeds/ann.ics";
        var clients = new CountingHttpClientFactory();
        var collector = new CalendarFeedCollector(options, clients, new CalendarImporter(database, clock, options), new SyncStateStore(database, clock));

        var first = await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        var second = await collector.RunAsync(new Progress<string>(), CancellationToken.None);

        Assert.Equal((3L, 1L, 0L), (first.RowsWritten, first.Requests, first.NotModified));
        Assert.Equal((0L, 1L, 1L), (second.RowsWritten, second.Requests, second.NotModified));
        Assert.Equal("\"v1\"", server.Requests[^1].IfNoneMatch);
        // A client per run from the factory, not one held by the collector for the life of the process.
        Assert.Equal(2, clients.Created(CollectorHttpClients.CalendarFeeds));
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
