using System.Net;
using System.Text.Json;
using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries through the API: meeting_load.
/// <summary>
/// GET /api/v1/metrics/meetings over calendar occurrences written straight into the store and derived.
/// Team web (UTC, Mon-Fri 09-17, 40 working hours a week), window 2026-02-02 to 2026-02-16 (two weeks):
/// w1: Mon 02-02 09-10 (1 h) and Mon 02-09 09-12 (3 h): mean 2 h/week, load 0.05; focus (39 + 37) / 2 = 38.
/// w2..w5: Mon 09-13 both weeks: 4 h/week, load 0.1; focus Mon 13-17 4 + 32 = 36; 4 meeting-free days.
/// Medians over [2, 4, 4, 4, 4]: 4 h, p75 4; load 0.1; focus [36, 36, 36, 36, 38] median 36, p75 36.
/// Bands: 0-10 % w1, 10-20 % the other four. Team ops has 3 people with calendars, so its figures are withheld.
/// </summary>
public sealed class MeetingApiTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 18, 12, 0));
    private readonly HttpClient client;

    public MeetingApiTests()
    {
        client = factory.CreateClient();
        var database = factory.Services.GetRequiredService<DuckDbDatabase>();
        using (var connection = database.Open())
        {
            TableWriter.Upsert(connection, Tables.Teams,
                [new TeamRow("web", null, null, "UTC", "Mon-Fri 09:00-17:00"), new TeamRow("ops", null, null, "UTC", "Mon-Fri 09:00-17:00")]);
            void Member(string team, string person) =>
                connection.Execute("INSERT INTO team_memberships (team_id, person_id) VALUES ($team, $person)", new { team, person });
            void Meeting(string person, string day, int from, int to) => connection.Execute("""
                INSERT INTO calendar_occurrences (id, person_id, start_at, end_at, attendee_count, response, is_recurring, is_organizer,
                    is_all_day, is_transparent, is_cancelled)
                VALUES ($id, $person, CAST($start AS TIMESTAMPTZ), CAST($end AS TIMESTAMPTZ), 4, 'accepted', true, false, false, false, false)
                """, new { id = Guid.NewGuid().ToString("N"), person, start = $"{day} {from:00}:00:00+00", end = $"{day} {to:00}:00:00+00" });
            Member("web", "w1");
            Meeting("w1", "2026-02-02", 9, 10);
            Meeting("w1", "2026-02-09", 9, 12);
            foreach (var person in new[] { "w2", "w3", "w4", "w5" })
            {
                Member("web", person);
                Meeting(person, "2026-02-02", 9, 13);
                Meeting(person, "2026-02-09", 9, 13);
            }
            foreach (var person in new[] { "o1", "o2", "o3" })
            {
                Member("ops", person);
                Meeting(person, "2026-02-02", 9, 10);
            }
        }
        factory.Services.GetRequiredService<DerivationRunner>().Run();
    }

    public void Dispose() => factory.Dispose();

    private async Task<JsonElement> Get(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_team_of_five_gets_medians_and_a_distribution_but_no_person_list()
    {
        var m = await Get("/api/v1/metrics/meetings?team=web&from=2026-02-02&to=2026-02-16&interval=week");
        Assert.Equal(5, m.GetProperty("people").GetInt32());
        Assert.False(m.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("withheldReason").ValueKind);
        Assert.Equal(4.0, m.GetProperty("medianMeetingHoursPerWeek").GetDouble(), 9);
        Assert.Equal(4.0, m.GetProperty("p75MeetingHoursPerWeek").GetDouble(), 9);
        Assert.Equal(0.1, m.GetProperty("medianMeetingLoad").GetDouble(), 9);
        Assert.Equal(0.1, m.GetProperty("p75MeetingLoad").GetDouble(), 9);
        Assert.Equal(36.0, m.GetProperty("medianFocusHoursPerWeek").GetDouble(), 9);
        Assert.Equal(36.0, m.GetProperty("p75FocusHoursPerWeek").GetDouble(), 9);
        Assert.Equal(0.0, m.GetProperty("medianFragmentedHoursPerWeek").GetDouble(), 9);
        Assert.Equal(0.0, m.GetProperty("p75FragmentedHoursPerWeek").GetDouble(), 9);
        Assert.Equal(4.0, m.GetProperty("medianMeetingFreeDays").GetDouble(), 9);
        var bands = m.GetProperty("distribution").EnumerateArray()
            .Select(b => (b.GetProperty("band").GetString(), b.GetProperty("people").GetInt32())).ToList();
        Assert.Equal([("0-10%", 1), ("10-20%", 4), ("20-30%", 0), ("30-50%", 0), ("50%+", 0)], bands);
        var text = m.GetRawText();
        Assert.DoesNotContain("w1", text);
        Assert.DoesNotContain("personId", text);
    }

    [Fact]
    public async Task A_team_of_three_is_withheld_with_every_figure_null()
    {
        var m = await Get("/api/v1/metrics/meetings?team=ops&from=2026-02-02&to=2026-02-16");
        Assert.True(m.GetProperty("withheld").GetBoolean());
        Assert.Equal(3, m.GetProperty("people").GetInt32());
        Assert.Equal("3 people with calendars in this team; figures are shown from 5 (MinCohort)", m.GetProperty("withheldReason").GetString());
        foreach (var name in new[] { "medianMeetingHoursPerWeek", "p75MeetingHoursPerWeek", "medianMeetingLoad", "p75MeetingLoad",
                     "medianFocusHoursPerWeek", "p75FocusHoursPerWeek", "medianFragmentedHoursPerWeek", "p75FragmentedHoursPerWeek",
                     "medianMeetingFreeDays", "distribution" })
        {
            Assert.Equal(JsonValueKind.Null, m.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public async Task Only_weekly_figures_and_known_teams_are_served()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/metrics/meetings?team=web&interval=month")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/metrics/meetings?team=nobody")).StatusCode);
    }
}
