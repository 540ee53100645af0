using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Personal;

// Queries through the API: person_meeting_weeks, open_pull_requests (one author), review_requests_waiting.
/// <summary>
/// /api/v1/me through HTTP with API keys made for a person. Now: Wed 2026-02-18 12:00 UTC. Team web (UTC, Mon-Fri
/// 09-17: 40 working hours a week) with Users ana (email ana@acme.example, login ana-gh) and bo (login bo-gh).
/// Calendars, week of Mon 2026-02-09: ana Mon 09-11 and Tue 14-15 = 3 h, load 3 / 40 = 0.075; her meeting-free blocks
/// Mon 11-17 (6 h), Tue 09-14 (5 h), Tue 15-17 (2 h) and Wed-Fri 8 h each, all at least the 2 h focus block: focus
/// 6 + 5 + 2 + 24 = 37 h, fragmented 0, 3 meeting-free days, longest block 8 h. bo: Mon 09-17 = 8 h, load 0.2.
/// Pull requests of acme/api, all open: #1 by ana-gh, ready Mon 02-16 10:00, no review: waits for review 50 h
/// (Mon 10:00 to Wed 12:00). #2 by bo-gh, ana-gh's review asked Tue 02-17 10:00, none given: waits on ana 26 h. #3 by
/// bo-gh, ana-gh asked Mon 02-16 09:00 and reviewed Mon 12:00: nothing waits.
/// </summary>
public sealed class MeEndpointsTests : IDisposable
{
    private static readonly string[] Viewer = ["viewer"];

    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 18, 12, 0));
    private readonly HttpClient client;

    public MeEndpointsTests()
    {
        client = factory.CreateClient();
        var database = factory.Services.GetRequiredService<DuckDbDatabase>();
        using (var connection = database.Open())
        {
            TableWriter.Upsert(connection, Tables.Teams, [new TeamRow("web", null, null, "UTC", "Mon-Fri 09:00-17:00")]);
            connection.Execute("""
                INSERT INTO people VALUES ('ana', 'Ana S', 'ana@acme.example', NULL, true), ('bo', 'Bo', NULL, NULL, true);
                INSERT INTO identities VALUES ('ana@acme.example', 'ana', 'email'), ('ana-gh', 'ana', 'login'), ('bo-gh', 'bo', 'login');
                INSERT INTO team_memberships VALUES ('web', 'ana'), ('web', 'bo');
                INSERT INTO pull_requests (repo, number, author, created_at, title, url, source, draft) VALUES
                    ('acme/api', 1, 'ana-gh', TIMESTAMPTZ '2026-02-16 10:00:00+00', 'Search', 'https://github.example/acme/api/pull/1', 'test', false),
                    ('acme/api', 2, 'bo-gh', TIMESTAMPTZ '2026-02-17 09:00:00+00', 'Cache', 'https://github.example/acme/api/pull/2', 'test', false),
                    ('acme/api', 3, 'bo-gh', TIMESTAMPTZ '2026-02-16 08:00:00+00', 'Logs', 'https://github.example/acme/api/pull/3', 'test', false);
                INSERT INTO review_requests VALUES ('acme/api', 2, 'ana-gh', TIMESTAMPTZ '2026-02-17 10:00:00+00'),
                                                   ('acme/api', 3, 'ana-gh', TIMESTAMPTZ '2026-02-16 09:00:00+00');
                INSERT INTO reviews VALUES ('acme/api', 3, 'ana-gh', 'APPROVED', TIMESTAMPTZ '2026-02-16 12:00:00+00');
                """);
            void Meeting(string person, string day, int from, int to) => connection.Execute("""
                INSERT INTO calendar_occurrences (id, person_id, start_at, end_at, attendee_count, response, is_recurring, is_organizer,
                    is_all_day, is_transparent, is_cancelled)
                VALUES ($id, $person, CAST($start AS TIMESTAMPTZ), CAST($end AS TIMESTAMPTZ), 4, 'accepted', true, false, false, false, false)
                """, new { id = Guid.NewGuid().ToString("N"), person, start = $"{day} {from:00}:00:00+00", end = $"{day} {to:00}:00:00+00" });
            Meeting("ana", "2026-02-09", 9, 11);
            Meeting("ana", "2026-02-10", 14, 15);
            Meeting("bo", "2026-02-09", 9, 17);
        }
        factory.Services.GetRequiredService<DerivationRunner>().Run();
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Me_says_who_the_key_is_with_the_persons_catalog_teams()
    {
        var ana = await Key("ana-key", "ana");

        var me = await Json(ana, "/api/v1/me");

        Assert.Equal("api-key:ana-key", me.GetProperty("name").GetString());
        Assert.Equal("ana", me.GetProperty("person").GetString());
        Assert.Equal(["viewer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["web"], me.GetProperty("teams").EnumerateArray().Select(t => t.GetString())); // from ana's Group membership
    }

    [Fact]
    public async Task Each_person_sees_their_own_meeting_week_and_never_the_others()
    {
        var ana = await Key("ana-key", "ana");
        var bo = await Key("bo-key", "bo");

        var mine = await Json(ana, "/api/v1/me/meeting-load?from=2026-02-09&to=2026-02-16");
        var week = Assert.Single(mine.GetProperty("weeks").EnumerateArray());
        Assert.Equal("ana", mine.GetProperty("person").GetString());
        Assert.Equal("2026-02-09", week.GetProperty("week").GetString());
        Assert.Equal(40.0, week.GetProperty("workingHours").GetDouble(), 9);
        Assert.Equal(3.0, week.GetProperty("meetingHours").GetDouble(), 9);
        Assert.Equal(0.075, week.GetProperty("meetingLoad").GetDouble(), 9);
        Assert.Equal(37.0, week.GetProperty("focusHours").GetDouble(), 9);
        Assert.Equal(0.0, week.GetProperty("fragmentedHours").GetDouble(), 9);
        Assert.Equal(3, week.GetProperty("meetingFreeDays").GetInt32());
        Assert.Equal(8.0, week.GetProperty("longestFocusHours").GetDouble(), 9);
        Assert.DoesNotContain("bo", mine.GetRawText(), StringComparison.Ordinal);

        var his = Assert.Single((await Json(bo, "/api/v1/me/meeting-load?from=2026-02-09&to=2026-02-16")).GetProperty("weeks").EnumerateArray());
        Assert.Equal(8.0, his.GetProperty("meetingHours").GetDouble(), 9);
        Assert.Equal(0.2, his.GetProperty("meetingLoad").GetDouble(), 9);
    }

    [Fact]
    public async Task The_csv_holds_the_same_week()
    {
        var ana = await Key("ana-key", "ana");

        using var response = await Send(ana, "/api/v1/me/meeting-load?from=2026-02-09&to=2026-02-16&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("week,working_hours,meeting_hours,meeting_load,focus_hours,fragmented_hours,meeting_free_days,longest_focus_hours\r\n"
            + "2026-02-09,40,3,0.075,37,0,3,8\r\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task My_pull_requests_are_my_open_ones_and_the_reviews_still_asked_of_me()
    {
        var ana = await Key("ana-key", "ana");

        var pulls = await Json(ana, "/api/v1/me/pull-requests");

        var open = Assert.Single(pulls.GetProperty("open").EnumerateArray());
        Assert.Equal((1, "review"), (open.GetProperty("number").GetInt32(), open.GetProperty("waitingFor").GetString()));
        Assert.Equal(50.0, open.GetProperty("waitingHours").GetDouble(), 9);
        var asked = Assert.Single(pulls.GetProperty("reviewRequests").EnumerateArray()); // #3 was reviewed after it was asked
        Assert.Equal((2, "bo-gh"), (asked.GetProperty("number").GetInt32(), asked.GetProperty("author").GetString()));
        Assert.Equal(26.0, asked.GetProperty("waitingHours").GetDouble(), 9);

        using var csv = await Send(ana, "/api/v1/me/pull-requests?format=csv");
        Assert.Equal("list,repo,number,title,url,author,since,waiting_hours,waiting_for\r\n"
            + "open,acme/api,1,Search,https://github.example/acme/api/pull/1,ana-gh,2026-02-16T10:00:00Z,50,review\r\n"
            + "review-requested,acme/api,2,Cache,https://github.example/acme/api/pull/2,bo-gh,2026-02-17T10:00:00Z,26,your review\r\n",
            await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_key_of_no_person_gets_a_404_naming_the_setting_and_an_unknown_person_is_refused_at_creation()
    {
        var automation = await Key("ci", null);

        using var response = await Send(automation, "/api/v1/me/meeting-load");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("maps to no catalog User", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("--person", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await Json(automation, "/api/v1/me")).GetProperty("person").ValueKind);

        var unknown = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", roles = Viewer, person = "dora" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'dora' is no catalog User", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_view_of_a_persons_figures_is_a_person_view_audit_entry()
    {
        var ana = await Key("ana-key", "ana");
        (await Send(ana, "/api/v1/me")).Dispose(); // who you are: no figures, no entry
        (await Send(ana, "/api/v1/me/meeting-load?from=2026-02-09&to=2026-02-16")).Dispose();
        (await Send(ana, "/api/v1/me/pull-requests")).Dispose();

        var entries = JsonDocument.Parse(await client.GetStringAsync("/api/v1/audit?kind=person-view")).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("status").GetInt32())).ToList();

        Assert.Equal([
            ("api-key:ana-key", "GET /api/v1/me/pull-requests", 200),
            ("api-key:ana-key", "GET /api/v1/me/meeting-load?from=2026-02-09&to=2026-02-16", 200),
        ], entries); // newest first
    }

    [Fact]
    public async Task The_my_week_page_shows_my_figures_and_the_header_links_to_it_only_for_a_catalog_user()
    {
        var ana = await Key("ana-key", "ana");
        var automation = await Key("ci", null);

        using var page = await Send(ana, "/me?from=2026-02-09&to=2026-02-16");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<td>2026-02-09</td>", html, StringComparison.Ordinal);
        Assert.Contains("7.5%", html, StringComparison.Ordinal); // 3 h of 40
        Assert.Contains(">acme/api#1</a> Search", html, StringComparison.Ordinal);
        Assert.Contains(">acme/api#2</a> Cache by bo-gh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("acme/api#3", html, StringComparison.Ordinal);

        using var nobody = await Send(automation, "/me");
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Contains("maps to no catalog User", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var hers = await Send(ana, "/");
        using var its = await Send(automation, "/");
        Assert.Contains("href=\"/me\"", await hers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/me\"", await its.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A viewer key made by the local administrator, for <paramref name="person"/> (null: for automation).</summary>
    private async Task<string> Key(string name, string? person)
    {
        var created = await client.PostAsJsonAsync("/api/v1/api-keys", new { name, roles = Viewer, person });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
    }

    private async Task<HttpResponseMessage> Send(string key, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", key);
        return await client.SendAsync(request);
    }

    private async Task<JsonElement> Json(string key, string url)
    {
        using var response = await Send(key, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
