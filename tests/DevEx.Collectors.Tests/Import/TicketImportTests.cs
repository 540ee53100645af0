using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// tickets.ndjson: a ticket and its transitions, and the repairs and rejects of a bad history. Every ticket is
/// created Mon 2026-02-02 09:00 UTC.
/// </summary>
public sealed class TicketImportTests : IDisposable
{
    private const string Good = """
        {"key":"PAY-1","project":"PAY","type":"Story","createdAt":"2026-02-02T09:00:00Z","resolvedAt":"2026-02-03T15:00:00Z","title":"Add search","assignee":"ana@example.com","team":"payments","labels":["search","backend"],"transitions":[{"at":"2026-02-02T10:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-03T11:00:00+01:00","from":"In Progress","to":"In Review"},{"at":"2026-02-03T15:00:00Z","from":"In Review","to":"Done"}]}
        """;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void A_good_ticket_lands_with_its_transitions_in_order()
    {
        var summary = db.Import(ImportKind.Tickets, Good);

        Assert.Equal((1, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("PAY-1", "PAY", "Story", "Add search", "ana@example.com", "payments")],
            db.Query<(string, string, string, string, string, string)>("SELECT key, project, type, title, assignee, team FROM tickets"));
        Assert.Equal(Utc(2, 9), db.Scalar<Instant>("SELECT created_at FROM tickets"));
        Assert.Equal(Utc(3, 15), db.Scalar<Instant>("SELECT resolved_at FROM tickets"));
        Assert.Equal("search,backend", db.Scalar<string>("SELECT array_to_string(labels, ',') FROM tickets"));
        // 11:00+01:00 is 10:00 UTC.
        Assert.Equal(
            [new Transition(0, Utc(2, 10), "To Do", "In Progress"), new Transition(1, Utc(3, 10), "In Progress", "In Review"),
                new Transition(2, Utc(3, 15), "In Review", "Done")],
            Transitions("PAY-1"));
    }

    [Fact]
    public void A_ticket_with_only_the_required_fields_is_open_with_no_history()
    {
        var summary = db.Import(ImportKind.Tickets, """{"key":"PAY-2","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z"}""");

        Assert.Equal(1, summary.Imported);
        Assert.Null(db.Scalar<Instant?>("SELECT resolved_at FROM tickets"));
        Assert.Equal(0, db.Count("ticket_transitions"));
    }

    [Theory]
    [InlineData("key")]
    [InlineData("project")]
    [InlineData("type")]
    [InlineData("createdAt")]
    public void A_ticket_without_a_required_field_is_rejected_naming_it(string field)
    {
        var line = """{"key":"PAY-2","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z"}""".Replace($"\"{field}\"", "\"other\"");

        var summary = db.Import(ImportKind.Tickets, line);

        Assert.Contains($"'{field}'", Assert.Single(summary.Rejects).Reason);
    }

    [Fact]
    public void Out_of_order_transitions_are_sorted_by_time_keeping_written_order_for_ties()
    {
        db.Import(ImportKind.Tickets, """
            {"key":"PAY-3","project":"PAY","type":"Task","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T12:00:00Z","to":"Done"},{"at":"2026-02-02T10:00:00Z","to":"In Progress"},{"at":"2026-02-02T11:00:00Z","to":"Blocked"},{"at":"2026-02-02T11:00:00Z","to":"In Progress"}]}
            """);

        Assert.Equal(
            [new Transition(0, Utc(2, 10), null, "In Progress"), new Transition(1, Utc(2, 11), null, "Blocked"),
                new Transition(2, Utc(2, 11), null, "In Progress"), new Transition(3, Utc(2, 12), null, "Done")],
            Transitions("PAY-3"));
    }

    [Fact]
    public void Exact_duplicate_transitions_are_dropped_but_a_different_from_is_kept()
    {
        db.Import(ImportKind.Tickets, """
            {"key":"PAY-4","project":"PAY","type":"Task","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T10:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-02T10:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-02T10:00:00Z","from":"Backlog","to":"In Progress"},{"at":"2026-02-02T12:00:00Z","from":"Blocked","to":"Done"}]}
            """);

        // The second is an exact copy of the first; the third differs in from; the fourth's from is not the previous to: kept as written.
        Assert.Equal(
            [new Transition(0, Utc(2, 10), "To Do", "In Progress"), new Transition(1, Utc(2, 10), "Backlog", "In Progress"),
                new Transition(2, Utc(2, 12), "Blocked", "Done")],
            Transitions("PAY-4"));
    }

