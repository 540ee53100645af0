using System.Text.Json;
using System.Text.RegularExpressions;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using NodaTime;
using NodaTime.Testing;
using static DevEx.SampleOrg.Tests.SampleData;

namespace DevEx.SampleOrg.Tests;

/// <summary>tickets.ndjson of the sample: every team's board, with the cases the ticket metrics must handle.</summary>
public sealed partial class SampleTicketTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private static readonly string[] StandardStatuses = ["To Do", "In Progress", "In Review", "Ready for QA", "In QA", "Blocked", "Done"];
    private static readonly string[] KanbanStatuses = ["Backlog", "Selected for Development", "Doing", "Code Review", "Closed"];
    private static readonly string[] TicketTypes = ["Story", "Bug", "Task"];
    private static readonly string[] FirstStatuses = ["To Do", "Backlog"];

    private IReadOnlyList<JsonElement> Tickets => field ??= File.ReadAllLines(Path.Combine(fixture.Directory, "tickets.ndjson"))
        .Select(line => JsonDocument.Parse(line).RootElement).ToList();

    [GeneratedRegex(@"^([A-Z][A-Z0-9]+)-(\d+)$")]
    private static partial Regex TicketKey();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]+-\d+\b")]
    private static partial Regex KeyInText();

    [Fact]
    public void Every_team_has_a_project_of_numbered_tickets_with_the_required_fields()
    {
        Assert.Equal(["checkout", "payments"], Tickets.Select(t => Str(t, "team")).Distinct().Order(StringComparer.Ordinal));
        foreach (var group in Tickets.GroupBy(t => Str(t, "team")))
        {
            var project = Assert.Single(group.Select(t => Str(t, "project")).Distinct());
            Assert.Equal(group.Select((_, i) => $"{project}-{i + 1}"), group.Select(t => Str(t, "key")));
        }
        Assert.Equal("PAY", Str(Tickets.First(t => Str(t, "team") == "payments"), "project"));
        Assert.All(Tickets, t =>
        {
            Assert.Matches(TicketKey(), Str(t, "key"));
            Assert.Contains(Str(t, "type"), TicketTypes);
            Assert.Contains($"    email: \"{Str(t, "assignee")}\"\n", Data.Users, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, t.GetProperty("labels").ValueKind);
        });
        Assert.Contains(Tickets, t => t.GetProperty("labels").GetArrayLength() > 0);
        Assert.Equal(3, Tickets.Select(t => Str(t, "type")).Distinct().Count());
    }

    [Fact]
    public void Histories_are_ordered_chained_and_inside_the_window_and_resolution_is_the_last_done()
    {
        var until = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        foreach (var ticket in Tickets)
        {
            var transitions = Transitions(ticket);
            var created = Time(ticket, "createdAt");
            var previous = (At: created, To: transitions.Count > 0 ? transitions[0].From : null);
            foreach (var transition in transitions)
            {
                Assert.True(transition.At >= previous.At && transition.At < until, Str(ticket, "key"));
                if (previous.To is not null)
                {
                    Assert.Equal(previous.To, transition.From);
                }
                previous = (transition.At, transition.To);
            }
            Assert.Contains(transitions.Count > 0 ? transitions[0].From : "To Do", FirstStatuses);
            var done = transitions.Count > 0 && transitions[^1].To is "Done" or "Closed";
            DateTimeOffset? resolved = OptionalStr(ticket, "resolvedAt") is null ? null : Time(ticket, "resolvedAt");
            Assert.Equal(done ? transitions[^1].At : null, resolved);
        }
    }

    [Fact]
    public void Both_workflows_use_all_their_status_names()
    {
        Assert.Equal(StandardStatuses.Order(StringComparer.Ordinal), Statuses("payments"));
        Assert.Equal(KanbanStatuses.Order(StringComparer.Ordinal), Statuses("checkout"));
    }

    [Fact]
    public void The_board_has_reopened_blocked_straight_to_done_open_and_back_and_forth_tickets()
    {
        var histories = Tickets.Select(t => (Ticket: t, Transitions: Transitions(t))).ToList();
        Assert.Contains(histories, h => h.Transitions.Any(t => t is { From: "Done", To: "In Progress" }));
        // A blocked period: into Blocked and, later, out of it again.
        Assert.Contains(histories, h => h.Transitions.Any(t => t is { From: "Blocked", To: "In Progress" }));
        Assert.Contains(histories, h => h.Transitions is [{ From: "To Do", To: "Done" }] && OptionalStr(h.Ticket, "resolvedAt") is not null);
        Assert.Contains(histories, h => OptionalStr(h.Ticket, "resolvedAt") is null && h.Transitions.Count > 0);
        Assert.Contains(histories, h => h.Transitions.Count == 0);
        Assert.Contains(histories, h => h.Transitions.Any(t => t is { From: "In Review", To: "In Progress" } or { From: "In QA", To: "In Progress" }));
    }

    [Fact]
    public void Work_moves_tickets_only_inside_the_teams_working_hours()
    {
        // payments works Mon-Fri 09:00-17:00 Europe/Berlin; every status change is a step of work or a wait counted in those hours.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        foreach (var transition in Tickets.Where(t => Str(t, "team") == "payments").SelectMany(Transitions))
        {
            var local = TimeZoneInfo.ConvertTime(transition.At, berlin);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17));
            Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        }
    }

    [Fact]
    public void Some_pull_requests_name_a_ticket_of_their_author_in_branch_or_title()
    {
        var keys = Tickets.Select(t => Str(t, "key")).ToHashSet(StringComparer.Ordinal);
        var named = Data.PullRequests
            .Select(p => (Branch: KeyInText().Match(Str(p, "headBranch")), Title: KeyInText().Match(Str(p, "title"))))
            .ToList();
        Assert.Contains(named, n => n.Branch.Success);
        Assert.Contains(named, n => n.Title.Success);
        Assert.All(named.SelectMany(n => new[] { n.Branch, n.Title }).Where(m => m.Success), m => Assert.Contains(m.Value, keys));
    }

    [Fact]
    public void The_tickets_import_without_a_reject()
    {
        using var db = TemporaryDatabase.Migrated();
        using var stream = File.OpenRead(Path.Combine(fixture.Directory, "tickets.ndjson"));

        var summary = new NdjsonImporter(db.Database, new FakeClock(Instant.FromUtc(2026, 3, 1, 12, 0))).Import(ImportKind.Tickets, stream, "tickets.ndjson");

        var transitions = TransitionRows(db);
        Assert.Equal((Tickets.Count, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(Tickets.Sum(t => t.GetProperty("transitions").GetArrayLength()), transitions);
        Assert.Equal(fixture.Summary.Tickets, Tickets.Count);
        Assert.Equal(fixture.Summary.TicketTransitions, transitions);
    }

    [Fact]
    public void Tickets_and_their_links_are_byte_identical_for_the_same_options()
    {
        var first = Path.Combine(Path.GetTempPath(), "devex-tickets-a-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "devex-tickets-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SampleOrganisationGenerator().Write(first, SampleOrganisationFixture.Options);
            new SampleOrganisationGenerator().Write(second, SampleOrganisationFixture.Options);
            foreach (var file in new[] { "tickets.ndjson", "pull_requests.ndjson" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(first, file));
                Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, file)));
                Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.Directory, file)));
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private SampleData Data => fixture.Data;

    private static long TransitionRows(TemporaryDatabase db)
    {
        using var connection = db.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ticket_transitions";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<string> Statuses(string team) => Tickets.Where(t => Str(t, "team") == team)
        .SelectMany(Transitions).SelectMany(t => new[] { t.From, t.To }).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<Transition> Transitions(JsonElement ticket) => ticket.GetProperty("transitions").EnumerateArray()
        .Select(t => new Transition(Time(t, "at"), Str(t, "from"), Str(t, "to"))).ToList();

    private sealed record Transition(DateTimeOffset At, string From, string To);
}