    [Fact]
    public void A_transition_two_hours_before_creation_is_clamped_to_creation()
    {
        var summary = db.Import(ImportKind.Tickets, """
            {"key":"PAY-5","project":"PAY","type":"Task","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T07:00:00Z","to":"In Progress"},{"at":"2026-02-02T10:00:00Z","to":"Done"}]}
            """);

        Assert.Equal((1, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [new Transition(0, Utc(2, 9), null, "In Progress"), new Transition(1, Utc(2, 10), null, "Done")],
            Transitions("PAY-5"));
    }

    [Fact]
    public void A_transition_three_days_before_creation_rejects_the_line_naming_the_field()
    {
        var summary = db.Import(ImportKind.Tickets, Good, """
            {"key":"PAY-6","project":"PAY","type":"Task","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T10:00:00Z","to":"In Progress"},{"at":"2026-01-30T09:00:00Z","to":"Done"}]}
            """);

        Assert.Equal((1, 1), (summary.Imported, summary.Rejected));
        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(2, reject.Line);
        Assert.Contains("'transitions[1].at'", reject.Reason);
        Assert.Contains("72 h before 'createdAt'", reject.Reason);
        Assert.Equal(["PAY-1"], db.Query<string>("SELECT key FROM tickets"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM ticket_transitions WHERE key = 'PAY-6'"));
    }

    [Fact]
    public void Resolved_before_created_is_rejected()
    {
        var summary = db.Import(ImportKind.Tickets, """
            {"key":"PAY-7","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","resolvedAt":"2026-02-02T08:59:00Z"}
            """);

        Assert.Equal((0, 1), (summary.Imported, summary.Rejected));
        Assert.Contains("'resolvedAt' is before 'createdAt'", Assert.Single(summary.Rejects).Reason);
        Assert.Equal(0, db.Count("tickets"));
    }

    [Fact]
    public void A_bad_transition_timestamp_rejects_the_line_naming_its_index()
    {
        var summary = db.Import(ImportKind.Tickets, """
            {"key":"PAY-8","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T10:00:00Z","to":"In Progress"},{"at":"yesterday","to":"Done"}]}
            """);

        var reject = Assert.Single(summary.Rejects);
        Assert.Contains("'transitions[1].at'", reject.Reason);
        Assert.Contains("yesterday", reject.Reason);
        Assert.Equal(0, db.Count("tickets"));
        Assert.Equal(0, db.Count("ticket_transitions"));
    }

    [Fact]
    public void A_transition_without_to_rejects_the_line_naming_it()
    {
        var summary = db.Import(ImportKind.Tickets, """
            {"key":"PAY-9","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T10:00:00Z","from":"To Do"}]}
            """);

        Assert.Contains("'transitions[0].to'", Assert.Single(summary.Rejects).Reason);
    }

    [Fact]
    public void Reimporting_with_fewer_transitions_replaces_them()
    {
        db.Import(ImportKind.Tickets, Good);

        db.Import(ImportKind.Tickets, """
            {"key":"PAY-1","project":"PAY","type":"Story","createdAt":"2026-02-02T09:00:00Z","transitions":[{"at":"2026-02-02T10:00:00Z","from":"To Do","to":"In Progress"}]}
            """);

        Assert.Equal(1, db.Count("tickets"));
        Assert.Null(db.Scalar<Instant?>("SELECT resolved_at FROM tickets"));
        Assert.Equal([new Transition(0, Utc(2, 10), "To Do", "In Progress")], Transitions("PAY-1"));
    }

    [Fact]
    public void Seeding_shifts_tickets_skips_future_ones_drops_future_transitions_and_reopens_future_resolutions()
    {
        // Shifted a week to Mon 2026-02-09; the cut-off is Tue 2026-02-10 00:00 UTC.
        var timing = new ImportTiming(Duration.FromDays(7), Instant.FromUtc(2026, 2, 10, 0, 0));
        var future = """{"key":"PAY-10","project":"PAY","type":"Bug","createdAt":"2026-02-03T09:00:00Z"}""";

        var summary = db.Import(ImportKind.Tickets, Good + "\n" + future, timing);

        Assert.Equal((1, 0, 1), (summary.Imported, summary.Rejected, summary.Skipped));
        Assert.Equal(["PAY-1"], db.Query<string>("SELECT key FROM tickets"));
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 9, 0), db.Scalar<Instant>("SELECT created_at FROM tickets"));
        Assert.Null(db.Scalar<Instant?>("SELECT resolved_at FROM tickets"));
        Assert.Equal([new Transition(0, Instant.FromUtc(2026, 2, 9, 10, 0), "To Do", "In Progress")], Transitions("PAY-1"));
    }

    private List<Transition> Transitions(string key) =>
        db.Query<Transition>($"SELECT seq AS Seq, \"at\" AS At, from_status AS FromStatus, to_status AS ToStatus FROM ticket_transitions WHERE key = '{key}' ORDER BY seq");

    private static Instant Utc(int day, int hour) => Instant.FromUtc(2026, 2, day, hour, 0);

    private sealed record Transition(int Seq, Instant At, string? FromStatus, string ToStatus);
}
